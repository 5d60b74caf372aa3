using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Validation;

namespace Madrasah.Blazor.Features.Helpdesk;

/// <summary>The guide's rules of the "Hubungi Kami" form: user types, belajar.id domains, jenjang, the "Lampiran Wajib" checklist.</summary>
public static class HelpdeskRules
{
    public static readonly IReadOnlyList<TicketUserType> UserTypes = Enum.GetValues<TicketUserType>();

    public static string Label(this TicketUserType type) => type switch
    {
        TicketUserType.KepalaSekolah => "Kepala Sekolah/Madrasah",
        TicketUserType.OperatorSekolah => "Operator Sekolah/Madrasah",
        TicketUserType.Pendidik => "Pendidik",
        TicketUserType.DinasPemda => "Dinas/Pemerintah Daerah",
        TicketUserType.KantorKemenag => "Kantor Kemenag",
        TicketUserType.Masyarakat => "Masyarakat/Lainnya",
        _ => type.ToString(),
    };

    /// <summary>Kepala Sekolah, Operator Sekolah and Pendidik: they give Jenjang and NPSN.</summary>
    public static bool IsSchool(this TicketUserType type) =>
        type is TicketUserType.KepalaSekolah or TicketUserType.OperatorSekolah or TicketUserType.Pendidik;

    /// <summary>The jenjang a school user picks; the second value is the jenjang's part of a belajar.id domain.</summary>
    public static readonly IReadOnlyList<(string Label, string Domain)> Jenjang =
    [
        ("PAUD/RA", "paud"), ("SD/MI", "sd"), ("SMP/MTs", "smp"), ("SMA/MA", "sma"), ("SMK/MAK", "smk"), ("SLB", "slb"), ("Pendidikan Kesetaraan", "kesetaraan"),
    ];

    /// <summary>The "Lampiran Wajib" checklist per user type (the documents the agents will ask for).</summary>
    public static IReadOnlyList<string> Checklist(TicketUserType? type) => type switch
    {
        TicketUserType.KepalaSekolah => ["SK/Surat Penugasan sebagai Kepala Sekolah/Madrasah", "Bukti akun terdaftar di Dapodik/EMIS", "Bukti tangkap layar / rekam kendala"],
        TicketUserType.OperatorSekolah => ["Surat Penunjukan sebagai Admin/Operator", "Bukti akun terdaftar di Dapodik/EMIS", "Bukti tangkap layar / rekam kendala"],
        TicketUserType.Pendidik => ["Bukti akun terdaftar di Dapodik/EMIS", "Bukti tangkap layar / rekam kendala"],
        TicketUserType.DinasPemda => ["Surat Penunjukan sebagai Admin Dinas", "Bukti tangkap layar / rekam kendala"],
        TicketUserType.KantorKemenag => ["Surat Tugas dari Kantor Kemenag", "Bukti tangkap layar / rekam kendala"],
        TicketUserType.Masyarakat => ["Bukti tangkap layar / rekam kendala"],
        _ => [],
    };

    /// <summary>The belajar.id account domains of a user type, as the guide writes them.</summary>
    public static IReadOnlyList<string> AllowedDomainsText(TicketUserType type) =>
        type.IsSchool() ? ["@admin.<jenjang>.belajar.id", "@guru.<jenjang>.belajar.id", "@pendidik.kesetaraan.belajar.id"]
        : type == TicketUserType.DinasPemda ? ["@dinas.belajar.id", "@dikbud.belajar.id"]
        : [];

    /// <summary>True for belajar.id and any of its subdomains, in any case.</summary>
    public static bool IsBelajarIdDomain(string domain)
    {
        var d = domain.Trim().TrimEnd('.').ToLowerInvariant();
        return d == "belajar.id" || d.EndsWith(".belajar.id", StringComparison.Ordinal);
    }

    private static string? DomainOf(string email) => email.LastIndexOf('@') is > 0 and var at ? email[(at + 1)..] : null;

    /// <summary>"Alamat Email Aktif": a valid address that is not a belajar.id account (the answer must reach a personal mailbox).</summary>
    public static string? CheckPersonalEmail(string? value)
    {
        const string field = "Alamat Email Aktif";
        if (Identifiers.CheckEmail(value, field) is { } error) return error;
        return IsBelajarIdDomain(DomainOf(value!.Trim())!)
            ? $"{field} harus email pribadi Anda (mis. @gmail.com), bukan akun belajar.id: jawaban tim helpdesk dikirim ke email ini."
            : null;
    }

    /// <summary>"Email Akun belajar.id" (optional): when given, a domain the user type has (case-insensitive).</summary>
    public static string? CheckBelajarIdAccount(string? value, TicketUserType? type)
    {
        const string field = "Email Akun belajar.id";
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Identifiers.CheckEmail(value, field) is { } error) return error;
        if (type is null) return $"Pilih Tipe Pengguna dahulu: domain {field} yang berlaku bergantung padanya.";
        var domain = DomainOf(value.Trim())!.ToLowerInvariant();
        var allowed = AllowedDomainsText(type.Value);
        if (allowed.Count == 0)
            return $"Tipe Pengguna {type.Value.Label()} tidak memiliki akun belajar.id. Kosongkan {field}.";
        if (IsAllowedDomain(domain, type.Value)) return null;
        return $"{field} untuk Tipe Pengguna {type.Value.Label()} harus berdomain {JoinOr(allowed)}"
               + (type.Value.IsSchool() ? $" (jenjang: {string.Join(", ", Jenjang.Select(j => j.Domain))})." : ".");
    }

    private static bool IsAllowedDomain(string domain, TicketUserType type)
    {
        if (type == TicketUserType.DinasPemda) return domain is "dinas.belajar.id" or "dikbud.belajar.id";
        if (!type.IsSchool()) return false;
        if (domain == "pendidik.kesetaraan.belajar.id") return true;
        var parts = domain.Split('.');
        return parts.Length == 4 && parts[0] is "admin" or "guru" && parts[2] == "belajar" && parts[3] == "id"
               && Jenjang.Any(j => j.Domain == parts[1]);
    }

    private static string JoinOr(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " atau " + items[^1];
}

/// <summary>"Helpdesk" settings (appsettings or environment).</summary>
public sealed class HelpdeskOptions
{
    public const string Section = "Helpdesk";

    /// <summary>The service level: working days (office hours) for an answer.</summary>
    public int AnswerWorkingDays { get; set; } = 3;
    /// <summary>
    /// The daily cut-off (WIB, between the office's opening and closing, 08:00–17:00): a report received on a working
    /// day at or after it starts counting at the next office opening, like one sent after closing or on a holiday.
    /// </summary>
    public TimeOnly DailyCutOff { get; set; } = new(16, 30);
    /// <summary>Hours after a question to the requester at which reminders go out (default 16 and 32; configuration replaces the list).</summary>
    public int[]? ReminderHours { get; set; }

    public IReadOnlyList<int> Reminders => ReminderHours is { Length: > 0 } hours ? hours : [16, 32];
    /// <summary>Hours after a question without an answer at which the ticket closes as "Selesai".</summary>
    public int AutoCloseHours { get; set; } = 48;
    public int MaxAttachments { get; set; } = 5;
    public int MaxAttachmentKilobytes { get; set; } = 2048;
    /// <summary>Reports one client (address) may send per hour.</summary>
    public int TicketsPerClientPerHour { get; set; } = 5;
    /// <summary>Reports one email address may send per hour.</summary>
    public int TicketsPerEmailPerHour { get; set; } = 3;
    /// <summary>Secure-link page openings and answers one client may make per 10 minutes.</summary>
    public int LinkRequestsPerClientPer10Minutes { get; set; } = 30;

    public long MaxAttachmentBytes => MaxAttachmentKilobytes * 1024L;
}

/// <summary>The service level: when an answer is due, in office hours, and how the pause "Menunggu informasi" moves it.</summary>
public static class ServiceLevel
{
    /// <summary>Due <paramref name="workingDays"/> working days (office hours) after <paramref name="fromUtc"/>.</summary>
    public static DateTime Due(WorkingHours hours, DateTime fromUtc, int workingDays) => hours.AddWorkingDays(fromUtc, workingDays);

    /// <summary>
    /// When a report received at <paramref name="receivedUtc"/> is due: counted from the moment it arrives, or from the
    /// next office opening when it arrives on a working day at or after <paramref name="cutOff"/> (WIB). After closing
    /// and on closed days the office-hours arithmetic already starts at the next opening.
    /// </summary>
    public static DateTime DueForReport(WorkingHours hours, DateTime receivedUtc, int workingDays, TimeOnly cutOff) =>
        hours.AddWorkingDays(CountingStart(hours, receivedUtc, cutOff), workingDays);

    /// <summary>The moment the service level starts counting for a report received at <paramref name="receivedUtc"/>.</summary>
    public static DateTime CountingStart(WorkingHours hours, DateTime receivedUtc, TimeOnly cutOff)
    {
        var local = Wib.FromUtc(receivedUtc);
        var day = DateOnly.FromDateTime(local);
        return hours.IsWorkingDay(day) && TimeOnly.FromDateTime(local) >= cutOff
            ? Wib.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)) // the arithmetic moves on to the next opening
            : receivedUtc;
    }

    /// <summary>The rule told to the requester beside the due time ("16.30").</summary>
    public static string CutOffRule(TimeOnly cutOff) =>
        $"Laporan yang diterima mulai pukul {cutOff:HH.mm} WIB atau pada hari libur mulai dihitung pada jam kerja berikutnya.";

    /// <summary>The office time left until <paramref name="dueUtc"/> when the clock pauses at <paramref name="nowUtc"/> (zero when overdue).</summary>
    public static TimeSpan Remaining(WorkingHours hours, DateTime nowUtc, DateTime dueUtc) => hours.Between(nowUtc, dueUtc);

    /// <summary>The new due time when the clock resumes at <paramref name="nowUtc"/> with <paramref name="remaining"/> office time left.</summary>
    public static DateTime Resume(WorkingHours hours, DateTime nowUtc, TimeSpan remaining) => hours.Add(nowUtc, remaining);

    /// <summary>"2 hari 3 jam lagi", "terlambat 5 jam": how the due time stands, in wall-clock time.</summary>
    public static string Describe(DateTime dueUtc, DateTime nowUtc)
    {
        var diff = dueUtc - nowUtc;
        var span = diff.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} hari {span.Hours} jam" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} jam" : $"{Math.Max(1, span.Minutes)} menit";
        return diff >= TimeSpan.Zero ? $"{text} lagi" : $"terlambat {text}";
    }

    public static string Format(DateTime utc) => Wib.Format(utc);
}
