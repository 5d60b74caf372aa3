using System.Security.Claims;
using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.PontrenRegistration;

public enum RegistrationEmailKind { Received = 1, Approved = 2, Rejected = 3 }

public static class PontrenRegistrationServiceCollectionExtensions
{
    public const string QueuePath = "/pontren/antrean";

    /// <summary>The public pesantren registration (/pontren/daftar), its status link, and the district admin's queue.</summary>
    public static IServiceCollection AddPontrenRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPublicLinks(configuration);
        services.AddSingleton<RegistrationLimiter>();
        services.AddScoped<PontrenRegistrationService>();
        services.AddScoped<RegistrationQueueService>();
        services.AddUploadAccessRule<RegistrationUploadAccess>();
        var badge = new NavigationBadge(scope => PontrenTopics.Queue(scope.DistrictId ?? 0),
            (sp, scope) => sp.GetRequiredService<RegistrationQueueService>().CountWaitingAsync(scope));
        services.AddNavigationItem(new(QueuePath, "Pendaftaran Pontren", Icons.Material.Outlined.HowToReg, [Roles.AdminKabKota, Roles.Admin], badge, Order: 35));
        return services;
    }

    /// <summary>
    /// GET /pontren/antrean/dokumen/{id}: a registration's document served inline (shown in the queue's preview), only
    /// to the admin of its district or the administrator; anything else answers 404.
    /// </summary>
    public static IEndpointRouteBuilder MapPontrenRegistrationDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(QueuePath + "/dokumen/{id:guid}", async (Guid id, HttpContext http, UploadStore store, IDbContextFactory<MadrasahDbContext> factory,
            RegistrationQueueService queue, CancellationToken cancellationToken) =>
        {
            var reader = UserScope.From(http.User);
            if (!await queue.MayReadDocumentAsync(reader, id)) return Results.NotFound();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var file = await store.OpenAsync(db, id, _ => Task.FromResult(true));
            if (file is null) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentDisposition = "inline";
            return Results.File(file.Value.Content, file.Value.Upload.ContentType, enableRangeProcessing: true);
        }).RequireAuthorization(policy => policy.RequireRole(Roles.AdminKabKota, Roles.Admin));
        return endpoints;
    }
}

/// <summary>Applicants' documents (no account) are read by the admin of the registration's district and the administrator.</summary>
public sealed class RegistrationUploadAccess : IUploadAccessRule
{
    /// <summary>The owner recorded on an applicant's upload (no account has this id).</summary>
    public const string ApplicantOwner = "pontren-applicant";

    public Task<bool> MayReadAsync(ClaimsPrincipal user, InstitutionRef upload, CancellationToken cancellationToken)
    {
        if (upload.OwnerUserId != ApplicantOwner) return Task.FromResult(false);
        var scope = UserScope.From(user);
        return Task.FromResult(scope.Role == Roles.Admin || (scope.IsDistrictBound && scope.DistrictId == upload.DistrictId));
    }
}
