using System.Collections.Concurrent;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// Timestamps per key within a sliding window (in memory: a restart forgets them, which only helps a real user),
/// for "at most N per period" limits. Times older than <paramref name="retention"/> are dropped.
/// </summary>
public sealed class SlidingWindowCounter(TimeProvider clock, Func<TimeSpan> retention)
{
    private readonly ConcurrentDictionary<string, LinkedList<DateTime>> _times = new();

    /// <summary>How long until <paramref name="key"/> has fewer than <paramref name="max"/> entries within <paramref name="window"/>; null when it has now.</summary>
    public TimeSpan? RetryAfter(string key, int max, TimeSpan window)
    {
        if (!_times.TryGetValue(key, out var times)) return null;
        lock (times)
        {
            Trim(times);
            var now = Now;
            var recent = times.Where(t => t + window > now).ToList();
            return recent.Count >= max ? recent[^max] + window - now : null;
        }
    }

    public void Record(string key)
    {
        var times = _times.GetOrAdd(key, _ => new LinkedList<DateTime>());
        lock (times)
        {
            Trim(times);
            times.AddLast(Now);
        }
        if (_times.Count > 10_000) Prune();
    }

    /// <summary>Takes back the latest <see cref="Record"/> of <paramref name="key"/> (a try that turned out not to count).</summary>
    public void RemoveLatest(string key)
    {
        if (!_times.TryGetValue(key, out var times)) return;
        lock (times)
            if (times.Count > 0) times.RemoveLast();
    }

    public void Clear(string key) => _times.TryRemove(key, out _);

    private void Trim(LinkedList<DateTime> times)
    {
        var keep = retention();
        while (times.First is { } first && first.Value + keep <= Now) times.RemoveFirst();
    }

    private void Prune()
    {
        foreach (var (key, times) in _times)
            lock (times)
            {
                Trim(times);
                if (times.Count == 0) _times.TryRemove(key, out _);
            }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
