using System.Net;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Logging;

namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Developer pages do not exist where they are switched off: a real 404 (with the Indonesian not-found page, through
/// the status-code re-execution placed before this) answers them before the router renders anything. Where they
/// are on (Development), the development pages (/dev/…) answer only requests from the machine itself
/// (<see cref="LocalRequests"/>), and 404 to everyone else. The pages keep their own checks for in-app navigation.
/// The not-found page of such a request has no circuit (<see cref="Answered"/>, App.razor).
/// </summary>
public static class HiddenPages
{
    public static WebApplication UseHiddenDeveloperPages(this WebApplication app)
    {
        var hidden = new List<PathString>();
        var localOnly = new List<PathString>();
        if (!app.Environment.IsDevelopment()) hidden.Add(DevMailbox.PathPrefix);
        else localOnly.Add(DevMailbox.PathPrefix);
        if (!FailureProbe.IsEnabled(app.Configuration)) hidden.Add(FailureProbe.PathPrefix);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (hidden.Exists(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                || (localOnly.Exists(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) && !LocalRequests.IsFromThisMachine(context)))
            {
                context.Items[HiddenKey] = true;
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next();
        });
        return app;
    }

    private const string HiddenKey = "Madrasah.HiddenPage";

    /// <summary>
    /// True when this request asked for a hidden page: its not-found page is rendered without a circuit, whose router
    /// would otherwise find the page at the browser's address (and send a visitor to the sign-in form instead).
    /// </summary>
    public static bool Answered(HttpContext context) => context.Items.ContainsKey(HiddenKey);
}

/// <summary>Whether a request comes from the machine the app runs on, by itself rather than relayed for someone else.</summary>
public static class LocalRequests
{
    /// <summary>
    /// Headers a proxy adds for the client it relays (X-Original-For: what ASP.NET Core's forwarded-headers middleware
    /// keeps of X-Forwarded-For once it believed it).
    /// </summary>
    private static readonly string[] RelayHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Original-For", "X-Forwarded-Host"];

    /// <summary>
    /// A loopback remote address and no sign of a relay: a proxy on this machine (nginx in front of the app) would
    /// otherwise make every visitor look local. No request (an interactive circuit without one) is not local.
    /// </summary>
    public static bool IsFromThisMachine(HttpContext? context)
    {
        if (context?.Connection.RemoteIpAddress is not { } remote) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote) && !RelayHeaders.Any(h => context.Request.Headers.ContainsKey(h));
    }
}
