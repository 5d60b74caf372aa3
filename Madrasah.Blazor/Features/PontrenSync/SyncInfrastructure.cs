using System.Collections.Concurrent;
using Madrasah.Blazor.Infrastructure.Live;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>Settings of the sync queue ("PontrenSync" in appsettings.json).</summary>
public sealed class SyncOptions
{
    public const string Section = "PontrenSync";

    /// <summary>How many institutions sync at the same time (never two syncs of one institution). Default 2.</summary>
    public int MaxParallel { get; set; } = 2;

    /// <summary>Rows written per batch inside the sync's transaction (progress is reported after each batch).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the runner looks at the queue when nothing wakes it (a request in this process wakes it at once).</summary>
    public int PollSeconds { get; set; } = 10;
}

/// <summary>Live topics of the sync, so the runner, the pages and the district view agree.</summary>
public static class SyncTopics
{
    private const string Feature = "pontren-sync";

    /// <summary>An institution's runs changed (queued, started, progressed, finished).</summary>
    public static string Institution(int institutionId) => LiveTopics.Feature(Feature, institutionId);

    /// <summary>Any run of an institution in the district changed: the district status page.</summary>
    public static string District(int districtId) => LiveTopics.FeatureDistrict(Feature, districtId);

    /// <summary>The queue moved (a run was queued, started or finished): queue positions of waiting runs change.</summary>
    public const string Queue = Feature + ":queue";
}

/// <summary>How far a running sync is: rows done of rows to do.</summary>
public sealed record SyncProgress(int Processed, int Total);

/// <summary>
/// The progress of running syncs, kept in memory: SQLite has one writer, and the sync's own transaction holds it, so
/// progress is never written to a row while the run works. Pages read it from here (the run row says Berjalan); it is
/// forgotten when the run finishes (the row then holds the final counts).
/// </summary>
public sealed class SyncProgressRegistry
{
    private readonly ConcurrentDictionary<int, SyncProgress> _runs = new();

    public void Report(int runId, int processed, int total) => _runs[runId] = new(processed, total);

    public SyncProgress? Get(int runId) => _runs.TryGetValue(runId, out var p) ? p : null;

    public void Forget(int runId) => _runs.TryRemove(runId, out _);
}

/// <summary>
/// Test hooks of the sync job. <see cref="AfterBatchAsync"/> is set by service tests only (e.g. to throw halfway and
/// prove the master records stay untouched). <see cref="BatchDelay"/> slows each batch so a crash test can SIGKILL the
/// process mid-run; it is read from the environment variable <see cref="DelayVariable"/> ONLY when the app runs in
/// the Development or Testing environment (see <see cref="FromEnvironment"/>), never in production.
/// </summary>
public sealed class SyncTestHooks
{
    public const string DelayVariable = "MADRASAH_TEST_SYNC_BATCH_DELAY_MS";

    public TimeSpan BatchDelay { get; set; }

    /// <summary>Called inside the transaction after each batch with the run id and the rows done so far.</summary>
    public Func<int, int, Task>? AfterBatchAsync { get; set; }

    public static SyncTestHooks FromEnvironment(IHostEnvironment environment)
    {
        var hooks = new SyncTestHooks();
        if ((environment.IsDevelopment() || environment.IsEnvironment("Testing"))
            && int.TryParse(Environment.GetEnvironmentVariable(DelayVariable), out var ms) && ms > 0)
            hooks.BatchDelay = TimeSpan.FromMilliseconds(ms);
        return hooks;
    }
}
