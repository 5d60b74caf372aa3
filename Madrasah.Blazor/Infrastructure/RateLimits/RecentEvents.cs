using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Madrasah.Blazor.Infrastructure.RateLimits;

/// <summary>
/// One limit of <see cref="RecentEvents"/>: at most <paramref name="Max"/> events of <paramref name="Key"/> within
/// <paramref name="Window"/>, and (when given) <paramref name="MinInterval"/> since its latest event.
/// </summary>
public readonly record struct RateLimit(string Key, int Max, TimeSpan Window, TimeSpan MinInterval = default);

/// <summary>
/// The times of recent events per key, for "at most N per period" limits: the one in-memory store behind every limiter
/// of the app (a restart forgets it, which only helps a real user). Bounded whatever is asked of it: a key is kept as
/// a 128-bit hash (an address of a megabyte costs 16 bytes), a key keeps at most <see cref="PerKeyCap"/> times (its
/// latest), and at most <see cref="Capacity"/> keys are kept: beyond that, keys whose times are all older than
/// <c>retention</c> go first, then the tenth idle longest. Thread-safe; a check and its recording are one step.
/// </summary>
public sealed class RecentEvents(TimeProvider clock, Func<TimeSpan> retention, int capacity = RecentEvents.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;
    /// <summary>Times kept per key: a limit's <see cref="RateLimit.Max"/> may not exceed it (options check this at start-up).</summary>
    public const int PerKeyCap = 64;

    private readonly Dictionary<UInt128, List<DateTime>> _keys = [];
    private readonly Lock _gate = new();

    /// <summary>How many keys are held now (never more than <see cref="Capacity"/>).</summary>
    public int Count { get { lock (_gate) return _keys.Count; } }

    public int Capacity => capacity;

    /// <summary>How many times are held in all (never more than <see cref="Capacity"/> × <see cref="PerKeyCap"/>).</summary>
    public int TimeCount { get { lock (_gate) return _keys.Values.Sum(t => t.Count); } }

    /// <summary>
    /// Null when no limit is reached, and then one event is recorded under each limit's key; otherwise how long until
    /// every limit allows one more (and nothing is recorded).
    /// </summary>
    public TimeSpan? TryRecord(params ReadOnlySpan<RateLimit> limits)
    {
        var now = Now;
        lock (_gate)
        {
            var wait = WaitLocked(limits, now);
            if (wait is not null) return wait;
            foreach (var limit in limits) RecordLocked(Hash(limit.Key), now);
            return null;
        }
    }

    /// <summary>How long until every limit allows one more event; null when they do now. Records nothing.</summary>
    public TimeSpan? RetryAfter(params ReadOnlySpan<RateLimit> limits)
    {
        var now = Now;
        lock (_gate) return WaitLocked(limits, now);
    }

    /// <summary>Takes back the latest event of <paramref name="key"/> (one that turned out not to count).</summary>
    public void RemoveLatest(string key)
    {
        lock (_gate)
        {
            var hash = Hash(key);
            if (!_keys.TryGetValue(hash, out var times)) return;
            if (times.Count > 0) times.RemoveAt(times.Count - 1);
            if (times.Count == 0) _keys.Remove(hash);
        }
    }

    /// <summary>Forgets every event of <paramref name="key"/>.</summary>
    public void Clear(string key)
    {
        lock (_gate) _keys.Remove(Hash(key));
    }

    private TimeSpan? WaitLocked(ReadOnlySpan<RateLimit> limits, DateTime now)
    {
        TimeSpan? wait = null;
        foreach (var limit in limits)
        {
            if (!_keys.TryGetValue(Hash(limit.Key), out var times) || times.Count == 0) continue;
            var max = Math.Clamp(limit.Max, 1, PerKeyCap);
            var recent = 0;
            for (var i = times.Count - 1; i >= 0 && times[i] + limit.Window > now; i--) recent++;
            if (recent >= max) wait = Longer(wait, times[^max] + limit.Window - now);
            if (limit.MinInterval > TimeSpan.Zero && times[^1] + limit.MinInterval > now) wait = Longer(wait, times[^1] + limit.MinInterval - now);
        }
        return wait;
    }

    private void RecordLocked(UInt128 hash, DateTime now)
    {
        if (!_keys.TryGetValue(hash, out var times))
        {
            if (_keys.Count >= capacity) MakeRoomLocked(now);
            _keys[hash] = times = new List<DateTime>(4);
        }
        var keep = retention();
        while (times.Count > 0 && (times[0] + keep <= now || times.Count >= PerKeyCap)) times.RemoveAt(0);
        times.Add(now);
    }

    /// <summary>Keys with nothing left within the retention go; if that is not enough, the tenth idle longest.</summary>
    private void MakeRoomLocked(DateTime now)
    {
        var keep = retention();
        foreach (var (hash, times) in _keys)
            if (times.Count == 0 || times[^1] + keep <= now) _keys.Remove(hash);
        if (_keys.Count < capacity) return;
        var idlest = _keys.OrderBy(k => k.Value[^1]).Take(Math.Max(1, capacity / 10)).Select(k => k.Key).ToList();
        foreach (var hash in idlest) _keys.Remove(hash);
    }

    private static TimeSpan Longer(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;

    /// <summary>The first 128 bits of the key's SHA-256: fixed size whatever the key's length.</summary>
    private static UInt128 Hash(string key)
    {
        Span<byte> digest = stackalloc byte[32];
        var byteCount = Encoding.UTF8.GetMaxByteCount(key.Length);
        if (byteCount <= 1024)
        {
            Span<byte> bytes = stackalloc byte[byteCount];
            SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(key, bytes)], digest);
        }
        else SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
