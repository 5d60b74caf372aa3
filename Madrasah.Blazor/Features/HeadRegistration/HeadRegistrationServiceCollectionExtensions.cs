using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.RateLimits;

namespace Madrasah.Blazor.Features.HeadRegistration;

public static class HeadRegistrationServiceCollectionExtensions
{
    /// <summary>The registration code, the NIK + code sign-in and the head's account with its verification email.</summary>
    public static IServiceCollection AddHeadRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HeadRegistrationOptions>()
            .Bind(configuration.GetSection(HeadRegistrationOptions.Section))
            .Validate(o => o.CodeValidDays > 0 && o.VerificationLinkHours > 0 && o.TicketMinutes > 0, "HeadRegistration: durations must be positive.")
            .Validate(o => o.MaxFailuresPerNik > 0 && o.MaxFailuresPerClient > 0 && o.FailureWindowMinutes > 0, "HeadRegistration: limits must be positive.")
            .Validate(o => o.ResendIntervalSeconds >= 0 && o.ResendMaxPerHour > 0 && o.ResendMaxPerClientPerHour > 0, "HeadRegistration: resend limits must be positive.")
            .Validate(o => new[] { o.MaxFailuresPerNik, o.MaxFailuresPerClient, o.ResendMaxPerHour, o.ResendMaxPerClientPerHour }.All(m => m <= RecentEvents.PerKeyCap),
                $"HeadRegistration: limits may not exceed {RecentEvents.PerKeyCap}.")
            .ValidateOnStart();
        services.AddSingleton<RegistrationAttemptLimiter>();
        services.AddSingleton<VerificationResendLimiter>();
        services.AddBackgroundWork();
        services.AddScoped<RegistrationCodeService>();
        services.AddScoped<HeadAccountService>();
        return services;
    }
}
