using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Audit;

/// <summary>A row of the audit table (settable: BootstrapBlazor's Table binds its columns).</summary>
public sealed class AuditRow
{
    public long Id { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? InstitutionName { get; set; }
}

/// <summary>Reads the audit log within the user's scope, newest first, a page at a time.</summary>
public sealed class AuditQueryService(IDbContextFactory<MadrasahDbContext> factory)
{
    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> PageAsync(UserScope scope, int pageIndex, int pageSize, string? search = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var entries = db.Set<AuditEntry>().AsNoTracking().VisibleTo(scope, db.Institutions);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            entries = entries.Where(a => a.Summary.Contains(term) || a.UserName.Contains(term) || a.Action.Contains(term));
        }
        var total = await entries.CountAsync();
        var rows = await entries
            .OrderByDescending(a => a.Id)
            .Skip(Math.Max(0, pageIndex - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditRow
            {
                Id = a.Id, OccurredUtc = a.OccurredUtc, UserName = a.UserName, Action = a.Action, Summary = a.Summary,
                InstitutionName = db.Institutions.Where(i => i.Id == a.InstitutionId).Select(i => i.Name).FirstOrDefault(),
            })
            .ToListAsync();
        return (rows, total);
    }
}
