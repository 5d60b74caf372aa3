using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, IIS ARR, a campus gateway) every request seems to come from the proxy, so the
/// per-client rate limit of the NIK + code sign-in would count all users as one. "App:TrustedProxies" lists the
/// proxies' addresses or networks (CIDR, e.g. "10.0.0.0/24"); only requests arriving from them have their
/// X-Forwarded-For / X-Forwarded-Proto believed. Empty (the default): the headers are ignored, as they must be
/// when clients reach the app directly and could write any header they like.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "App:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var entries = configuration.GetSection(Section).Get<string[]>() ?? [];
        Configure(new ForwardedHeadersOptions(), entries); // a mistyped entry stops the start, not the first request
        services.Configure<ForwardedHeadersOptions>(o => Configure(o, entries));
        return services;
    }

    /// <summary>
    /// Uses the forwarded headers only when trusted proxies are configured (ASP.NET Core's middleware would believe
    /// any sender when its lists are empty).
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (IsEnabled(app.Configuration)) app.UseForwardedHeaders();
        return app;
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<string[]>() ?? []).Any(e => !string.IsNullOrWhiteSpace(e));

    /// <summary>Trusts exactly the listed addresses and networks (not even loopback otherwise). Throws on an unreadable entry.</summary>
    public static void Configure(ForwardedHeadersOptions options, IEnumerable<string> entries)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry.Contains('/'))
            {
                var parts = entry.Split('/');
                if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var prefix) || !int.TryParse(parts[1], out var length))
                    throw new InvalidOperationException($"{Section}: \"{entry}\" is not an address or a CIDR network.");
                options.KnownIPNetworks.Add(new System.Net.IPNetwork(prefix, length));
            }
            else if (IPAddress.TryParse(entry, out var address))
                options.KnownProxies.Add(address);
            else
                throw new InvalidOperationException($"{Section}: \"{entry}\" is not an address or a CIDR network.");
        }
    }
}
