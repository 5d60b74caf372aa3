using MudBlazor;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The outbox, its background sender, the transport chosen by Email:Delivery (pickup folder or SMTP, both MailKit/MimeKit), and the outbox pages.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure<IHostEnvironment>((o, environment) => o.PickupFolder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.PickupFolder)))
            .Validate(o => o.Delivery != EmailDelivery.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host), "Email:Smtp:Host is required when Email:Delivery is Smtp.")
            .Validate(o => Validation.Identifiers.CheckEmail(o.SenderAddress) is null, "Email:SenderAddress is not a valid address.")
            .Validate(o => o.Smtp.TimeoutSeconds > 0, "Email:Smtp:TimeoutSeconds must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiveUpdates();
        services.AddPublicLinks(configuration);
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Pickup
            ? ActivatorUtilities.CreateInstance<PickupFolderTransport>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp));
        services.AddSingleton<EmailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        services.AddScoped<OutboxAdminService>();
        services.AddNavigationItem(new("/admin/surat-keluar", "Surat Keluar", Icons.Material.Outlined.Send, [Roles.Admin], Order: 80));
        services.AddNavigationItem(new(DevMailbox.Path, "Kotak Surat (Pengembangan)", Icons.Material.Outlined.Inbox, [Roles.Admin, NavigationItems.DevelopmentOnly], Order: 95));
        return services;
    }
}

/// <summary>
/// The development mailbox: every email the app wrote, at /dev/surat, in the Development environment only, for the
/// system administrator on the machine itself.
/// </summary>
public static class DevMailbox
{
    public const string Path = "/dev/surat";
    /// <summary>Every developer page lies under this prefix (404 outside Development).</summary>
    public const string PathPrefix = "/dev";
}
