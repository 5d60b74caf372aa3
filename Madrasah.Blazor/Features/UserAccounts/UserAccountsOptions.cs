using Madrasah.Blazor.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.UserAccounts;

/// <summary>The "UserAccounts" configuration section.</summary>
public sealed class UserAccountsOptions
{
    public const string Section = "UserAccounts";

    /// <summary>Hours an activation or "Lupa Password" link works.</summary>
    public int LinkHours { get; set; } = 48;
    /// <summary>Seconds between two "Lupa Password" emails to one address.</summary>
    public int ResendIntervalSeconds { get; set; } = 60;
    /// <summary>"Lupa Password" emails to one address within an hour.</summary>
    public int ResendMaxPerHour { get; set; } = 5;
    /// <summary>"Lupa Password" requests (to any addresses) from one client address within an hour.</summary>
    public int ResendMaxPerClientPerHour { get; set; } = 20;
}

/// <summary>"Lupa Password" requests per address and client (UserAccounts:ResendIntervalSeconds, ResendMaxPerHour, ResendMaxPerClientPerHour).</summary>
public sealed class PasswordLinkRequestLimiter(IOptions<UserAccountsOptions> options, TimeProvider clock)
    : MailRequestThrottle(clock, () => TimeSpan.FromSeconds(options.Value.ResendIntervalSeconds), () => options.Value.ResendMaxPerHour,
        () => options.Value.ResendMaxPerClientPerHour);
