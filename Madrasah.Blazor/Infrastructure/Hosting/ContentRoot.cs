namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Where the app reads appsettings.json and keeps its relative data folders (App_Data/…, wwwroot).
/// ASP.NET Core takes the current directory; a published app started from elsewhere
/// (<c>/srv/madrasah/out/Madrasah.Blazor</c> from a service manager's home folder) would then ignore its own
/// appsettings.json and create App_Data where it was started. So: the current directory when it holds
/// appsettings.json (<c>dotnet run --project Madrasah.Blazor</c> runs in the project folder), otherwise the
/// app's own folder. An explicit --contentRoot or ASPNETCORE_CONTENTROOT still wins.
/// </summary>
public static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    /// <summary>The content root to pass to the builder, or null to keep ASP.NET Core's choice.</summary>
    public static string? Choose(string[] args, string currentDirectory, string appDirectory, Func<string, string?> environmentVariable)
    {
        if (args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environmentVariable("DOTNET_CONTENTROOT")))
            return null;
        if (File.Exists(Path.Combine(currentDirectory, SettingsFile))) return null;
        return appDirectory;
    }

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Choose(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
    };
}
