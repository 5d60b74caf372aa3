namespace Madrasah.Blazor.Infrastructure.Logging;

/// <summary>
/// A deliberate failure at /_uji/galat, mapped only when "Diagnostics:FailureProbe" is true (browser tests set it),
/// so the error page can be checked against a real unhandled exception.
/// </summary>
public static class FailureProbe
{
    public const string Path = "/_uji/galat";
    /// <summary>Every probe page lies under this prefix (404 when the probe is off).</summary>
    public const string PathPrefix = "/_uji";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Diagnostics:FailureProbe");

    public static IEndpointRouteBuilder MapFailureProbe(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
            endpoints.MapGet(Path, string () => throw new InvalidOperationException("Failure probe: deliberate test exception"));
        return endpoints;
    }
}
