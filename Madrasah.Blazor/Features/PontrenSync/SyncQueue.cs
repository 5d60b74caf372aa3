using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>
/// The sync queue: queued runs (<see cref="SyncStatus.Antre"/>) start in request order, up to
/// <see cref="SyncOptions.MaxParallel"/> institutions at once and never two runs of one institution (the database
/// holds at most one open run per institution, and the queue skips an institution it is running). The queue lives in
/// the database, so a restart keeps waiting runs; a request wakes it, and it looks again every few seconds anyway.
/// </summary>
public sealed class SyncQueue(IDbContextFactory<MadrasahDbContext> factory, SyncJob job, WorkLocks workers, IOptions<SyncOptions> options, ILogger<SyncQueue> logger)
{
    private const int Lookahead = 50;

    private readonly WakeSignal _wake = new();
    private readonly SemaphoreSlim _filling = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Task> _running = [];

    /// <summary>A run was queued or finished: look at the queue now.</summary>
    public void Wake() => _wake.Wake();

    /// <summary>The institutions whose sync runs now.</summary>
    public IReadOnlyList<int> RunningInstitutions
    {
        get { lock (_gate) return _running.Keys.ToList(); }
    }

    /// <summary>Starts queued runs while there are free slots; returns how many it started.</summary>
    public async Task<int> StartWaitingAsync(CancellationToken cancellationToken)
    {
        await _filling.WaitAsync(cancellationToken);
        try
        {
            var max = Math.Max(1, options.Value.MaxParallel);
            int[] busy;
            lock (_gate)
            {
                if (_running.Count >= max) return 0;
                busy = [.. _running.Keys];
            }
            List<(int Id, int InstitutionId)> waiting;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
                waiting = (await db.Set<PontrenSyncRun>().AsNoTracking()
                    .Where(r => r.Status == SyncStatus.Antre && !busy.Contains(r.InstitutionId))
                    .OrderBy(r => r.RequestedUtc).ThenBy(r => r.Id).Take(Lookahead)
                    .Select(r => new { r.Id, r.InstitutionId }).ToListAsync(cancellationToken))
                    .Select(r => (r.Id, r.InstitutionId)).ToList();
            var started = 0;
            foreach (var (id, institutionId) in waiting)
            {
                lock (_gate)
                {
                    if (_running.Count >= max) break;
                    if (_running.ContainsKey(institutionId)) continue;
                }
                // Held from before the claim to the end, so another server never sees the run running without its worker.
                var worker = await workers.HoldAsync(SyncJob.WorkerKey(id), cancellationToken);
                if (!await job.ClaimAsync(id, cancellationToken))
                {
                    await worker.DisposeAsync();
                    continue;
                }
                lock (_gate) _running[institutionId] = Task.Run(() => RunOneAsync(id, institutionId, worker, cancellationToken), CancellationToken.None);
                started++;
            }
            return started;
        }
        finally
        {
            _filling.Release();
        }
    }

    private async Task RunOneAsync(int runId, int institutionId, IAsyncDisposable worker, CancellationToken cancellationToken)
    {
        try
        {
            await job.RunAsync(runId, cancellationToken);
        }
        finally
        {
            await worker.DisposeAsync();
            lock (_gate) _running.Remove(institutionId);
            Wake();
        }
    }

    /// <summary>Runs the queue until nothing waits and nothing runs (tests call this; the app's runner loops instead).</summary>
    public async Task RunPendingAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await StartWaitingAsync(cancellationToken);
            Task[] running;
            lock (_gate) running = [.. _running.Values];
            if (running.Length == 0) return;
            await Task.WhenAny(running);
        }
    }

    internal async Task RunQueueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await job.RecoverInterruptedAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Interrupted sync runs could not be marked as failed");
        }
        // With several servers (PostgreSQL) another one may stop while this one runs: look for its runs every time.
        var recoverEachTime = workers.SeesOtherServers;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (recoverEachTime) await job.RecoverInterruptedAsync(stoppingToken);
                await StartWaitingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The sync queue could not start waiting runs");
            }
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), stoppingToken);
            }
            catch (OperationCanceledException) { break; }
        }
        Task[] left;
        lock (_gate) left = [.. _running.Values];
        await Task.WhenAll(left);
    }
}

/// <summary>Runs <see cref="SyncQueue"/> in the app: first marks runs a stopped process left running as failed, then works the queue.</summary>
public sealed class SyncQueueRunner(SyncQueue queue) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => queue.RunQueueAsync(stoppingToken);
}
