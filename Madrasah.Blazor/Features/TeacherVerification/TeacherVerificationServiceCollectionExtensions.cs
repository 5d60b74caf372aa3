using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Identity;
using MudBlazor;

namespace Madrasah.Blazor.Features.TeacherVerification;

public static class TeacherVerificationServiceCollectionExtensions
{
    /// <summary>PTK account emails: the operator's "Akun PTK" page, the teacher's Biodata → Akun verification with an emailed code.</summary>
    public static IServiceCollection AddTeacherVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeacherVerificationOptions>()
            .Bind(configuration.GetSection(TeacherVerificationOptions.Section))
            .Validate(o => o.CodeValidMinutes is > 0 and <= 60, "TeacherVerification:CodeValidMinutes must lie between 1 and 60.")
            .Validate(o => o.MaxTriesPerCode is > 0 and <= 10, "TeacherVerification:MaxTriesPerCode must lie between 1 and 10.")
            .Validate(o => o.ResendCooldownSeconds >= 0 && o.MaxCodesPerHour > 0 && o.MaxCodesPerDay >= o.MaxCodesPerHour,
                "TeacherVerification: the cooldown may not be negative, the limits must be positive, the daily one at least the hourly one.")
            .ValidateOnStart();
        services.AddScoped<AccountVerificationService>();
        services.AddScoped<PtkAccountService>();
        services.AddNavigationItem(new(BiodataPage.Path, "Biodata", Icons.Material.Outlined.Badge, [Roles.Pegawai], Order: 15));
        services.AddNavigationItem(new(PtkAccountsPage.Path, "Akun PTK", Icons.Material.Outlined.MarkEmailRead, [Roles.Operator], Order: 25));
        return services;
    }
}
