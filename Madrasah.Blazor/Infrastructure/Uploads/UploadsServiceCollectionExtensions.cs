using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Uploads;

public static class UploadsServiceCollectionExtensions
{
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UploadOptions>(configuration.GetSection("Uploads"));
        services.AddSingleton<UploadStore>();
        services.AddSingleton<UploadJanitor>();
        services.AddHostedService(sp => sp.GetRequiredService<UploadJanitor>());
        return services;
    }

    /// <summary>
    /// GET /berkas/{id}: an uploaded file, only for a signed-in user (others are sent to the sign-in page) who uploaded it
    /// or whom the rule of the page it is shown on allows (<see cref="IUploadAccessRule"/>); any other id answers 404,
    /// so ids reveal nothing. With <c>?tampil=1</c> (<see cref="UploadLinks"/>) it is served inline, for a preview in the page.
    /// </summary>
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/berkas/{id:guid}", async (Guid id, HttpContext http, UploadStore store, IDbContextFactory<MadrasahDbContext> factory,
            IServiceProvider services, CancellationToken cancellationToken) =>
        {
            // Every feature's rule is asked (one per page that shows uploads); any one may allow.
            var rules = services.GetServices<IUploadAccessRule>().ToList();
            var reader = UserScope.From(http.User);
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var file = await store.OpenAsync(db, id, async owner =>
                (owner.OwnerUserId is { Length: > 0 } uploader && uploader == reader.UserId)
                || await AnyAllowsAsync(rules, http.User, id, owner, cancellationToken));
            if (file is null) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (http.Request.Query["tampil"] == "1")
            {
                // Only checked PDF, PNG and JPEG files are stored: safe to show in the page.
                http.Response.Headers.CacheControl = "private, no-store";
                http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = file.Value.Upload.OriginalName }.ToString();
                return Results.File(file.Value.Content, file.Value.Upload.ContentType, enableRangeProcessing: true);
            }
            return Results.File(file.Value.Content, file.Value.Upload.ContentType, file.Value.Upload.OriginalName,
                enableRangeProcessing: true);
        }).RequireAuthorization();
        return endpoints;
    }

    private static async Task<bool> AnyAllowsAsync(IReadOnlyList<IUploadAccessRule> rules, System.Security.Claims.ClaimsPrincipal user, Guid id,
        InstitutionRef owner, CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
            if (await rule.MayReadAsync(user, id, owner, cancellationToken)) return true;
        return false;
    }
}
