using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;

namespace Madrasah.Blazor.Infrastructure.Audit;

/// <summary>
/// Adds an audit entry to the caller's context, so it is saved in the same transaction as the change it
/// describes: no change without its entry, no entry without its change.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    public AuditEntry Record(MadrasahDbContext db, UserScope actor, string action, string summary,
        int? institutionId = null, int? districtId = null, string? entityType = null, object? entityId = null)
    {
        var entry = new AuditEntry
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            UserId = actor.IsAuthenticated ? actor.UserId : null,
            UserName = actor.IsAuthenticated ? actor.UserName : "(sistem)",
            InstitutionId = institutionId ?? actor.InstitutionId,
            DistrictId = districtId ?? actor.DistrictId,
            Action = action,
            // Within its column: a long list of changed values is shortened, never refused.
            Summary = summary.Length <= AuditEntry.SummaryMaxLength ? summary : summary[..(AuditEntry.SummaryMaxLength - 1)] + "…",
            EntityType = entityType,
            EntityId = entityId?.ToString(),
        };
        db.Add(entry);
        return entry;
    }
}

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddScoped<AuditQueryService>();
        return services.AddNavigationItem(new("/audit", "Log Audit", Icons.Material.Outlined.History,
            [Roles.Admin, Roles.AdminKabKota, Roles.Operator, Roles.KepalaMadrasah], Order: 90));
    }
}
