using System.Data.Common;
using System.Text;
using Madrasah.Blazor.Infrastructure.Live;
using Npgsql;

namespace Madrasah.Blazor.Data.Providers;

/// <summary>
/// Live updates across app servers on PostgreSQL: the committing transaction carries its topics in a NOTIFY on one
/// channel, which the server delivers to every listening app server only if the transaction commits; each server's
/// listener publishes other servers' topics to its own <see cref="LiveNotifier"/> (its own it has published already,
/// at once after the commit, as on SQLite). After its connection was lost, a listener tells every open page to reload,
/// since it may have missed changes meanwhile.
/// </summary>
public sealed class PostgreSqlLiveUpdates : BackgroundService, ILiveRelay
{
    private readonly NpgsqlDataSource dataSource;
    private readonly LiveNotifier notifier;
    private readonly ILogger<PostgreSqlLiveUpdates> logger;

    public PostgreSqlLiveUpdates(NpgsqlDataSource dataSource, LiveNotifier notifier, ILogger<PostgreSqlLiveUpdates> logger)
    {
        this.dataSource = dataSource;
        this.notifier = notifier;
        this.logger = logger;
        notifier.RelayTo(this);
    }

    public const string Channel = "madrasah_live";

    /// <summary>NOTIFY takes at most 8000 bytes; a longer list goes in several.</summary>
    private const int MaxPayloadBytes = 7_000;

    /// <summary>This process, so that it skips its own notifications.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Notifications received from other servers (for tests and the log).</summary>
    public long Received => Interlocked.Read(ref _received);

    private long _received;

    public void SendWithTransaction(DbTransaction transaction, IReadOnlyList<string> topics)
    {
        foreach (var payload in Payloads(topics))
        {
            using var command = Command(transaction.Connection!, transaction, payload);
            command.ExecuteNonQuery();
        }
    }

    public async Task SendWithTransactionAsync(DbTransaction transaction, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        foreach (var payload in Payloads(topics))
        {
            await using var command = Command(transaction.Connection!, transaction, payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Topics published outside a transaction (after an ExecuteUpdate, or a SaveChanges that needed none): sent on their own.</summary>
    public void Send(IReadOnlyList<string> topics) => _ = SendAsync(topics);

    private async Task SendAsync(IReadOnlyList<string> topics)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            foreach (var payload in Payloads(topics))
            {
                await using var command = Command(connection, null, payload);
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Live topics could not be sent to the other servers");
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string payload)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_notify('{Channel}', @payload)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "payload";
        parameter.Value = payload;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>"instance\ntopic\ntopic…", split to stay under the size limit.</summary>
    private IEnumerable<string> Payloads(IReadOnlyList<string> topics)
    {
        var text = new StringBuilder(Instance);
        var any = false;
        foreach (var topic in topics.Distinct())
        {
            if (any && Encoding.UTF8.GetByteCount(text.ToString()) + Encoding.UTF8.GetByteCount(topic) + 1 > MaxPayloadBytes)
            {
                yield return text.ToString();
                text.Clear().Append(Instance);
            }
            text.Append('\n').Append(topic);
            any = true;
        }
        if (any) yield return text.ToString();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lostBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (lostBefore)
                {
                    logger.LogInformation("Live updates from other servers are back; open pages reload");
                    notifier.PublishEverything();
                    lostBefore = false;
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    // A quiet minute: ask the server, so a dead link is noticed rather than waited on forever.
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken))
                        await using (var ping = new NpgsqlCommand("SELECT 1", connection)) await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The live-update link to PostgreSQL was lost; trying again");
                lostBefore = true;
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    private void Deliver(string payload)
    {
        var lines = payload.Split('\n');
        if (lines.Length < 2 || lines[0] == Instance) return;
        Interlocked.Increment(ref _received);
        notifier.PublishHere(lines.Skip(1));
    }
}
