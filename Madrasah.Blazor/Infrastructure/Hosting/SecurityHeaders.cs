using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Transport and response headers. In every environment each response (pages, static files, downloads, error
/// pages) says X-Content-Type-Options: nosniff, Referrer-Policy: same-origin and a Permissions-Policy that switches
/// off camera, microphone, location and the like, and Kestrel sends no Server header. Pages carry a
/// Content-Security-Policy that allows what Blazor Server and MudBlazor need and nothing more:
/// <list type="bullet">
/// <item>scripts from the app itself, plus the one inline script (the import map) by a nonce fresh for each response
/// (<see cref="ScriptNonce"/>); no 'unsafe-inline', no 'unsafe-eval' (Blazor Server and MudBlazor use neither);</item>
/// <item>styles from the app and inline: MudBlazor writes style attributes and its theme's style element;</item>
/// <item>connections to the app itself, including the circuit's WebSocket (ws/wss on the page's own host);</item>
/// <item>images from the app and data: URIs; fonts from the app; frames from the app (the PDF preview);</item>
/// <item>no plugins, no other base URI, no framing by other sites, forms posting to the app only.</item>
/// </list>
/// Other responses may be framed by the app's own pages only (a PDF in the preview). Outside Development every
/// cookie is Secure, plain HTTP is redirected to HTTPS (except the health probe, for local monitors) and HTTPS
/// answers carry HSTS, unless App:TrustedProxies names a reverse proxy: that proxy terminates TLS, and redirects
/// and sends HSTS itself.
/// </summary>
public static partial class SecurityHeaders
{
    private const string NonceKey = "Madrasah.ScriptNonce";

    public const string ReferrerPolicy = "same-origin";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), "
        + "microphone=(), midi=(), payment=(), serial=(), usb=()";

    /// <summary>The health probe stays reachable over plain HTTP (a monitor on the machine itself asks it).</summary>
    private static readonly PathString HealthPath = "/healthz";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>Place after the exception handler and status-code pages: their re-executed error pages pass through here again.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(WriteHeadersAsync, context);
            return next(context);
        });
        if (app.Environment.IsDevelopment()) return app;

        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        if (!ForwardedHeadersSetup.IsEnabled(app.Configuration))
        {
            app.UseHsts();
            app.UseWhen(context => !context.Request.Path.StartsWithSegments(HealthPath), https => https.UseHttpsRedirection());
        }
        return app;
    }

    /// <summary>The nonce of this response's inline scripts (created on first use): <c>&lt;ImportMap nonce="…" /&gt;</c>.</summary>
    public static string ScriptNonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce) return nonce;
        nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)); // 144 bits; nothing HTML escapes
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    private static Task WriteHeadersAsync(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.ContentSecurityPolicy = IsPage(context.Response.ContentType) ? PagePolicy(context) : "frame-ancestors 'self'";
        return Task.CompletedTask;
    }

    private static bool IsPage(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The policy of a page; <paramref name="context"/> gives the script nonce and the host of the circuit's WebSocket.</summary>
    public static string PagePolicy(HttpContext context)
    {
        var scripts = context.Items[NonceKey] is string nonce ? $"'self' 'nonce-{nonce}'" : "'self'";
        // 'self' covers ws/wss to the page's own host in current browsers; older ones need it spelled out.
        var host = context.Request.Host.Value;
        var socket = host is not null && PlainHost().IsMatch(host) ? $" {(context.Request.IsHttps ? "wss" : "ws")}://{host}" : "";
        return $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
            + $"connect-src 'self'{socket}; frame-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
    }

    /// <summary>A host name or address with an optional port: nothing that could end a directive.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")]
    private static partial Regex PlainHost();
}
