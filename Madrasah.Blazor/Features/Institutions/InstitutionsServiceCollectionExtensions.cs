using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Uploads;

namespace Madrasah.Blazor.Features.Institutions;

public static class InstitutionsServiceCollectionExtensions
{
    public static IServiceCollection AddInstitutions(this IServiceCollection services)
    {
        services.AddScoped<InstitutionService>();
        services.AddScoped<InstitutionProfileReceiptService>();
        services.AddScoped<InstitutionRegistryService>();
        services.AddReceiptAccessRule<InstitutionProfileReceiptAccess>();
        services.AddUploadAccessRule<InstitutionDocumentAccess>();
        services.AddNavigationItem(new("/lembaga", "Data Lembaga", Icons.Material.Outlined.School, [Roles.Operator, Roles.KepalaMadrasah], Order: 10));
        services.AddNavigationItem(new("/pegawai", "PTK & Pegawai", Icons.Material.Outlined.Groups, [Roles.Operator, Roles.KepalaMadrasah, Roles.PetugasKepegawaian], Order: 20));
        services.AddNavigationItem(new("/kabupaten/lembaga", "Lembaga di Kabupaten", Icons.Material.Outlined.AccountBalance, [Roles.AdminKabKota], Order: 10));
        services.AddNavigationItem(new("/admin/lembaga", "Lembaga & Wilayah", Icons.Material.Outlined.AccountBalance, [Roles.Admin], Order: 72));
        return services;
    }
}
