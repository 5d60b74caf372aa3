using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// The app's own service registrations (data with its after-commit interceptor, identity, audit) over a
/// <see cref="TestDatabase"/>, plus the feature's own <c>Add…()</c>: service tests build their services through
/// these, never with <c>new</c>. Each request scope gets an HttpContext so sign-in can write its cookie.
/// </summary>
public sealed class AppServices : IAsyncDisposable
{
    /// <summary>The PBKDF2 iterations of Passwords in tests (the app's own 210,000 take 0.1-0.3 s of CPU per hash).</summary>
    public const int TestPasswordHashIterations = 1_000;

    public TestDatabase Database { get; }

    private readonly ServiceProvider _provider;

    /// <summary>The services; the PostgreSQL database is made when they are first asked for (unless the demo data was copied in first).</summary>
    public ServiceProvider Provider { get { Database.EnsureCreated(); return _provider; } }

    /// <param name="configure">The feature's own registrations.</param>
    /// <param name="settings">Configuration as appsettings.json would give it ("HeadRegistration:CodeValidDays" = "3").</param>
    /// <param name="migrate">False starts from an empty database file (the start-up's own migration is under test).</param>
    public AppServices(Action<IServiceCollection, IConfiguration>? configure = null, IDictionary<string, string?>? settings = null, bool migrate = true)
    {
        Database = new TestDatabase(migrate);
        var services = new ServiceCollection();
        // Not through Register(…, TestDatabase, …), which makes the database at once: a test that copies the demo data
        // in first (DemoSeed.CopyIntoAsync, before it asks for a service) makes it once, from the seeded template.
        Register(services, Database.Path, Database.Folder, configure, Merge(Database.Settings, settings));
        // As the app's Development host: a singleton that takes a scoped service fails the test.
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>
    /// Registers what start-up registers for data, identity and audit over <paramref name="database"/>, then the
    /// feature's own registrations: service tests and component tests (bUnit) build on the same registrations.
    /// </summary>
    public static void Register(IServiceCollection services, TestDatabase database,
        Action<IServiceCollection, IConfiguration>? configure = null, IDictionary<string, string?>? settings = null)
    {
        database.EnsureCreated(); // a provider of the caller's own: its first service may open the database at once
        Register(services, database.Path, database.Folder, configure, Merge(database.Settings, settings));
    }

    private static Dictionary<string, string?> Merge(IDictionary<string, string?> first, IDictionary<string, string?>? then)
    {
        var merged = new Dictionary<string, string?>(first);
        foreach (var (key, value) in then ?? new Dictionary<string, string?>()) merged[key] = value;
        return merged;
    }

    /// <summary>The same over a database file and data folder of one's own, e.g. a running <see cref="TestApp"/>'s.</summary>
    public static void Register(IServiceCollection services, string databasePath, string dataFolder,
        Action<IServiceCollection, IConfiguration>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = databasePath,
            ["DataProtection:KeyFolder"] = Path.Combine(dataFolder, "keys"),
            ["Uploads:Folder"] = Path.Combine(dataFolder, "uploads"),
            // Every sign-in and new Password hashes: a cheap count for tests (the app's 210,000 has a test of its own).
            [PasswordHashing.IterationsKey] = TestPasswordHashIterations.ToString(),
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var environment = new TestHostEnvironment(dataFolder);
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton(TimeProvider.System);
        services.AddMadrasahData(configuration, environment);
        services.AddMadrasahIdentity(configuration, environment);
        services.AddAudit();
        services.AddDemoData();
        configure?.Invoke(services, configuration);
    }

    /// <summary>A request-like scope: services resolved from it see an HttpContext (for SignInManager).</summary>
    public AsyncServiceScope CreateRequestScope()
    {
        var scope = Provider.CreateAsyncScope(); // (makes the database if it was not yet)
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        return scope;
    }

    /// <summary>The demo data, as the start-up seeds it (a copy of one seeding per test run: its password hashes take seconds).</summary>
    public Task SeedDemoDataAsync() => DemoSeed.CopyIntoAsync(Database);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Database.Dispose();
    }

    private sealed class TestHostEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Madrasah.Blazor";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(root);
    }
}
