using System.Collections.Concurrent;
using Madrasah.Blazor.Infrastructure.Live;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// Shares the result of one inbox read among every circuit that asks for the same thing (same role, institution or
/// district, filter and page) until the next approvals change. One publish wakes every open inbox and badge at once;
/// with this, N inboxes of one institution cost one query instead of N, and hold the same rows instead of N copies.
/// It forgets everything whenever an approvals topic is published (after a commit), before any inbox is told to reload
/// (<see cref="LiveNotifier.InvalidateOn"/>); entries also expire after
/// <see cref="MaxAge"/> so that a change made outside the service is never shown stale for long. Every filter and page
/// a user tries is a key of its own: beyond <c>capacity</c> entries the expired, then the least recently used, go.
/// </summary>
public sealed class ApprovalReadCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    public const int DefaultCapacity = 256;

    private sealed class Entry(Lazy<Task<object>> value, DateTimeOffset created)
    {
        public Lazy<Task<object>> Value { get; } = value;
        public DateTimeOffset Created { get; } = created;
        public long LastUsed;
        public bool Failed => Value.IsValueCreated && (Value.Value.IsFaulted || Value.Value.IsCanceled);
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly Lock _trimming = new();
    private long _uses;
    private readonly TimeProvider _clock;
    private readonly int _capacity;
    private readonly IDisposable _invalidation;

    public ApprovalReadCache(TimeProvider clock, LiveNotifier notifier, int capacity = DefaultCapacity)
    {
        _clock = clock;
        _capacity = capacity;
        _invalidation = notifier.InvalidateOn(IsApprovalsTopic, Clear);
    }

    /// <summary>A topic of the approvals feature: every change of a request publishes at least one.</summary>
    public static bool IsApprovalsTopic(string topic) => topic.StartsWith(ApprovalTopics.Feature + ":", StringComparison.Ordinal);

    /// <summary>How many results are kept now.</summary>
    public int Count => _entries.Count;

    public async Task<T> GetOrLoadAsync<T>(string key, Func<Task<T>> load) where T : notnull
    {
        var now = _clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(key,
            _ => new Entry(Start(load), now),
            (_, old) => old.Failed || now - old.Created > MaxAge ? new Entry(Start(load), now) : old);
        Interlocked.Exchange(ref entry.LastUsed, Interlocked.Increment(ref _uses));
        if (_entries.Count > _capacity) Trim(now);
        return (T)await entry.Value.Value;
    }

    /// <summary>Forgets every shared result: the next read of each inbox queries the database again.</summary>
    public void Clear() => _entries.Clear();

    public void Dispose() => _invalidation.Dispose();

    /// <summary>Back to the capacity: expired entries first, then those used longest ago (never the one just asked for).</summary>
    private void Trim(DateTimeOffset now)
    {
        lock (_trimming)
        {
            var excess = _entries.Count - _capacity;
            if (excess <= 0) return;
            var victims = _entries.OrderBy(e => now - e.Value.Created > MaxAge ? 0 : 1).ThenBy(e => Interlocked.Read(ref e.Value.LastUsed)).Take(excess).ToList();
            foreach (var victim in victims) _entries.TryRemove(victim);
        }
    }

    /// <summary>
    /// Lazy, so that a losing racer of AddOrUpdate never starts a query; the query itself runs on the thread pool, so
    /// the circuits asking at the same moment await it instead of blocking a thread each while it runs (they reload
    /// before they render: see <see cref="LiveBatchHost"/>, so waiting costs no extra render).
    /// </summary>
    private static Lazy<Task<object>> Start<T>(Func<Task<T>> load) where T : notnull => new(() => Task.Run(async () => (object)await load()));
}
