using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Validation;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>The sections of "Verifikasi data lembaga", in the order the page shows them.</summary>
public enum DataSection
{
    Identitas = 1,
    SaranaPrasarana = 2,
    Santri = 3,
    Gtk = 4,
}

/// <summary>
/// One problem of the working copy: its section, the row (1-based position in that section's list as the page orders
/// it, null for the identity section), the row's id, the field and an Indonesian message naming it. A blocking problem
/// keeps "Sinkronisasi" disabled; a warning does not.
/// </summary>
public sealed record DataProblem(DataSection Section, int? Row, int? RowId, string Field, string Message, bool IsBlocking = true);

/// <summary>
/// The rules of the check before sync, in one place: the page lists what they find, and the sync applies them again
/// (the data may change between the check and the run). Pure functions over rows, so tests and benchmarks call them
/// directly. Rows are checked in the order given (the page's order: santri and GTK by name, then id).
/// </summary>
public static class PontrenDataRules
{
    public static string SectionLabel(this DataSection section) => section switch
    {
        DataSection.Identitas => "Identitas lembaga",
        DataSection.SaranaPrasarana => "Sarana prasarana",
        DataSection.Santri => "Santri",
        DataSection.Gtk => "GTK",
        _ => section.ToString(),
    };

    public static List<DataProblem> Check(Institution institution, IReadOnlyList<PontrenFacility> facilities,
        IReadOnlyList<PontrenSantri> santri, IReadOnlyList<PontrenGtk> gtk, DateOnly todayWib)
    {
        var problems = CheckInstitution(institution, facilities);
        problems.AddRange(CheckRows(santri, gtk, todayWib));
        return problems;
    }

    /// <summary>The identity and facilities sections: a handful of values, cheap to check on every view.</summary>
    public static List<DataProblem> CheckInstitution(Institution institution, IReadOnlyList<PontrenFacility> facilities)
    {
        var problems = new List<DataProblem>();
        CheckIdentity(institution, problems);
        CheckFacilities(facilities, problems);
        return problems;
    }

    /// <summary>The santri and GTK sections: the bulk of the check, the part <see cref="PontrenCheckCache"/> keeps.</summary>
    public static List<DataProblem> CheckRows(IReadOnlyList<PontrenSantri> santri, IReadOnlyList<PontrenGtk> gtk, DateOnly todayWib)
    {
        var problems = new List<DataProblem>();
        CheckSantri(santri, todayWib, problems);
        CheckGtk(gtk, todayWib, problems);
        return problems;
    }

    static void CheckIdentity(Institution institution, List<DataProblem> problems)
    {
        void Add(string field, string? message)
        {
            if (message is not null) problems.Add(new(DataSection.Identitas, null, institution.Id, field, message));
        }
        Add("Nama lembaga", TextRules.Check(institution.Name, "Nama lembaga", TextLimits.InstitutionName, required: true));
        Add(institution.StatisticNumberLabel, Identifiers.CheckStatisticNumber(institution.StatisticNumber, institution.StatisticNumberLabel));
        if (!string.IsNullOrWhiteSpace(institution.Npsn)) Add("NPSN", Identifiers.CheckNpsn(institution.Npsn));
        Add("Alamat", TextRules.Check(institution.Address, "Alamat", TextLimits.Address, required: true));
        Add("Desa/Kelurahan", TextRules.Check(institution.Village, "Desa/Kelurahan", TextLimits.PlaceName, required: true));
        Add("Kecamatan", TextRules.Check(institution.Subdistrict, "Kecamatan", TextLimits.PlaceName, required: true));
    }

    static void CheckFacilities(IReadOnlyList<PontrenFacility> facilities, List<DataProblem> problems)
    {
        if (facilities.Count == 0)
            problems.Add(new(DataSection.SaranaPrasarana, null, null, "Sarana prasarana",
                "Sarana prasarana belum diisi: isi paling sedikit ruang belajar dan asrama bila ada.", IsBlocking: false));
        for (var i = 0; i < facilities.Count; i++)
        {
            var f = facilities[i];
            if (f.GoodCount < 0 || f.LightlyDamagedCount < 0 || f.HeavilyDamagedCount < 0)
                problems.Add(new(DataSection.SaranaPrasarana, i + 1, f.Id, "Jumlah", $"Jumlah {f.Kind} tidak boleh negatif."));
        }
    }

    static void CheckSantri(IReadOnlyList<PontrenSantri> santri, DateOnly today, List<DataProblem> problems)
    {
        var rowsByNik = RowsByKey(santri, s => s.Nik);
        for (var i = 0; i < santri.Count; i++)
        {
            var s = santri[i];
            var row = i + 1;
            void Add(string field, string? message, bool blocking = true)
            {
                if (message is not null) problems.Add(new(DataSection.Santri, row, s.Id, field, message, blocking));
            }
            Add("NIK", Identifiers.CheckNik(s.Nik));
            Add("NIK", SameKeyElsewhere(rowsByNik, s.Nik, row, "NIK"));
            if (!string.IsNullOrWhiteSpace(s.Nisn) && !IsDigits(s.Nisn.Trim(), 10)) Add("NISN", "NISN harus terdiri atas 10 digit angka.");
            Add("Nama lengkap", TextRules.Check(s.FullName, "Nama lengkap", TextLimits.PersonName, required: true));
            if (s.Sex is null) Add("Jenis kelamin", "Jenis kelamin wajib diisi.");
            Add("Tempat lahir", TextRules.Check(s.BirthPlace, "Tempat lahir", TextLimits.PlaceName, required: true));
            Add("Tanggal lahir", CheckBirthDate(s.BirthDate, today));
            Add("Jenjang", TextRules.Check(s.Level, "Jenjang", PontrenLimits.Level, required: true));
        }
    }

    static void CheckGtk(IReadOnlyList<PontrenGtk> gtk, DateOnly today, List<DataProblem> problems)
    {
        var rowsByNik = RowsByKey(gtk, g => g.Nik);
        var rowsByNip = RowsByKey(gtk, g => g.Nip);
        for (var i = 0; i < gtk.Count; i++)
        {
            var g = gtk[i];
            var row = i + 1;
            void Add(string field, string? message)
            {
                if (message is not null) problems.Add(new(DataSection.Gtk, row, g.Id, field, message));
            }
            Add("NIK", Identifiers.CheckNik(g.Nik));
            Add("NIK", SameKeyElsewhere(rowsByNik, g.Nik, row, "NIK"));
            if (!string.IsNullOrWhiteSpace(g.Nip))
            {
                Add("NIP", Identifiers.CheckNip(g.Nip, today));
                Add("NIP", SameKeyElsewhere(rowsByNip, g.Nip, row, "NIP"));
            }
            Add("Nama lengkap", TextRules.Check(g.FullName, "Nama lengkap", TextLimits.PersonName, required: true));
            if (g.Sex is null) Add("Jenis kelamin", "Jenis kelamin wajib diisi.");
            Add("Tanggal lahir", CheckBirthDate(g.BirthDate, today));
            Add("Jabatan", TextRules.Check(g.Position, "Jabatan", PontrenLimits.Position, required: true));
            Add("Status kepegawaian", TextRules.Check(g.EmploymentStatus, "Status kepegawaian", PontrenLimits.EmploymentStatus, required: true));
            if (g.StartDate is { } tmt && tmt > today.AddYears(1)) Add("TMT", "TMT tidak boleh lebih dari setahun ke depan.");
        }
    }

    public static string? CheckBirthDate(DateOnly? birthDate, DateOnly today) => birthDate switch
    {
        null => "Tanggal lahir wajib diisi.",
        { } d when d > today => "Tanggal lahir tidak boleh di masa depan.",
        { } d when d.Year < 1900 => "Tanggal lahir tidak valid (sebelum tahun 1900).",
        _ => null,
    };

    /// <summary>"NIK yang sama juga ada di baris 4." for each row whose key another row shares.</summary>
    static string? SameKeyElsewhere(Dictionary<string, List<int>> rowsByKey, string? key, int row, string field)
    {
        if (string.IsNullOrWhiteSpace(key) || !rowsByKey.TryGetValue(key.Trim(), out var rows) || rows.Count < 2) return null;
        var others = string.Join(", ", rows.Where(r => r != row));
        return $"{field} yang sama juga ada di baris {others}.";
    }

    static Dictionary<string, List<int>> RowsByKey<T>(IReadOnlyList<T> rows, Func<T, string?> key)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var k = key(rows[i])?.Trim();
            if (string.IsNullOrEmpty(k)) continue;
            if (!map.TryGetValue(k, out var list)) map[k] = list = [];
            list.Add(i + 1);
        }
        return map;
    }

    static bool IsDigits(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);
}
