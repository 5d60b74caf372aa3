using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Logging;

namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Developer pages do not exist where they are switched off: a real 404 (with the Indonesian not-found page, through
/// the status-code re-execution placed before this) answers them before the router renders anything.
/// The pages keep their own check for in-app navigation.
/// </summary>
public static class HiddenPages
{
    public static WebApplication UseHiddenDeveloperPages(this WebApplication app)
    {
        var hidden = new List<PathString>();
        if (!app.Environment.IsDevelopment()) hidden.Add(DevMailbox.PathPrefix);
        if (!FailureProbe.IsEnabled(app.Configuration)) hidden.Add(FailureProbe.PathPrefix);
        if (hidden.Count == 0) return app;
        app.Use(async (context, next) =>
        {
            if (hidden.Exists(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next();
        });
        return app;
    }
}
