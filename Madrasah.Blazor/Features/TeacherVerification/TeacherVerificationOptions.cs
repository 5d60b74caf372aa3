namespace Madrasah.Blazor.Features.TeacherVerification;

/// <summary>The "TeacherVerification" configuration section: the rules of the emailed "Kode Verifikasi" (OWASP ASVS 5.0 §6.5).</summary>
public sealed class TeacherVerificationOptions
{
    public const string Section = "TeacherVerification";

    /// <summary>How long a code works after it was sent.</summary>
    public int CodeValidMinutes { get; set; } = 10;
    /// <summary>Tries per code (the right one included); after that many wrong ones a new code must be requested.</summary>
    public int MaxTriesPerCode { get; set; } = 5;
    /// <summary>Seconds after a code before "Kirim ulang kode" may send another.</summary>
    public int ResendCooldownSeconds { get; set; } = 60;
    /// <summary>Codes per account within any hour.</summary>
    public int MaxCodesPerHour { get; set; } = 3;
    /// <summary>Codes per account within any 24 hours (what bounds the guessing odds per day).</summary>
    public int MaxCodesPerDay { get; set; } = 10;

    /// <summary>
    /// The chance that someone who guesses every try of every code an account may get in a day hits one:
    /// codes per day × tries per code ÷ 10⁶ (each try one of the 10⁶ six-digit codes).
    /// </summary>
    public double GuessingOddsPerDay => Math.Min(MaxCodesPerDay, 24 * MaxCodesPerHour) * (double)MaxTriesPerCode / 1_000_000;

    /// <summary>The same within one hour: codes per hour × tries per code ÷ 10⁶.</summary>
    public double GuessingOddsPerHour => MaxCodesPerHour * (double)MaxTriesPerCode / 1_000_000;
}
