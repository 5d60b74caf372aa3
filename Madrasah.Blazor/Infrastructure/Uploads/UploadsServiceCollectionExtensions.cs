using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
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
    /// GET /berkas/{id}: an uploaded file, only for a signed-in user (others are sent to the sign-in page) whose scope
    /// covers it by the <see cref="Policies.InScope"/> policy; any other id answers 404, so ids reveal nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/berkas/{id:guid}", async (Guid id, HttpContext http, UploadStore store, IDbContextFactory<MadrasahDbContext> factory,
            IAuthorizationService authorization) =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var file = await store.OpenAsync(db, id, owner => authorization.IsInScopeAsync(http.User, owner));
            if (file is null) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Value.Content, file.Value.Upload.ContentType, file.Value.Upload.OriginalName,
                enableRangeProcessing: true);
        }).RequireAuthorization();
        return endpoints;
    }
}
