using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// Counts wrong NIK + registration code tries per NIK and per client address within a sliding window, so the
/// code cannot be guessed by trying. In memory: a restart forgets the counts, which only helps a real user.
/// </summary>
public sealed class RegistrationAttemptLimiter(IOptions<HeadRegistrationOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTime>> _failures = new();

    /// <summary>When the NIK or the client may try again, or null when they may try now.</summary>
    public TimeSpan? RetryAfter(string nik, string? client)
    {
        var o = options.Value;
        var wait = new[] { Wait("nik:" + nik, o.MaxFailuresPerNik), client is null ? null : Wait("ip:" + client, o.MaxFailuresPerClient) }.Max();
        return wait;
    }

    public void RecordFailure(string nik, string? client)
    {
        Add("nik:" + nik);
        if (client is not null) Add("ip:" + client);
        if (_failures.Count > 10_000) Prune();
    }

    /// <summary>A right pair clears the NIK's count (not the client's: one address trying many NIKs stays limited).</summary>
    public void RecordSuccess(string nik) => _failures.TryRemove("nik:" + nik, out _);

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.FailureWindowMinutes);

    private TimeSpan? Wait(string key, int max)
    {
        if (!_failures.TryGetValue(key, out var times)) return null;
        lock (times)
        {
            Trim(times);
            return times.Count >= max ? times.Peek() + Window - Now : null;
        }
    }

    private void Add(string key)
    {
        var times = _failures.GetOrAdd(key, _ => new Queue<DateTime>());
        lock (times)
        {
            Trim(times);
            times.Enqueue(Now);
        }
    }

    private void Trim(Queue<DateTime> times)
    {
        while (times.Count > 0 && times.Peek() + Window <= Now) times.Dequeue();
    }

    private void Prune()
    {
        foreach (var (key, times) in _failures)
            lock (times)
            {
                Trim(times);
                if (times.Count == 0) _failures.TryRemove(key, out _);
            }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
