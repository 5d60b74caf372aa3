using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.RateLimits;
using Microsoft.AspNetCore.Identity;

namespace Madrasah.Blazor.Features.UserAccounts;

public static class UserAccountsServiceCollectionExtensions
{
    /// <summary>Account administration (/admin/pengguna), activation and "Lupa Password" links, "Ubah Password".</summary>
    public static IServiceCollection AddUserAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UserAccountsOptions>()
            .Bind(configuration.GetSection(UserAccountsOptions.Section))
            .Validate(o => o.LinkHours > 0 && o.ResendIntervalSeconds >= 0 && o.ResendMaxPerHour > 0 && o.ResendMaxPerClientPerHour > 0,
                "UserAccounts: durations and limits must be positive.")
            .Validate(o => o.ResendMaxPerHour <= RecentEvents.PerKeyCap && o.ResendMaxPerClientPerHour <= RecentEvents.PerKeyCap,
                $"UserAccounts: limits may not exceed {RecentEvents.PerKeyCap}.")
            .ValidateOnStart();
        // Identity's password-reset token carries the activation and "Lupa Password" links.
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<UserAccountsOptions>>((tokens, accounts) => tokens.TokenLifespan = TimeSpan.FromHours(accounts.Value.LinkHours));
        services.AddSingleton<PasswordLinkRequestLimiter>();
        services.AddBackgroundWork();
        services.AddSingleton<PasswordLinks>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<AccountPasswordService>();
        services.AddNavigationItem(new("/admin/pengguna", "Pengguna", Icons.Material.Outlined.ManageAccounts, [Roles.Admin, Roles.AdminKabKota], Order: 70));
        return services;
    }
}
