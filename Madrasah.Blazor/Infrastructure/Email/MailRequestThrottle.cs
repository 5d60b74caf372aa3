using Madrasah.Blazor.Infrastructure.RateLimits;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>
/// Requests that email a link to an address a visitor typed ("Lupa Password", a new verification link): at most one
/// per <c>interval</c> and <c>maxPerHour</c> per hour for each address, so a form cannot flood a mailbox, and at most
/// <c>maxPerClientPerHour</c> per hour from one client, so one client cannot fill the counts with addresses. Counted
/// for every address asked about, with or without an account, so the answer reveals nothing. Kept in a bounded
/// <see cref="RecentEvents"/>.
/// </summary>
public class MailRequestThrottle(TimeProvider clock, Func<TimeSpan> interval, Func<int> maxPerHour, Func<int> maxPerClientPerHour)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    internal RecentEvents Requests { get; } = new(clock, () => Hour);

    /// <summary>Null (and the request counted) when a link may be sent now; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string normalizedEmail, string? client)
    {
        var address = new RateLimit("address:" + normalizedEmail, maxPerHour(), Hour, interval());
        return client is null
            ? Requests.TryRecord(address)
            : Requests.TryRecord(address, new RateLimit("client:" + client, maxPerClientPerHour(), Hour));
    }

    /// <summary>"45 detik", "12 menit": how long to wait, for the page's message.</summary>
    public static string WaitText(TimeSpan wait) =>
        wait.TotalSeconds < 120 ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} detik" : $"{(int)Math.Ceiling(wait.TotalMinutes)} menit";
}
