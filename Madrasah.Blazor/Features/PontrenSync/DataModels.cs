using System.ComponentModel.DataAnnotations;
using Madrasah.Blazor.Infrastructure.Validation;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>The fixed kinds of sarana prasarana the page offers, in its order.</summary>
public static class FacilityKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        "Ruang belajar/kelas", "Asrama santri", "Masjid/Musala", "Perpustakaan", "Kamar mandi/WC",
        "Dapur", "Ruang guru/ustadz", "Aula", "Laboratorium", "Lainnya",
    ];

    /// <summary>Most rooms of one kind a pesantren may report per condition (a typo guard, not a rule of the ministry).</summary>
    public const int MaxCount = 9_999;

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}

/// <summary>The live topic of an institution's working copy: the page (and the sync panel) reload when it changes.</summary>
public static class DataTopics
{
    private const string Prefix = "pontren-data:";

    public static string For(int institutionId) => Prefix + institutionId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsDataTopic(string topic) => topic.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The institution a data topic names, or null for any other topic.</summary>
    public static int? InstitutionOf(string topic) =>
        IsDataTopic(topic) && int.TryParse(topic.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>The identity section as the page shows it (read only here: it changes through the district).</summary>
public sealed record DataIdentity(string Name, string TypeLabel, string StatisticNumberLabel, string StatisticNumber, string? Npsn,
    string Address, string? Village, string? Subdistrict, string DistrictName, string? SkNumber, DateOnly? SkDate, DateOnly? FoundedOn);

/// <summary>One kind of facility with its counts (zeros when not entered).</summary>
public sealed record FacilityRow(int Row, string Kind, int Good, int LightlyDamaged, int HeavilyDamaged, bool Entered)
{
    public int Total => Good + LightlyDamaged + HeavilyDamaged;
}

/// <summary>What the page shows above its tables: identity, facilities, counts and every problem of the check.</summary>
public sealed record DataOverview(int InstitutionId, DataIdentity Identity, List<FacilityRow> Facilities, int SantriCount, int GtkCount,
    List<DataProblem> Problems)
{
    public int BlockingCount => Problems.Count(p => p.IsBlocking);
    public bool ReadyToSync => BlockingCount == 0;
    public int CountOf(DataSection section) => Problems.Count(p => p.Section == section);
}

public sealed record DataQuery(string? Search = null, int Page = 1, int PageSize = 25);

/// <summary>A santri in the table: its row number in the check's order (name, then id).</summary>
public sealed record SantriRow(int Row, int Id, string Nik, string? Nisn, string FullName, Sex? Sex, string BirthPlace, DateOnly? BirthDate,
    string Level, RowSource Source);

public sealed record GtkRow(int Row, int Id, string? Nip, string Nik, string FullName, Sex? Sex, DateOnly? BirthDate, string Position,
    string EmploymentStatus, DateOnly? StartDate, RowSource Source);

public sealed record DataPage<T>(List<T> Items, int TotalCount);

public static class SexLabels
{
    public static string Label(this Sex? sex) => sex switch { Sex.L => "Laki-laki", Sex.P => "Perempuan", _ => "—" };
    public static string Code(this Sex? sex) => sex switch { Sex.L => "L", Sex.P => "P", _ => "—" };
}

/// <summary>The santri dialog's fields (the service checks them again and answers per property name).</summary>
public sealed class SantriForm
{
    [Required(ErrorMessage = "NIK wajib diisi."), Display(Name = "NIK"), MaxTextLength(DataEntryRules.MaxTypedNumber)]
    public string Nik { get; set; } = "";

    [Display(Name = "NISN"), MaxTextLength(DataEntryRules.MaxTypedNumber)]
    public string? Nisn { get; set; }

    [Required(ErrorMessage = "Nama lengkap wajib diisi."), Display(Name = "Nama lengkap"), VisibleText(TextLimits.PersonName)]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Jenis kelamin wajib diisi."), Display(Name = "Jenis kelamin")]
    public Sex? Sex { get; set; }

    [Required(ErrorMessage = "Tempat lahir wajib diisi."), Display(Name = "Tempat lahir"), VisibleText(TextLimits.PlaceName)]
    public string BirthPlace { get; set; } = "";

    [Required(ErrorMessage = "Tanggal lahir wajib diisi."), Display(Name = "Tanggal lahir")]
    public DateTime? BirthDate { get; set; }

    [Required(ErrorMessage = "Jenjang wajib diisi."), Display(Name = "Jenjang"), VisibleText(PontrenLimits.Level)]
    public string Level { get; set; } = "";

    public static SantriForm From(SantriRow row) => new()
    {
        Nik = row.Nik, Nisn = row.Nisn, FullName = row.FullName, Sex = row.Sex, BirthPlace = row.BirthPlace,
        BirthDate = row.BirthDate?.ToDateTime(TimeOnly.MinValue), Level = row.Level,
    };
}

/// <summary>The GTK dialog's fields.</summary>
public sealed class GtkForm
{
    [Display(Name = "NIP"), MaxTextLength(DataEntryRules.MaxTypedNumber)]
    public string? Nip { get; set; }

    [Required(ErrorMessage = "NIK wajib diisi."), Display(Name = "NIK"), MaxTextLength(DataEntryRules.MaxTypedNumber)]
    public string Nik { get; set; } = "";

    [Required(ErrorMessage = "Nama lengkap wajib diisi."), Display(Name = "Nama lengkap"), VisibleText(TextLimits.PersonName)]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Jenis kelamin wajib diisi."), Display(Name = "Jenis kelamin")]
    public Sex? Sex { get; set; }

    [Required(ErrorMessage = "Tanggal lahir wajib diisi."), Display(Name = "Tanggal lahir")]
    public DateTime? BirthDate { get; set; }

    [Required(ErrorMessage = "Jabatan wajib diisi."), Display(Name = "Jabatan"), VisibleText(PontrenLimits.Position)]
    public string Position { get; set; } = "";

    [Required(ErrorMessage = "Status kepegawaian wajib diisi."), Display(Name = "Status kepegawaian"), VisibleText(PontrenLimits.EmploymentStatus)]
    public string EmploymentStatus { get; set; } = "";

    [Display(Name = "TMT")]
    public DateTime? StartDate { get; set; }

    public static GtkForm From(GtkRow row) => new()
    {
        Nip = row.Nip, Nik = row.Nik, FullName = row.FullName, Sex = row.Sex, BirthDate = row.BirthDate?.ToDateTime(TimeOnly.MinValue),
        Position = row.Position, EmploymentStatus = row.EmploymentStatus, StartDate = row.StartDate?.ToDateTime(TimeOnly.MinValue),
    };
}

/// <summary>The counts of one kind of facility.</summary>
public sealed class FacilityForm
{
    public string Kind { get; set; } = "";

    [Range(0, FacilityKinds.MaxCount, ErrorMessage = "Jumlah kondisi baik harus antara 0 dan 9.999.")]
    public int Good { get; set; }

    [Range(0, FacilityKinds.MaxCount, ErrorMessage = "Jumlah rusak ringan harus antara 0 dan 9.999.")]
    public int LightlyDamaged { get; set; }

    [Range(0, FacilityKinds.MaxCount, ErrorMessage = "Jumlah rusak berat harus antara 0 dan 9.999.")]
    public int HeavilyDamaged { get; set; }
}

/// <summary>A problem chosen in the list: the section shows the page holding the row and highlights it (a new instance each time).</summary>
public sealed record RowFocus(DataSection Section, int Row, int RowId);
