namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>The "HeadRegistration" configuration section.</summary>
public sealed class HeadRegistrationOptions
{
    public const string Section = "HeadRegistration";

    /// <summary>How long a registration code shown to the operator stays valid.</summary>
    public int CodeValidDays { get; set; } = 7;
    /// <summary>How long the link of a verification email works.</summary>
    public int VerificationLinkHours { get; set; } = 24;
    /// <summary>How long the "Informasi User" step may take after NIK + code were accepted.</summary>
    public int TicketMinutes { get; set; } = 60;
    /// <summary>Wrong NIK + code tries for one NIK within <see cref="FailureWindowMinutes"/> before further tries are refused.</summary>
    public int MaxFailuresPerNik { get; set; } = 5;
    /// <summary>Wrong NIK + code tries from one client address within <see cref="FailureWindowMinutes"/>.</summary>
    public int MaxFailuresPerClient { get; set; } = 20;
    public int FailureWindowMinutes { get; set; } = 15;
    /// <summary>Seconds between two requests for a new verification link to one address.</summary>
    public int ResendIntervalSeconds { get; set; } = 60;
    /// <summary>Requests for a new verification link to one address within an hour.</summary>
    public int ResendMaxPerHour { get; set; } = 5;
    /// <summary>Requests for a new verification link (to any addresses) from one client address within an hour.</summary>
    public int ResendMaxPerClientPerHour { get; set; } = 20;
}
