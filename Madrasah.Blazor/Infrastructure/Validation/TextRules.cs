using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace Madrasah.Blazor.Infrastructure.Validation;

/// <summary>
/// How long what users type may be: one number per kind of field, used alike by the EF columns (HasMaxLength), the
/// forms (maxlength in the browser, the InputModels' checks) and the services' checks, so they cannot disagree.
/// </summary>
public static class TextLimits
{
    /// <summary>The longest address SMTP carries (RFC 5321: 256 with the angle brackets).</summary>
    public const int Email = 254;
    public const int Password = 128;
    public const int PersonName = 200;
    public const int InstitutionName = 200;
    public const int Address = 300;
    /// <summary>Desa/Kelurahan, Kecamatan.</summary>
    public const int PlaceName = 120;
    public const int PostalCode = 5;
    public const int Phone = 30;
    public const int Website = 200;
    public const int Facilities = 2000;
    public const int HolidayName = 150;
    /// <summary>"Email atau NIK" of the sign-in form: an email, or a NIK typed with spaces or dashes.</summary>
    public const int UserName = Email;
    /// <summary>Search boxes: longer terms are cut (a search finds nothing longer than the columns it looks in).</summary>
    public const int Search = 100;

    /// <summary>
    /// What a refused form shows again of a value over its limit: its first <paramref name="maxLength"/> characters,
    /// as the browser's maxlength would have kept of it (the message beside the field says why it was refused).
    /// </summary>
    public static string Cut(string? value, int maxLength) => value is null ? "" : value.Length > maxLength ? value[..maxLength] : value;
}

/// <summary>
/// The rule of every name and free text that others read (institution and person names, addresses, holiday names,
/// notes and reasons): not longer than its column, not made only of invisible characters (spaces of any kind,
/// zero-width and other format characters, lone combining marks, blank-looking letters), and no characters that
/// turn the direction of the text around it (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which make a
/// name read differently from what is stored. Each check returns null when valid, or an Indonesian message naming
/// the field.
/// </summary>
public static class TextRules
{
    /// <summary>The full check of a name or text: required (when asked), length, visible, no direction controls.</summary>
    public static string? Check(string? value, string field, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? $"{field} wajib diisi." : null;
        if (CheckLength(value.Trim(), field, maxLength) is { } tooLong) return tooLong;
        if (HasDirectionControl(value)) return $"{field} tidak boleh memuat karakter pengatur arah teks yang tidak terlihat (mis. U+202E).";
        if (!HasVisibleCharacter(value)) return $"{field} harus memuat huruf atau angka yang terlihat, bukan hanya spasi atau karakter yang tidak terlihat.";
        return null;
    }

    public static string? CheckLength(string? value, string field, int maxLength) =>
        value is not null && value.Length > maxLength ? TooLong(field, maxLength) : null;

    /// <summary>"Email paling banyak 254 karakter.": the one wording of every length message.</summary>
    public static string TooLong(string field, int maxLength) => $"{field} paling banyak {maxLength} karakter.";

    /// <summary>True for the characters that override or isolate the direction of the text around them.</summary>
    public static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public static bool HasDirectionControl(string value) => value.AsSpan().IndexOfAny(DirectionControls) >= 0;

    /// <summary>True when at least one character shows on its own (not a space, control, format character or mark).</summary>
    public static bool HasVisibleCharacter(string value)
    {
        foreach (var rune in value.EnumerateRunes())
            if (IsVisible(rune)) return true;
        return false;
    }

    private static bool IsVisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned => false,
            _ => !BlankLetters.Contains(rune.Value),
        };

    /// <summary>Letters and symbols that draw nothing (Hangul fillers, the blank Braille pattern, Khmer inherent vowels).</summary>
    private static readonly HashSet<int> BlankLetters = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5];

    private static readonly System.Buffers.SearchValues<char> DirectionControls = System.Buffers.SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");
}

/// <summary>
/// DataAnnotations over <see cref="TextRules.Check"/> for an InputModel's name or text (empty values are left to
/// [Required]); the field is named by [Display(Name)] or the attribute's <see cref="Field"/>.
/// </summary>
public sealed class VisibleTextAttribute(int maxLength) : ValidationAttribute
{
    public int MaxLength => maxLength;
    public string? Field { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        var message = TextRules.Check(value as string, Field ?? context.DisplayName ?? context.MemberName ?? "Isian", maxLength);
        return message is null ? ValidationResult.Success : new ValidationResult(message, context.MemberName is { } m ? [m] : null);
    }
}

/// <summary>DataAnnotations length check with the common wording ("Password paling banyak 128 karakter."), for values that are not names.</summary>
public sealed class MaxTextLengthAttribute(int maxLength) : ValidationAttribute
{
    public int MaxLength => maxLength;
    public string? Field { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        TextRules.CheckLength(value as string, Field ?? context.DisplayName ?? context.MemberName ?? "Isian", maxLength) is { } message
            ? new ValidationResult(message, context.MemberName is { } m ? [m] : null)
            : ValidationResult.Success;
}
