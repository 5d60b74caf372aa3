using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using StatusTone = Madrasah.Blazor.Components.Shared.Tone;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>The Indonesian words of the feature and what each status means to the reader (StatusChip picks colours).</summary>
public static class AttendanceTexts
{
    public static string Label(this AttendanceSession session) => session == AttendanceSession.Pagi ? "Pagi (Presensi Masuk)" : "Sore (Presensi Pulang)";
    public static string Short(this AttendanceSession session) => session == AttendanceSession.Pagi ? "Pagi" : "Sore";

    public static string Label(this AttendanceSource source) => source switch
    {
        AttendanceSource.Web => "Web",
        AttendanceSource.Mesin => "Mesin presensi",
        AttendanceSource.Pengaduan => "Koreksi pengaduan",
        _ => source.ToString(),
    };

    public static string Label(this AttendanceKind kind) => kind switch
    {
        AttendanceKind.Hadir => "Hadir",
        AttendanceKind.TugasLuar => "Tugas Luar",
        AttendanceKind.MesinError => "Hadir (Mesin Error)",
        AttendanceKind.Cuti => "Cuti",
        _ => kind.ToString(),
    };

    public static string Label(this ComplaintCategory category) => category == ComplaintCategory.Pengaduan ? "Pengaduan" : "Ketidakhadiran";

    public static string Label(this ComplaintType type) => type switch
    {
        ComplaintType.TugasLuar => "Tugas Luar",
        ComplaintType.MesinError => "Mesin Error",
        ComplaintType.CutiTahunan => "Cuti Tahunan",
        ComplaintType.CutiSakit => "Cuti Sakit",
        ComplaintType.CutiAlasanPenting => "Cuti Karena Alasan Penting",
        ComplaintType.CutiMelahirkan => "Cuti Melahirkan",
        ComplaintType.CutiBesar => "Cuti Besar",
        _ => type.ToString(),
    };

    public static ComplaintCategory Category(this ComplaintType type) =>
        type is ComplaintType.TugasLuar or ComplaintType.MesinError ? ComplaintCategory.Pengaduan : ComplaintCategory.Ketidakhadiran;

    public static IReadOnlyList<ComplaintType> TypesOf(ComplaintCategory category) =>
        Enum.GetValues<ComplaintType>().Where(t => t.Category() == category).ToList();

    /// <summary>The record an accepted complaint of this type writes.</summary>
    public static AttendanceKind RecordKind(this ComplaintType type) => type switch
    {
        ComplaintType.TugasLuar => AttendanceKind.TugasLuar,
        ComplaintType.MesinError => AttendanceKind.MesinError,
        _ => AttendanceKind.Cuti,
    };

    public static string Label(this ComplaintStatus status) => status switch
    {
        ComplaintStatus.Menunggu => "Menunggu Verifikasi",
        ComplaintStatus.Diterima => "Diterima",
        ComplaintStatus.Ditolak => "Ditolak",
        _ => status.ToString(),
    };

    public static StatusTone Tone(this ComplaintStatus status) => status switch
    {
        ComplaintStatus.Menunggu => StatusTone.Waiting,
        ComplaintStatus.Diterima => StatusTone.Success,
        ComplaintStatus.Ditolak => StatusTone.Danger,
        _ => StatusTone.Neutral,
    };

    /// <summary>"Pengaduan" / "Ketidakhadiran" menu path of a category.</summary>
    public static string ListPath(this ComplaintCategory category) => category == ComplaintCategory.Pengaduan ? "/laporan/pengaduan" : "/laporan/ketidakhadiran";
}

/// <summary>
/// Live topics of the feature: the institution's officer inbox (every complaint of the institution), one staff
/// member's own lists and attendance, and one complaint's page.
/// </summary>
public static class AttendanceTopics
{
    public const string Feature = "attendance";
    public static string Institution(int institutionId) => LiveTopics.Feature(Feature, institutionId);
    public static string Staff(int staffId) => $"{Feature}:staff:{staffId}";
    public static string Complaint(int complaintId) => $"{Feature}:complaint:{complaintId}";

    /// <summary>The topic of a user's menu badge: the officer's pending complaints.</summary>
    public static string For(UserScope scope) => Institution(scope.InstitutionId ?? 0);
}
