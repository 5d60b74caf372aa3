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
    /// so ids reveal nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/berkas/{id:guid}", async (Guid id, HttpContext http, UploadStore store, IDbContextFactory<MadrasahDbContext> factory,
            IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var rule = services.GetService<IUploadAccessRule>();
            var reader = UserScope.From(http.User);
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var file = await store.OpenAsync(db, id, async owner =>
                (owner.OwnerUserId is { Length: > 0 } uploader && uploader == reader.UserId)
                || (rule is not null && await rule.MayReadAsync(http.User, owner, cancellationToken)));
            if (file is null) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Value.Content, file.Value.Upload.ContentType, file.Value.Upload.OriginalName,
                enableRangeProcessing: true);
        }).RequireAuthorization();
        return endpoints;
    }
}
