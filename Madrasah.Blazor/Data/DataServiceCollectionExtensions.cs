using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Data;

public sealed class DatabaseOptions
{
    /// <summary>Path of the SQLite file; relative paths are taken from the app's folder.</summary>
    public string Path { get; set; } = "App_Data/madrasah.db";

    /// <summary>Seed the demo district, institutions and accounts on a fresh database; unset means "in Development only".</summary>
    public bool? SeedDemoData { get; set; }
}

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddMadrasahData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = BuildConnectionString(options.Path, environment.ContentRootPath);
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));
        services.AddLiveUpdates();
        services.TryAddSingleton<AfterCommitInterceptor>();
        services.AddDbContextFactory<MadrasahDbContext>((sp, o) => o.UseSqlite(connectionString)
            .AddInterceptors(sp.GetRequiredService<AfterCommitInterceptor>()));
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static string BuildConnectionString(string path, string contentRoot)
    {
        var fullPath = System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(contentRoot, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
