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

    /// <summary>A result being read or read: the first to ask reads it, the others await the same task.</summary>
    private sealed class Entry(DateTimeOffset created)
    {
        public TaskCompletionSource<object> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public DateTimeOffset Created { get; } = created;
        public long LastUsed;
        public bool Failed => Result.Task.IsFaulted || Result.Task.IsCanceled;
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
        var candidate = new Entry(now);
        var entry = _entries.AddOrUpdate(key, candidate, (_, old) => old.Failed || now - old.Created > MaxAge ? candidate : old);
        Interlocked.Exchange(ref entry.LastUsed, Interlocked.Increment(ref _uses));
        if (_entries.Count > _capacity) Trim(now);
        // The one whose entry went in reads, on its own thread (SQLite answers synchronously: a lone user's read completes
        // at once); everyone asking meanwhile awaits that read instead of blocking a thread, and reloads before rendering
        // (LiveBatchHost), so the wait costs no extra render.
        if (ReferenceEquals(entry, candidate))
        {
            try
            {
                entry.Result.SetResult(await load());
            }
            catch (Exception exception)
            {
                entry.Result.SetException(exception);
            }
        }
        return (T)await entry.Result.Task;
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
}
