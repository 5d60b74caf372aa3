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
}

public static class UploadAccessRuleServiceCollectionExtensions
{
    public static IServiceCollection AddUploadAccessRule<TRule>(this IServiceCollection services) where TRule : class, IUploadAccessRule
    {
        services.AddScoped<IUploadAccessRule, TRule>();
        return services;
    }
}
