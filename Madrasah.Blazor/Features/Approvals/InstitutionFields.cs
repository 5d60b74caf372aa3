using System.Globalization;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Validation;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>What kind of value a form field holds: decides its check and the input the form renders.</summary>
public enum FieldKind { Text, LongText, PostalCode, Phone, Email, Url, Number, Nik, Choice }

/// <summary>
/// The one rule of a field, used by the service (<see cref="ApprovalService.SaveAsync"/>) and by the form
/// (<c>InstitutionFieldsValidator</c>). A blank value passes unless <see cref="Required"/>. A <see cref="FieldKind.Choice"/>
/// takes one of <see cref="Options"/>, or keeps the value the institution already has (data from before the choice existed).
/// </summary>
public sealed partial record FieldRule(
    FieldKind Kind = FieldKind.Text, bool Required = false, int MaxLength = 200, int Min = 0, int Max = int.MaxValue, IReadOnlyList<string>? Options = null)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>
    /// Null when <paramref name="value"/> is acceptable, otherwise an Indonesian message naming <paramref name="label"/>.
    /// <paramref name="current"/> is the institution's present value: a choice may stay at it even when it is not an option.
    /// </summary>
    public string? Check(string label, string? value, string? current = null)
    {
        var text = InstitutionFields.Normalize(value);
        if (text is null) return Required ? $"{label} wajib diisi." : null;
        if (Kind == FieldKind.Choice)
            return Options?.Contains(text) == true || text == InstitutionFields.Normalize(current)
                ? null : $"{label} harus salah satu dari: {string.Join(", ", Options ?? [])}.";
        if (TextRules.CheckLength(text, label, MaxLength) is { } tooLong) return tooLong;
        return Kind switch
        {
            FieldKind.Text or FieldKind.LongText => TextRules.Check(text, label, MaxLength),
            FieldKind.PostalCode when !PostalCodePattern().IsMatch(text) => $"{label} harus 5 angka.",
            FieldKind.Phone when !PhonePattern().IsMatch(text) => $"{label} hanya boleh berisi angka, spasi, tanda hubung dan awalan +.",
            FieldKind.Email when !EmailPattern().IsMatch(text) => $"{label} tidak valid, mis. tu@min1sleman.sch.id.",
            FieldKind.Url when !IsWebAddress(text) => $"{label} harus berupa alamat lengkap, mis. https://min1sleman.sch.id.",
            FieldKind.Number when !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"{label} harus berupa angka.",
            FieldKind.Number when int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var n && (n < Min || n > Max) =>
                $"{label} harus antara {Min.ToString("N0", Indonesian)} dan {Max.ToString("N0", Indonesian)}.",
            FieldKind.Nik => Identifiers.CheckNik(text, label),
            _ => null,
        };
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Contains('.');

    /// <summary>ASCII digits only: <c>\d</c> would take Arabic-Indic, Devanagari and other digits too.</summary>
    [GeneratedRegex(@"^[0-9]{5}$")] private static partial Regex PostalCodePattern();
    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,28}$")] private static partial Regex PhonePattern();
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")] private static partial Regex EmailPattern();
}

/// <summary>A field of the change request form: key, Indonesian label and rule (how it is laid out is the form's business).</summary>
public record FormField(string Key, string Label, FieldRule Rule)
{
    public string? Check(string? value, string? current = null) => Rule.Check(Label, value, current);

    /// <summary>The value as stored and compared: trimmed, blank as null, numbers without leading zeros.</summary>
    public string? Normalize(string? value)
    {
        var text = InstitutionFields.Normalize(value);
        return Rule.Kind == FieldKind.Number && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n.ToString(CultureInfo.InvariantCulture) : text;
    }
}

/// <summary>An editable identity field of an institution: a form field that also knows how to read and write it.</summary>
public sealed record InstitutionField(string Key, string Label, FieldRule Rule, Func<Institution, string?> Read, Action<Institution, string?> Write)
    : FormField(Key, Label, Rule);

/// <summary>The identity data an operator may propose to change (DESIGN.md job 1), in form order, each with its rule.</summary>
public static class InstitutionFields
{
    private static readonly FieldRule Count = new(FieldKind.Number, Required: true, Max: 100_000);

    /// <summary>The accreditation grades (BAN-S/M) an operator can choose from.</summary>
    public static readonly IReadOnlyList<string> AccreditationGrades = ["A", "B", "C", "Belum Terakreditasi"];

    public static readonly IReadOnlyList<InstitutionField> All =
    [
        new(nameof(Institution.Name), "Nama Lembaga", new(Required: true, MaxLength: TextLimits.InstitutionName), i => i.Name, (i, v) => i.Name = v ?? ""),
        new(nameof(Institution.Accreditation), "Akreditasi", new(FieldKind.Choice, MaxLength: 20, Options: AccreditationGrades), i => i.Accreditation, (i, v) => i.Accreditation = v),
        new(nameof(Institution.Address), "Alamat", new(Required: true, MaxLength: TextLimits.Address), i => i.Address, (i, v) => i.Address = v ?? ""),
        new(nameof(Institution.Village), "Desa/Kelurahan", new(MaxLength: TextLimits.PlaceName), i => i.Village, (i, v) => i.Village = v),
        new(nameof(Institution.Subdistrict), "Kecamatan", new(MaxLength: TextLimits.PlaceName), i => i.Subdistrict, (i, v) => i.Subdistrict = v),
        new(nameof(Institution.PostalCode), "Kode Pos", new(FieldKind.PostalCode, MaxLength: TextLimits.PostalCode), i => i.PostalCode, (i, v) => i.PostalCode = v),
        new(nameof(Institution.Phone), "Telepon", new(FieldKind.Phone, MaxLength: TextLimits.Phone), i => i.Phone, (i, v) => i.Phone = v),
        new(nameof(Institution.Email), "Email", new(FieldKind.Email, MaxLength: TextLimits.Email), i => i.Email, (i, v) => i.Email = v),
        new(nameof(Institution.Website), "Situs Web", new(FieldKind.Url, MaxLength: TextLimits.Website), i => i.Website, (i, v) => i.Website = v),
        new(nameof(Institution.HeadName), "Nama Kepala Lembaga", new(MaxLength: TextLimits.PersonName), i => i.HeadName, (i, v) => i.HeadName = v),
        new(nameof(Institution.HeadNik), "NIK Kepala Madrasah", new(FieldKind.Nik, MaxLength: 16), i => i.HeadNik, (i, v) => i.HeadNik = v),
        new(nameof(Institution.StudentCount), "Jumlah Siswa/Santri", Count, i => Number(i.StudentCount), (i, v) => i.StudentCount = ParseNumber(v)),
        new(nameof(Institution.TeacherCount), "Jumlah Guru", Count with { Max = 10_000 }, i => Number(i.TeacherCount), (i, v) => i.TeacherCount = ParseNumber(v)),
        new(nameof(Institution.Facilities), "Sarana Prasarana", new(FieldKind.LongText, MaxLength: TextLimits.Facilities), i => i.Facilities, (i, v) => i.Facilities = v),
    ];

    /// <summary>The operator's note on the request: not institution data, but checked the same way.</summary>
    public static readonly FormField Note = new("Note", "Catatan untuk Kepala Madrasah", new(FieldKind.LongText, MaxLength: ChangeRequest.ReasonMaxLength));

    public static InstitutionField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>Blank and whitespace are "no value"; otherwise trimmed.</summary>
    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The current value of every field, normalized.</summary>
    public static Dictionary<string, string?> ValuesOf(Institution institution) =>
        All.ToDictionary(f => f.Key, f => f.Normalize(f.Read(institution)));

    /// <summary>
    /// Every rule broken by the given values (only the fields present are checked) and the note: field key → message,
    /// in form order. Empty when all is well. <paramref name="current"/>: the institution's present values (see <see cref="FieldRule.Check"/>).
    /// </summary>
    public static Dictionary<string, string> Validate(IReadOnlyDictionary<string, string?> values, string? note, IReadOnlyDictionary<string, string?>? current = null)
    {
        var errors = new Dictionary<string, string>();
        foreach (var field in All)
            if (values.TryGetValue(field.Key, out var value) && field.Check(value, current?.GetValueOrDefault(field.Key)) is { } message)
                errors[field.Key] = message;
        if (Note.Check(note) is { } noteMessage) errors[Note.Key] = noteMessage;
        return errors;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static int ParseNumber(string? v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
