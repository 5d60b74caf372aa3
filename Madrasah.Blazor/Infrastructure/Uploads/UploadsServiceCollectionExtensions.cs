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
        return services;
    }

    /// <summary>GET /berkas/{id}: an uploaded file, only for a signed-in user whose scope covers it (404 otherwise).</summary>
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/berkas/{id:guid}", async (Guid id, HttpContext http, UploadStore store, IDbContextFactory<MadrasahDbContext> factory) =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var file = await store.OpenAsync(db, UserScope.From(http.User), id);
            if (file is null) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Value.Content, file.Value.Upload.ContentType, file.Value.Upload.OriginalName,
                enableRangeProcessing: true);
        }).RequireAuthorization();
        return endpoints;
    }
}
