using System.Security.Claims;
using Madrasah.Blazor.Infrastructure.Identity;

namespace Madrasah.Blazor.Infrastructure.Uploads;

/// <summary>
/// Who may download an uploaded file besides the account that uploaded it: the rule of the page the file is shown on,
/// registered by the feature that owns that page (<c>services.AddUploadAccessRule&lt;T&gt;()</c>) and built from the
/// page's own rule (<see cref="PageAccess"/> plus the page's data query). Without a rule only the uploader downloads.
/// </summary>
public interface IUploadAccessRule
{
    Task<bool> MayReadAsync(ClaimsPrincipal user, InstitutionRef upload, CancellationToken cancellationToken);

    /// <summary>
    /// The same question with the file's id, for a rule that allows a file by the record it belongs to (a complaint's
    /// evidence: whoever sees that complaint) rather than by its institution. /berkas asks this one.
    /// </summary>
    Task<bool> MayReadAsync(ClaimsPrincipal user, Guid uploadId, InstitutionRef upload, CancellationToken cancellationToken) =>
        MayReadAsync(user, upload, cancellationToken);
}

/// <summary>The addresses of /berkas/{id}: as a download, or shown in the page (a PDF preview, an image).</summary>
public static class UploadLinks
{
    public static string Path(Guid id, bool inline = false) => inline ? $"/berkas/{id}?tampil=1" : $"/berkas/{id}";
}

public static class UploadAccessRuleServiceCollectionExtensions
{
    public static IServiceCollection AddUploadAccessRule<TRule>(this IServiceCollection services) where TRule : class, IUploadAccessRule
    {
        services.AddScoped<IUploadAccessRule, TRule>();
        return services;
    }
}
