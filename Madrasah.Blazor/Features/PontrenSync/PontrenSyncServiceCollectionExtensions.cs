using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Security.Claims;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using MudBlazor;

namespace Madrasah.Blazor.Features.PontrenSync;

public static class PontrenSyncServiceCollectionExtensions
{
    public const string SyncPath = "/pontren/sinkronisasi";
    public const string DistrictStatusPath = "/pontren/status-sinkronisasi";
    /// <summary>The other PD-Pontren page: "Verifikasi data lembaga" (the check and the data entry).</summary>
    public const string DataPath = "/pontren/data";

    /// <summary>
    /// The PD-Pontren sync: the queue and its background runner (settings "PontrenSync": MaxParallel, BatchSize),
    /// the in-memory progress, the service of the pages, the "Tanda Terima Sinkronisasi" download rule and the menu
    /// items ("Sinkronisasi" for pesantren operators, "Status Sinkronisasi" for district admins).
    /// Needs AddEmail, AddPdf and AddAudit (registered by the app).
    /// </summary>
    public static IServiceCollection AddPontrenSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section));
        services.AddSingleton<SyncProgressRegistry>();
        services.AddSingleton(sp => SyncTestHooks.FromEnvironment(sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<SyncJob>();
        services.AddSingleton<SyncQueue>();
        services.AddHostedService<SyncQueueRunner>();
        services.TryAddSingleton<PontrenCheckCache>(); // shared by the data page and the sync page
        services.AddScoped<SyncService>();
        services.AddReceiptAccessRule<SyncReceiptAccess>();
        services.AddNavigationItem(new(SyncPath, "Sinkronisasi", Icons.Material.Outlined.Sync, [Roles.Operator], Order: 15,
            ShownWhen: async (sp, scope) => await sp.GetRequiredService<SyncService>().OwnPesantrenAsync(scope) is not null));
        services.AddNavigationItem(new(DistrictStatusPath, "Status Sinkronisasi", Icons.Material.Outlined.CloudSync, [Roles.AdminKabKota], Order: 36));
        return services;
    }
}

/// <summary>
/// The "Tanda Terima Sinkronisasi" is read by the users of its institution (shown in their sync history) and by the
/// admin of its district (the district's sync status), and by the system administrator; nobody else.
/// </summary>
public sealed class SyncReceiptAccess : IReceiptAccessRule
{
    public string Kind => SyncJob.ReceiptKind.Code;

    public Task<bool> MayReadAsync(ClaimsPrincipal user, ReceiptOwner receipt, CancellationToken cancellationToken)
    {
        var scope = UserScope.From(user);
        var allowed = scope.Role == Roles.Admin
            || (scope.IsInstitutionBound && receipt.InstitutionId is { } i && scope.InstitutionId == i)
            || (scope.IsDistrictBound && receipt.DistrictId is { } d && scope.DistrictId == d);
        return Task.FromResult(allowed);
    }
}
