using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;

namespace Madrasah.Blazor.Features.Approvals;

public static class ApprovalsServiceCollectionExtensions
{
    /// <summary>The approval service and the menu items of the operator, the head and the district, with live pending counts.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddScoped<ApprovalService>();
        services.AddSingleton<ApprovalReadCache>();
        services.AddReceiptAccessRule<ChangeReceiptAccess>();
        var badge = new NavigationBadge(ApprovalTopics.For, (sp, scope) => sp.GetRequiredService<ApprovalService>().CountPendingAsync(scope));
        services.AddNavigationItem(new("/perubahan", "Pengajuan Perubahan", Icons.Material.Outlined.EditNote, [Roles.Operator], badge, Order: 12));
        services.AddNavigationItem(new("/persetujuan", "Persetujuan Perubahan", Icons.Material.Outlined.Inbox, [Roles.KepalaMadrasah], badge, Order: 12));
        services.AddNavigationItem(new("/kabupaten/persetujuan", "Persetujuan Perubahan", Icons.Material.Outlined.Inbox, [Roles.AdminKabKota], badge, Order: 12));
        return services;
    }
}
