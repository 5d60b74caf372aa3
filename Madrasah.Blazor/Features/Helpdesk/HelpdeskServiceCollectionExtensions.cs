using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.RateLimits;
using Madrasah.Blazor.Infrastructure.Uploads;

namespace Madrasah.Blazor.Features.Helpdesk;

public static class HelpdeskServiceCollectionExtensions
{
    /// <summary>"Hubungi Kami" (public form and secure link), the agents' console, its follow-ups and the admin's lists.</summary>
    public static IServiceCollection AddHelpdesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HelpdeskOptions>()
            .Bind(configuration.GetSection(HelpdeskOptions.Section))
            .Validate(o => o.AnswerWorkingDays > 0 && o.AutoCloseHours > 0 && o.Reminders.All(h => h > 0 && h < o.AutoCloseHours),
                "Helpdesk: AnswerWorkingDays and AutoCloseHours must be positive, reminders before the close.")
            .Validate(o => o.DailyCutOff > Infrastructure.Time.WorkingHours.OfficeOpens && o.DailyCutOff <= Infrastructure.Time.WorkingHours.OfficeCloses,
                "Helpdesk: DailyCutOff must lie within office hours (after 08:00, at most 17:00).")
            .Validate(o => o.MaxAttachments is > 0 and <= 20 && o.MaxAttachmentKilobytes is > 0 and <= 20_480, "Helpdesk: attachment limits out of range.")
            .Validate(o => new[] { o.TicketsPerClientPerHour, o.TicketsPerEmailPerHour, o.LinkRequestsPerClientPer10Minutes }.All(m => m is > 0 and <= RecentEvents.PerKeyCap),
                $"Helpdesk: rate limits must be between 1 and {RecentEvents.PerKeyCap}.")
            .ValidateOnStart();
        services.AddPublicLinks(configuration);
        services.AddSingleton<HelpdeskLimiter>();
        services.AddSingleton<HelpdeskLinks>();
        services.AddSingleton<HelpdeskTopicService>();
        services.AddScoped<HelpdeskRequesterService>();
        services.AddScoped<HelpdeskAgentService>();
        services.AddSingleton<HelpdeskFollowUps>();
        services.AddHostedService<HelpdeskFollowUpRunner>();
        services.AddUploadAccessRule<HelpdeskUploadAccess>();
        var badge = new NavigationBadge(_ => HelpdeskTopics.Queue, (sp, scope) => sp.GetRequiredService<HelpdeskAgentService>().CountOpenAsync(scope));
        services.AddNavigationItem(new("/helpdesk", "Helpdesk", Icons.Material.Outlined.SupportAgent, [Roles.Helpdesk, Roles.Admin], badge, Order: 40));
        services.AddNavigationItem(new("/admin/helpdesk", "Pengaturan Helpdesk", Icons.Material.Outlined.Tune, [Roles.Admin], Order: 86));
        services.AddNavigationItem(new("/hubungi-kami", "Hubungi Kami", Icons.Material.Outlined.ContactSupport,
            [Roles.Operator, Roles.KepalaMadrasah, Roles.AdminKabKota, Roles.Pegawai, Roles.PetugasKepegawaian], Order: 95));
        return services;
    }
}
