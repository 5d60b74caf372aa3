using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Madrasah.Blazor.Data.Providers;

/// <summary>Which database engine the app runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file: the default, nothing else to start.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several app servers at once.</summary>
    PostgreSQL,
}

/// <summary>
/// The one place that knows the engines apart: what the features need from the database that SQLite and
/// PostgreSQL do differently. Features call these and never name an engine.
/// </summary>
public static class DatabaseEngine
{
    public static bool IsPostgreSql(this DatabaseFacade database) => database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Before the migrations run: SQLite switches the file to WAL; PostgreSQL creates the database when it is new.</summary>
    public static Task PrepareAsync(this DatabaseFacade database, CancellationToken cancellationToken = default) =>
        database.IsPostgreSql()
            ? PostgreSqlDatabase.CreateIfMissingAsync(database.GetConnectionString()!, cancellationToken)
            : database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>A unique index refused the row (another request saved the same thing first).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT: the model's only constraints that can fail here are unique ones
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>The database was busy with another writer past the wait (SQLite only; PostgreSQL waits for row locks).</summary>
    public static bool IsBusy(Exception e) => e is SqliteException { SqliteErrorCode: 5 or 6 };

    /// <summary>
    /// Makes the open transaction the only one at a time that holds <paramref name="key"/> until it ends, so a
    /// check-then-write (a rate limit, a "one code at a time" rule) cannot interleave with another request's.
    /// On SQLite every write transaction already holds the file's one write lock (BEGIN IMMEDIATE); on PostgreSQL a
    /// transaction-scoped advisory lock on the key's hash does it.
    /// </summary>
    public static async Task SerializeOnAsync(this DatabaseFacade database, string key, CancellationToken cancellationToken = default)
    {
        if (database.CurrentTransaction is null) throw new InvalidOperationException("SerializeOnAsync needs an open transaction.");
        if (!database.IsPostgreSql()) return;
        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
