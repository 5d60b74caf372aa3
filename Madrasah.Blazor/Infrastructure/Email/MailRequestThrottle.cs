using System.Collections.Concurrent;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>
/// Requests that email a link to an address a visitor typed ("Lupa Password", a new verification link): at most one
/// per <c>interval</c> and <c>maxPerHour</c> per hour for each address, so a form cannot flood a mailbox. Counted for
/// every address asked about, with or without an account, so the answer reveals nothing. In memory: a restart
/// forgets the counts, which only helps a real user.
/// </summary>
public class MailRequestThrottle(TimeProvider clock, Func<TimeSpan> interval, Func<int> maxPerHour)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, List<DateTime>> _requests = new(StringComparer.Ordinal);

    /// <summary>Null (and the request counted) when a link may be sent now; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string normalizedEmail)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var times = _requests.GetOrAdd(normalizedEmail, _ => []);
        TimeSpan? wait;
        lock (times)
        {
            times.RemoveAll(t => t + Hour <= now);
            var sinceLast = times.Count == 0 ? (TimeSpan?)null : times[^1] + interval() - now;
            var max = maxPerHour();
            var hourly = times.Count >= max ? times[^max] + Hour - now : (TimeSpan?)null;
            wait = new[] { sinceLast > TimeSpan.Zero ? sinceLast : null, hourly }.Max();
            if (wait is null) times.Add(now);
        }
        if (_requests.Count > 10_000) Prune(now);
        return wait;
    }

    /// <summary>"45 detik", "12 menit": how long to wait, for the page's message.</summary>
    public static string WaitText(TimeSpan wait) =>
        wait.TotalSeconds < 120 ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} detik" : $"{(int)Math.Ceiling(wait.TotalMinutes)} menit";

    private void Prune(DateTime now)
    {
        foreach (var (key, times) in _requests)
            lock (times)
                if (times.TrueForAll(t => t + Hour <= now)) _requests.TryRemove(key, out _);
    }
}
