using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// Counts wrong NIK + registration code tries per NIK and per client address within a sliding window, so the
/// code cannot be guessed by trying.
/// </summary>
public sealed class RegistrationAttemptLimiter(IOptions<HeadRegistrationOptions> options, TimeProvider clock)
{
    private readonly SlidingWindowCounter _failures = new(clock, () => TimeSpan.FromMinutes(options.Value.FailureWindowMinutes));

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.FailureWindowMinutes);

    /// <summary>When the NIK or the client may try again, or null when they may try now.</summary>
    public TimeSpan? RetryAfter(string nik, string? client)
    {
        var o = options.Value;
        return new[]
        {
            _failures.RetryAfter("nik:" + nik, o.MaxFailuresPerNik, Window),
            client is null ? null : _failures.RetryAfter("ip:" + client, o.MaxFailuresPerClient, Window),
        }.Max();
    }

    public void RecordFailure(string nik, string? client)
    {
        _failures.Record("nik:" + nik);
        if (client is not null) _failures.Record("ip:" + client);
    }

    /// <summary>A right pair clears the NIK's count (not the client's: one address trying many NIKs stays limited).</summary>
    public void RecordSuccess(string nik) => _failures.Clear("nik:" + nik);
}

/// <summary>
/// Requests for a new verification link per address: at most one per HeadRegistration:ResendIntervalSeconds and
/// HeadRegistration:ResendMaxPerHour per hour, so the form cannot be used to flood a mailbox. Counted for every
/// address asked about, with or without an account, so the answer reveals nothing about accounts.
/// </summary>
public sealed class VerificationResendLimiter(IOptions<HeadRegistrationOptions> options, TimeProvider clock)
{
    private readonly SlidingWindowCounter _requests = new(clock, () => TimeSpan.FromHours(1));

    /// <summary>Null (and the request counted) when a link may be sent now; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string normalizedEmail)
    {
        var o = options.Value;
        var key = "resend:" + normalizedEmail;
        var wait = new[]
        {
            _requests.RetryAfter(key, 1, TimeSpan.FromSeconds(o.ResendIntervalSeconds)),
            _requests.RetryAfter(key, o.ResendMaxPerHour, TimeSpan.FromHours(1)),
        }.Max();
        if (wait is null) _requests.Record(key);
        return wait;
    }
}
