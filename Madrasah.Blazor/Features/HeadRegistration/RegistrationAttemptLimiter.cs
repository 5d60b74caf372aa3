using Madrasah.Blazor.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// Counts wrong NIK + registration code tries per NIK and per client address within a sliding window, so the
/// code cannot be guessed by trying. A try is counted when it begins (check and count are one step under a lock, so
/// parallel tries cannot all slip past the check) and taken back when the pair turns out right.
/// </summary>
public sealed class RegistrationAttemptLimiter(IOptions<HeadRegistrationOptions> options, TimeProvider clock)
{
    private readonly SlidingWindowCounter _failures = new(clock, () => TimeSpan.FromMinutes(options.Value.FailureWindowMinutes));
    private readonly Lock _gate = new();

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.FailureWindowMinutes);

    /// <summary>Null when the NIK and the client may try now (and the try is counted as wrong); otherwise when they may try again.</summary>
    public TimeSpan? TryBegin(string nik, string? client)
    {
        var o = options.Value;
        lock (_gate)
        {
            var wait = new[]
            {
                _failures.RetryAfter(NikKey(nik), o.MaxFailuresPerNik, Window),
                client is null ? null : _failures.RetryAfter(ClientKey(client), o.MaxFailuresPerClient, Window),
            }.Max();
            if (wait is not null) return wait;
            _failures.Record(NikKey(nik));
            if (client is not null) _failures.Record(ClientKey(client));
            return null;
        }
    }

    /// <summary>The pair was right (an expired code, a head already registered): the try does not count.</summary>
    public void Release(string nik, string? client)
    {
        lock (_gate)
        {
            _failures.RemoveLatest(NikKey(nik));
            if (client is not null) _failures.RemoveLatest(ClientKey(client));
        }
    }

    /// <summary>
    /// The pair opened the registration: the NIK's count is cleared, the try does not count for the client (whose
    /// earlier wrong tries stay: one address trying many NIKs stays limited).
    /// </summary>
    public void RecordSuccess(string nik, string? client)
    {
        lock (_gate)
        {
            _failures.Clear(NikKey(nik));
            if (client is not null) _failures.RemoveLatest(ClientKey(client));
        }
    }

    private static string NikKey(string nik) => "nik:" + nik;
    private static string ClientKey(string client) => "ip:" + client;
}

/// <summary>Requests for a new verification link per address (HeadRegistration:ResendIntervalSeconds and ResendMaxPerHour).</summary>
public sealed class VerificationResendLimiter(IOptions<HeadRegistrationOptions> options, TimeProvider clock)
    : MailRequestThrottle(clock, () => TimeSpan.FromSeconds(options.Value.ResendIntervalSeconds), () => options.Value.ResendMaxPerHour);
