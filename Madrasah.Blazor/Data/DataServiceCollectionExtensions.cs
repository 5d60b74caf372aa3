using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Data.Providers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Data;

public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (the default: one file, nothing else to start) or <c>PostgreSQL</c> (several app servers).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Path of the SQLite file; relative paths are taken from the app's folder.</summary>
    public string Path { get; set; } = "App_Data/madrasah.db";

    /// <summary>PostgreSQL's connection string (Npgsql form: <c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seed the demo district, institutions and accounts on a fresh database; unset means "in Development only".</summary>
    public bool? SeedDemoData { get; set; }

    public static DatabaseOptions From(IConfiguration configuration) => configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();

    /// <summary>Where the database is, for messages (never the password).</summary>
    public string Describe() => Provider == DatabaseProvider.PostgreSQL
        ? $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.Database}"
        : Path;
}

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddMadrasahData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = DatabaseOptions.From(configuration);
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));
        services.AddLiveUpdates();
        services.TryAddSingleton<AfterCommitInterceptor>();
        services.TryAddSingleton<WorkLocks>();
        services.TryAddSingleton<JobSchedule>();
        services.AddHostedService<DatabaseInitializer>(); // first: the other hosted services find the database migrated
        if (options.Provider == DatabaseProvider.PostgreSQL) services.AddPostgreSqlDatabase(options);
        else services.AddSqliteDatabase(options, environment.ContentRootPath);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
