using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Uploads;

namespace Madrasah.Blazor.Features.Attendance;

public static class AttendanceServiceCollectionExtensions
{
    /// <summary>Attendance and complaints: the services, the receipt rule, and the menu of the staff member and of the personnel officer.</summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddScoped<AttendanceService>();
        services.AddScoped<ComplaintService>();
        services.AddSingleton<ComplaintWriter>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<MachineImportService>();
        services.AddReceiptAccessRule<ComplaintReceiptAccess>();
        services.AddUploadAccessRule<ComplaintEvidenceAccess>();
        services.AddNavigationItem(new("/absensi", "Presensi", Icons.Material.Outlined.Fingerprint, [Roles.Pegawai], Order: 20));
        services.AddNavigationItem(new("/laporan/pengaduan", "Laporan Pengaduan", Icons.Material.Outlined.ReportProblem, [Roles.Pegawai], Order: 21));
        services.AddNavigationItem(new("/laporan/ketidakhadiran", "Laporan Ketidakhadiran", Icons.Material.Outlined.EventBusy, [Roles.Pegawai], Order: 22));
        var badge = new NavigationBadge(AttendanceTopics.For, (sp, scope) => sp.GetRequiredService<ComplaintService>().CountWaitingAsync(scope));
        services.AddNavigationItem(new("/kepegawaian/pengaduan", "Pengaduan Presensi", Icons.Material.Outlined.Inbox, [Roles.PetugasKepegawaian], badge, Order: 20));
        services.AddNavigationItem(new("/kepegawaian/rekap", "Rekap Presensi", Icons.Material.Outlined.TableChart, [Roles.PetugasKepegawaian], Order: 21));
        services.AddNavigationItem(new("/kepegawaian/impor-mesin", "Impor Mesin Presensi", Icons.Material.Outlined.UploadFile, [Roles.PetugasKepegawaian], Order: 22));
        services.AddNavigationItem(new("/kepegawaian/akun", "Akun Pegawai", Icons.Material.Outlined.ManageAccounts, [Roles.PetugasKepegawaian], Order: 23));
        return services;
    }
}
