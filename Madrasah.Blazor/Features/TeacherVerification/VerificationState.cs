using Madrasah.Blazor.Infrastructure.Email;

namespace Madrasah.Blazor.Features.TeacherVerification;

/// <summary>
/// What the "Akun" tab shows of the signed-in account: the email on record, whether it is verified, and the newest
/// working code's story (sent when, to which address, tries left, the email's delivery from the outbox), and when
/// "Kirim ulang kode" can send another (<see cref="NextCodeUtc"/>, with <see cref="LimitMessage"/> when an hourly or
/// daily limit rather than the cooldown holds it).
/// </summary>
public sealed record VerificationState(
    string FullName, string? Email, bool Verified, bool IsPtk, string? InstitutionName, SentCode? Code, DateTime? NextCodeUtc, string? LimitMessage)
{
    public PtkAccountStatus Status =>
        string.IsNullOrWhiteSpace(Email) ? PtkAccountStatus.NoEmail
        : Verified ? PtkAccountStatus.Verified
        : Code is { Usable: true } ? PtkAccountStatus.CodeSent
        : PtkAccountStatus.AwaitingVerification;
}

/// <summary>The newest code of an account that is neither used nor replaced.</summary>
public sealed record SentCode(
    string SentTo, DateTime SentUtc, DateTime ExpiresUtc, int TriesLeft, bool Expired,
    OutboxStatus? Delivery, DateTime? DeliveredUtc, int DeliveryAttempts, string? DeliveryError)
{
    public bool Usable => !Expired && TriesLeft > 0;
}

public enum CodeOutcome { Verified, InvalidFormat, Wrong, TooManyTries, Expired, Replaced, Used, NoCode, AlreadyVerified, NoEmail }

/// <summary>The answer to "SIMPAN": <see cref="Message"/> in Indonesian for everything but success; tries left after a wrong code.</summary>
public sealed record CodeCheck(CodeOutcome Outcome, string? Message = null, int? TriesLeft = null)
{
    public bool Succeeded => Outcome == CodeOutcome.Verified;
}

/// <summary>The answer to "LANJUT" / "Kirim ulang kode": sent, or why not (<see cref="Message"/>).</summary>
public sealed record CodeRequest(bool Sent, string? Message = null);
