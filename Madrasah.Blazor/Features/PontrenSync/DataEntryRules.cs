using Madrasah.Blazor.Infrastructure.Validation;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>
/// What one santri or GTK must be to enter the working copy (typed in the dialog or read from an import): the check's
/// rules (<see cref="PontrenDataRules"/>, <see cref="Identifiers"/>) applied to one row, answered per field with an
/// Indonesian message naming it. Keys are the property names of <see cref="SantriForm"/> / <see cref="GtkForm"/>.
/// </summary>
public static class DataEntryRules
{
    /// <summary>The longest identifier the forms take as typed (a NIP of 18 digits with spaces between its parts).</summary>
    public const int MaxTypedNumber = 24;

    /// <summary>Digits typed with spaces, dots or dashes ("3404 0712 …") are kept as the digits.</summary>
    public static string NormalizeNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var trimmed = value.Trim();
        var stripped = new string(trimmed.Where(c => c is not (' ' or '-' or '\u00A0')).ToArray());
        return stripped.All(char.IsAsciiDigit) ? stripped : trimmed;
    }

    public static string Clean(string? value) => value?.Trim() ?? "";

    public static Dictionary<string, string> CheckSantri(string? nik, string? nisn, string? fullName, Sex? sex, string? birthPlace,
        DateOnly? birthDate, string? level, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        void Add(string field, string? message)
        {
            if (message is not null) errors.TryAdd(field, message);
        }
        Add(nameof(SantriForm.Nik), Identifiers.CheckNik(NormalizeNumber(nik)));
        var n = NormalizeNumber(nisn);
        if (n.Length > 0 && !(n.Length == 10 && n.All(char.IsAsciiDigit))) Add(nameof(SantriForm.Nisn), "NISN harus terdiri atas 10 digit angka.");
        Add(nameof(SantriForm.FullName), TextRules.Check(fullName, "Nama lengkap", TextLimits.PersonName, required: true));
        if (sex is null) Add(nameof(SantriForm.Sex), "Jenis kelamin wajib diisi.");
        Add(nameof(SantriForm.BirthPlace), TextRules.Check(birthPlace, "Tempat lahir", TextLimits.PlaceName, required: true));
        Add(nameof(SantriForm.BirthDate), PontrenDataRules.CheckBirthDate(birthDate, today));
        Add(nameof(SantriForm.Level), TextRules.Check(level, "Jenjang", PontrenLimits.Level, required: true));
        return errors;
    }

    public static Dictionary<string, string> CheckGtk(string? nip, string? nik, string? fullName, Sex? sex, DateOnly? birthDate,
        string? position, string? status, DateOnly? startDate, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        void Add(string field, string? message)
        {
            if (message is not null) errors.TryAdd(field, message);
        }
        var p = NormalizeNumber(nip);
        if (p.Length > 0) Add(nameof(GtkForm.Nip), Identifiers.CheckNip(p, today));
        Add(nameof(GtkForm.Nik), Identifiers.CheckNik(NormalizeNumber(nik)));
        Add(nameof(GtkForm.FullName), TextRules.Check(fullName, "Nama lengkap", TextLimits.PersonName, required: true));
        if (sex is null) Add(nameof(GtkForm.Sex), "Jenis kelamin wajib diisi.");
        Add(nameof(GtkForm.BirthDate), PontrenDataRules.CheckBirthDate(birthDate, today));
        Add(nameof(GtkForm.Position), TextRules.Check(position, "Jabatan", PontrenLimits.Position, required: true));
        Add(nameof(GtkForm.EmploymentStatus), TextRules.Check(status, "Status kepegawaian", PontrenLimits.EmploymentStatus, required: true));
        if (startDate is { } tmt && tmt > today.AddYears(1)) Add(nameof(GtkForm.StartDate), "TMT tidak boleh lebih dari setahun ke depan.");
        if (startDate is { } t && birthDate is { } b && t < b) Add(nameof(GtkForm.StartDate), "TMT tidak boleh sebelum tanggal lahir.");
        return errors;
    }
}
