using System.Collections.Concurrent;
using Npgsql;

namespace Madrasah.Blazor.Data.Providers;

/// <summary>
/// Who is still working on a long piece of work (a sync run), across app servers. A worker holds the work's key for
/// as long as it works; another server can then tell work whose worker died (its process stopped) from work in
/// progress. On PostgreSQL the hold is a session advisory lock on a connection of its own, which the server releases
/// the moment that connection ends, however the process ended. On SQLite there is one server: work it does not hold
/// itself has no worker.
/// </summary>
public sealed class WorkLocks(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, byte> _heldHere = new();
    private NpgsqlDataSource? DataSource => services.GetService<NpgsqlDataSource>();

    /// <summary>True when other app servers may be working too (PostgreSQL).</summary>
    public bool SeesOtherServers => DataSource is not null;

    /// <summary>Holds <paramref name="key"/> until the result is disposed; waits while another server holds it.</summary>
    public async Task<IAsyncDisposable> HoldAsync(string key, CancellationToken cancellationToken = default)
    {
        _heldHere[key] = 0;
        if (DataSource is not { } dataSource) return new Hold(() => _heldHere.TryRemove(key, out _), null);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@key, 0))", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            _heldHere.TryRemove(key, out _);
            await connection.DisposeAsync();
            throw;
        }
        return new Hold(() => _heldHere.TryRemove(key, out _), connection);
    }

    /// <summary>True when nobody holds <paramref name="key"/>: its worker, if it had one, has stopped.</summary>
    public async Task<bool> IsAbandonedAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_heldHere.ContainsKey(key)) return false;
        if (DataSource is not { } dataSource) return true;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT pg_try_advisory_lock(hashtextextended(@key, 0)) AND pg_advisory_unlock(hashtextextended(@key, 0))", connection);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private sealed class Hold(Action release, NpgsqlConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            release();
            if (connection is not null) await connection.DisposeAsync(); // ends the session, and with it the lock
        }
    }
}
