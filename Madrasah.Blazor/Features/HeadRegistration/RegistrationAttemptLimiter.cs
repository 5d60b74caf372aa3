using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.RateLimits;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// Counts wrong NIK + registration code tries (and NIK + password tries) per NIK and per client address within a
/// sliding window, so neither the code nor a password can be guessed by trying, and the limit answers alike whether or
/// not the NIK has an account. A try is counted when it begins (check and count are one step, so parallel tries
/// cannot all slip past the check) and taken back when the pair turns out right. Kept in a bounded <see cref="RecentEvents"/>.
/// </summary>
public sealed class RegistrationAttemptLimiter(IOptions<HeadRegistrationOptions> options, TimeProvider clock)
{
    internal RecentEvents Failures { get; } = new(clock, () => TimeSpan.FromMinutes(options.Value.FailureWindowMinutes));

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.FailureWindowMinutes);

    /// <summary>Null when the NIK and the client may try now (and the try is counted as wrong); otherwise when they may try again.</summary>
    public TimeSpan? TryBegin(string nik, string? client)
    {
        var o = options.Value;
        var perNik = new RateLimit(NikKey(nik), o.MaxFailuresPerNik, Window);
        return client is null ? Failures.TryRecord(perNik) : Failures.TryRecord(perNik, new RateLimit(ClientKey(client), o.MaxFailuresPerClient, Window));
    }

    /// <summary>The pair was right (an expired code, a head already registered, a password that proves the owner): the try does not count.</summary>
    public void Release(string nik, string? client)
    {
        Failures.RemoveLatest(NikKey(nik));
        if (client is not null) Failures.RemoveLatest(ClientKey(client));
    }

    /// <summary>
    /// The pair opened the registration (or signed in): the NIK's count is cleared, the try does not count for the
    /// client (whose earlier wrong tries stay: one address trying many NIKs stays limited).
    /// </summary>
    public void RecordSuccess(string nik, string? client)
    {
        Failures.Clear(NikKey(nik));
        if (client is not null) Failures.RemoveLatest(ClientKey(client));
    }

    private static string NikKey(string nik) => "nik:" + nik;
    private static string ClientKey(string client) => "ip:" + client;
}

/// <summary>Requests for a new verification link per address and client (HeadRegistration:ResendIntervalSeconds, ResendMaxPerHour, ResendMaxPerClientPerHour).</summary>
public sealed class VerificationResendLimiter(IOptions<HeadRegistrationOptions> options, TimeProvider clock)
    : MailRequestThrottle(clock, () => TimeSpan.FromSeconds(options.Value.ResendIntervalSeconds), () => options.Value.ResendMaxPerHour,
        () => options.Value.ResendMaxPerClientPerHour);
