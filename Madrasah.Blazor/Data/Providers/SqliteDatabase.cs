using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Data.Providers;

/// <summary>The default engine: one SQLite file next to the app, in WAL mode (readers never wait for the writer).</summary>
public static class SqliteDatabase
{
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        var connectionString = BuildConnectionString(options.Path, contentRoot);
        services.AddDbContextFactory<MadrasahDbContext>((sp, o) => o.UseSqlite(connectionString)
            .AddInterceptors(sp.GetRequiredService<AfterCommitInterceptor>()));
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
