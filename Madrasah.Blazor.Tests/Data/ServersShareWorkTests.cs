using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Madrasah.Blazor.Tests.Data;

/// <summary>
/// Work that several app servers share through the database: a periodic job starts once per period whichever server
/// asks, and a long piece of work is known to be in progress while its worker holds it (on PostgreSQL, even when the
/// worker is another server). Each "server" here is a schedule or lock set of its own over the same database.
/// </summary>
public sealed class ServersShareWorkTests : IAsyncDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ManualClock _clock = new();
    private readonly List<ServiceProvider> _servers = [];

    [Fact]
    public async Task A_periodic_job_starts_once_per_period_whichever_server_asks()
    {
        var a = new JobSchedule(_database.Factory, _clock);
        var b = new JobSchedule(_database.Factory, _clock);
        var every = TimeSpan.FromHours(6);

        // Both servers' timers tick at once, many times: exactly one start.
        var first = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).TryStartAsync("upload-sweep", every)));
        Assert.Single(first, started => started);

        _clock.Advance(TimeSpan.FromHours(5));
        Assert.False(await a.TryStartAsync("upload-sweep", every));
        Assert.False(await b.TryStartAsync("upload-sweep", every));

        _clock.Advance(TimeSpan.FromHours(1));
        var second = await Task.WhenAll(a.TryStartAsync("upload-sweep", every), b.TryStartAsync("upload-sweep", every));
        Assert.Single(second, started => started);
        Assert.True(await a.TryStartAsync("another-job", every)); // each job has its own period
    }

    [Fact]
    public async Task Work_is_abandoned_only_once_its_worker_lets_go_or_stops()
    {
        var serverA = Locks();
        var serverB = Locks();
        Assert.True(await serverB.IsAbandonedAsync("pontren-sync-run:7")); // nobody works on it

        var worker = await serverA.HoldAsync("pontren-sync-run:7");
        Assert.False(await serverA.IsAbandonedAsync("pontren-sync-run:7"));
        if (_database.Provider == DatabaseProvider.PostgreSQL)
        {
            // Another server sees it held; on SQLite there is no other server to ask.
            Assert.False(await serverB.IsAbandonedAsync("pontren-sync-run:7"));
            Assert.True(await serverB.IsAbandonedAsync("pontren-sync-run:8"));
        }

        await worker.DisposeAsync(); // the worker ends (or its process stops, which closes its connection)
        Assert.True(await serverA.IsAbandonedAsync("pontren-sync-run:7"));
        Assert.True(await serverB.IsAbandonedAsync("pontren-sync-run:7"));
    }

    /// <summary>The lock set of one app server: with the engine's connection pool of its own on PostgreSQL.</summary>
    private WorkLocks Locks()
    {
        var services = new ServiceCollection();
        if (_database.Provider == DatabaseProvider.PostgreSQL)
            services.AddSingleton(_ => new NpgsqlDataSourceBuilder(_database.ConnectionString).Build());
        var provider = services.BuildServiceProvider();
        _servers.Add(provider);
        return new WorkLocks(provider);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await _database.DisposeAsync();
    }
}
