using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Madrasah.Blazor.Infrastructure;

/// <summary>
/// The address people reach the app at ("App:PublicBaseUrl"): absolute links in emails and QR codes.
/// </summary>
public sealed class PublicLinks(string baseUrl)
{
    public const string DefaultBaseUrl = "http://localhost:5080";

    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public static PublicLinks FromConfiguration(IConfiguration configuration) =>
        new(configuration["App:PublicBaseUrl"] is { Length: > 0 } url ? url : DefaultBaseUrl);

    /// <summary>A path is put after <see cref="BaseUrl"/>; an absolute http(s)/mailto URL stays as it is.</summary>
    public string Absolute(string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto"
            ? pathOrUrl
            : BaseUrl + "/" + pathOrUrl.TrimStart('/');
}

public static class PublicLinksServiceCollectionExtensions
{
    public static IServiceCollection AddPublicLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(PublicLinks.FromConfiguration(configuration));
        return services;
    }
}
