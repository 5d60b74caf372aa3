using System.Collections.Concurrent;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// Shares the result of one inbox read among every circuit that asks for the same thing (same role, institution or
/// district, filter and page) until the next approvals change. One publish wakes every open inbox and badge at once;
/// with this, N inboxes of one institution cost one query instead of N, and hold the same rows instead of N copies.
/// <see cref="ApprovalService"/> clears it after every commit, before it publishes; entries also expire after
/// <see cref="MaxAge"/> so that a change made outside the service is never shown stale for long.
/// </summary>
public sealed class ApprovalReadCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private sealed record Entry(Lazy<Task<object>> Value, DateTimeOffset Created)
    {
        public bool Failed => Value.IsValueCreated && (Value.Value.IsFaulted || Value.Value.IsCanceled);
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public async Task<T> GetOrLoadAsync<T>(string key, Func<Task<T>> load) where T : notnull
    {
        var now = clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(key,
            _ => new Entry(Start(load), now),
            (_, old) => old.Failed || now - old.Created > MaxAge ? new Entry(Start(load), now) : old);
        return (T)await entry.Value.Value;
    }

    /// <summary>Forgets every shared result: the next read of each inbox queries the database again.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>Lazy, so that a losing racer of AddOrUpdate never starts a query.</summary>
    private static Lazy<Task<object>> Start<T>(Func<Task<T>> load) where T : notnull => new(async () => await load());
}
