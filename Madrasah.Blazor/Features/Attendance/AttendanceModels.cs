using Madrasah.Blazor.Infrastructure.Uploads;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>The outcome of an action: success (with the complaint's id and number), or Indonesian messages per field ("" = the whole form).</summary>
public sealed record AttendanceResult(bool Succeeded, IReadOnlyDictionary<string, string> Errors, int? ComplaintId = null, string? Number = null, string? Message = null)
{
    public static AttendanceResult Ok(string message) => new(true, new Dictionary<string, string>(), Message: message);
    public static AttendanceResult Ok(int id, string number, string message) => new(true, new Dictionary<string, string>(), id, number, message);
    public static AttendanceResult Fail(string message) => new(false, new Dictionary<string, string> { [""] = message });
    public static AttendanceResult Fail(string field, string message) => new(false, new Dictionary<string, string> { [field] = message });
    /// <summary>The first message, for a snackbar or an alert.</summary>
    public string? Error => Errors.Values.FirstOrDefault();
}

/// <summary>What the complaint form sends (field names are the form's InputModel properties).</summary>
public sealed record ComplaintInput(
    ComplaintCategory Category, ComplaintType? Type, DateOnly? Date, DateOnly? EndDate, AttendanceSession? Session, string? Reason,
    byte[]? Evidence, string? EvidenceName)
{
    public const string TypeField = nameof(Type), DateField = nameof(Date), EndDateField = nameof(EndDate), SessionField = nameof(Session),
        ReasonField = nameof(Reason), EvidenceField = nameof(Evidence);
}

public static class ComplaintRules
{
    /// <summary>"Unggah": the assignment letter or other evidence, PDF only, at most 300 KB (307,200 bytes), checked by content.</summary>
    public static readonly UploadRule Evidence = UploadRule.Pdf("Unggah (surat tugas/bukti pendukung)", 300 * 1024);
    /// <summary>The longest leave one report covers, in calendar days.</summary>
    public const int MaxLeaveDays = 90;
    /// <summary>
    /// Why a chosen file cannot be the evidence, as the form says it at once (the service checks again by content when
    /// the form is sent): too large, empty, or not a PDF by its first bytes (a renamed PNG is not a PDF). Null when fine.
    /// </summary>
    public static string? EvidenceProblem(long size, ReadOnlySpan<byte> content)
    {
        if (size > Evidence.MaxBytes)
            return $"{Evidence.FieldLabel}: ukuran berkas melebihi batas {Evidence.MaxSizeText} (berkas Anda {UploadRule.SizeText(size)}, {size:N0} byte). Perkecil berkas PDF lalu unggah kembali.";
        if (size == 0 || content.Length == 0) return $"{Evidence.FieldLabel}: berkas kosong.";
        return UploadStore.Detect(content) == FileKind.Pdf ? null
            : $"{Evidence.FieldLabel}: isi berkas bukan PDF. Unggah berkas PDF yang asli (mengganti nama berkas menjadi .pdf tidak cukup).";
    }

    /// <summary>A Presensi Masuk after this WIB time is late.</summary>
    public static readonly TimeOnly LateAfter = new(7, 30);
}

/// <summary>Today's two sessions as the staff member sees them on the Presensi page.</summary>
public sealed record TodayAttendance(DateOnly Date, string? StaffName, string? Nip, string? ClosedDayName, bool IsWorkingDay,
    AttendanceCell? Masuk, AttendanceCell? Pulang)
{
    public bool HasStaff => StaffName is not null;
}

/// <summary>One session's record as shown: kind, source, time (WIB) and the complaint that corrected it.</summary>
public sealed record AttendanceCell(AttendanceKind Kind, AttendanceSource Source, DateTime? RecordedUtc, string? ComplaintNumber, bool IsLate)
{
    public string Text => Kind == AttendanceKind.Hadir && RecordedUtc is { } t
        ? $"{Infrastructure.Time.Wib.FromUtc(t):HH.mm} WIB" + (IsLate ? " (terlambat)" : "")
        : Kind.Label() + (ComplaintNumber is null ? "" : $" ({ComplaintNumber})");
}

/// <summary>One day of a person's recap.</summary>
public sealed record RecapDay(DateOnly Date, bool IsWorkingDay, string? ClosedDayName, AttendanceCell? Pagi, AttendanceCell? Sore);

/// <summary>The month's counts of one person (working days up to today only).</summary>
public sealed record RecapRow(int StaffId, string Name, string? Nip, int WorkingDays, int Present, int Late, int MissingIn, int MissingOut, int OnDuty, int Leave);

public sealed record PersonRecap(RecapRow Totals, IReadOnlyList<RecapDay> Days, IReadOnlyList<string> Holidays);

public sealed record InstitutionRecap(string InstitutionName, int Year, int Month, int WorkingDays, IReadOnlyList<RecapRow> Rows, IReadOnlyList<string> Holidays);

/// <summary>One row of a complaint list.</summary>
public sealed record ComplaintListItem(int Id, string Number, string StaffName, string? Nip, ComplaintType Type, DateOnly Date, DateOnly EndDate,
    AttendanceSession? Session, ComplaintStatus Status, DateTime SubmittedUtc)
{
    public string When => AttendanceFormat.When(Date, EndDate, Session);
}

public sealed record ComplaintList(IReadOnlyList<ComplaintListItem> Rows, int Page, int PageSize, int TotalCount)
{
    public static readonly ComplaintList Empty = new([], 1, 20, 0);
}

/// <summary>A complaint as one user sees it, with what that user may do now.</summary>
public sealed record ComplaintDetail(
    int Id, string Number, string StaffName, string? Nip, string InstitutionName, ComplaintCategory Category, ComplaintType Type,
    DateOnly Date, DateOnly EndDate, AttendanceSession? Session, string Reason, Guid EvidenceUploadId, string EvidenceFileName, long EvidenceSizeBytes,
    ComplaintStatus Status, DateTime SubmittedUtc, DateTime? DecidedUtc, string? DecidedByName, string? DecisionReason,
    string? ReceiptNumber, int Revision, bool CanDecide, bool HasOutage)
{
    public string When => AttendanceFormat.When(Date, EndDate, Session);
}

/// <summary>A recorded machine outage, with how many Mesin Error complaints of its day and session still wait.</summary>
public sealed record OutageItem(int Id, DateOnly Date, AttendanceSession Session, string Note, string RecordedByName, DateTime RecordedUtc, int Waiting);

public static class AttendanceFormat
{
    /// <summary>"Senin, 30 November 2026 — Sore" or "30 November 2026 s.d. 2 Desember 2026".</summary>
    public static string When(DateOnly date, DateOnly endDate, AttendanceSession? session) => session is { } s
        ? $"{Day(date)} — {s.Short()}"
        : endDate == date ? Day(date) : $"{Infrastructure.Time.Wib.FormatDate(date)} s.d. {Infrastructure.Time.Wib.FormatDate(endDate)}";

    public static string Day(DateOnly date) => date.ToString("dddd, d MMMM yyyy", Infrastructure.Time.Wib.Culture);
}

/// <summary>A chosen evidence file, held by the form until it is sent.</summary>
public sealed record EvidenceFile(string Name, byte[] Content);
