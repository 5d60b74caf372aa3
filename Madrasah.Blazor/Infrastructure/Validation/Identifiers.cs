using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Madrasah.Blazor.Infrastructure.Validation;

/// <summary>
/// The one place where Indonesian identifiers are checked. Each check returns null when valid, or an
/// Indonesian message naming the field.
/// </summary>
public static class Identifiers
{
    /// <summary>
    /// NIK: 16 digits = province(2) regency(2) district(2) birth date ddMMyy (day + 40 for women) serial(4).
    /// </summary>
    public static string? CheckNik(string? value, string field = "NIK")
    {
        if (string.IsNullOrWhiteSpace(value)) return $"{field} wajib diisi.";
        var nik = value.Trim();
        if (!IsDigits(nik, 16)) return $"{field} harus terdiri atas 16 digit angka.";
        if (!Data.RegionData.ProvinceCodes.Contains(nik[..2])) return $"{field} tidak valid: kode provinsi \"{nik[..2]}\" tidak dikenal.";
        if (nik.Substring(2, 2) == "00" || nik.Substring(4, 2) == "00") return $"{field} tidak valid: kode kabupaten/kecamatan tidak boleh 00.";
        var day = int.Parse(nik.Substring(6, 2));
        if (day > 40) day -= 40;
        var month = int.Parse(nik.Substring(8, 2));
        var yy = int.Parse(nik.Substring(10, 2));
        if (!IsValidTwoDigitYearDate(yy, month, day))
            return $"{field} tidak valid: tanggal lahir di dalamnya (digit 7–12) bukan tanggal yang benar.";
        if (nik[12..] == "0000") return $"{field} tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000.";
        return null;
    }

    /// <summary>The birth date and sex encoded in a valid NIK (women have day + 40).</summary>
    public static (DateOnly BirthDate, bool IsFemale)? ReadNik(string nik, DateOnly today)
    {
        if (CheckNik(nik) is not null) return null;
        var day = int.Parse(nik.Substring(6, 2));
        var female = day > 40;
        if (female) day -= 40;
        var month = int.Parse(nik.Substring(8, 2));
        var yy = int.Parse(nik.Substring(10, 2));
        var year = 2000 + yy;
        if (year > today.Year || !DateOnly.TryParseExact($"{year:0000}{month:00}{day:00}", "yyyyMMdd", out var date) || date > today)
            year -= 100;
        return (new DateOnly(year, month, day), female);
    }

    /// <summary>
    /// NIP (civil servant number): 18 digits = birth date yyyyMMdd, appointment (TMT CPNS) yyyyMM,
    /// sex (1 man, 2 woman), serial(3). <paramref name="today"/> (WIB, from the app's clock: <c>Wib.Today(clock)</c>)
    /// bounds the appointment year.
    /// </summary>
    public static string? CheckNip(string? value, DateOnly today, string field = "NIP")
    {
        if (string.IsNullOrWhiteSpace(value)) return $"{field} wajib diisi.";
        var nip = value.Trim();
        if (!IsDigits(nip, 18)) return $"{field} harus terdiri atas 18 digit angka.";
        if (!DateOnly.TryParseExact(nip[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1940)
            return $"{field} tidak valid: tanggal lahir (digit 1–8) bukan tanggal yang benar.";
        var appointmentYear = int.Parse(nip.Substring(8, 4));
        var appointmentMonth = int.Parse(nip.Substring(12, 2));
        if (appointmentMonth is < 1 or > 12)
            return $"{field} tidak valid: bulan pengangkatan (digit 13–14) harus 01–12.";
        if (appointmentYear < birth.Year + 15 || appointmentYear > today.Year + 1)
            return $"{field} tidak valid: tahun pengangkatan (digit 9–12) tidak sesuai dengan tanggal lahir.";
        if (nip[14] is not ('1' or '2'))
            return $"{field} tidak valid: digit ke-15 (jenis kelamin) harus 1 atau 2.";
        if (nip[15..] == "000") return $"{field} tidak valid: nomor urut (3 digit terakhir) tidak boleh 000.";
        return null;
    }

    /// <summary>NPSN (national school number): 8 digits.</summary>
    public static string? CheckNpsn(string? value, string field = "NPSN")
    {
        if (string.IsNullOrWhiteSpace(value)) return $"{field} wajib diisi.";
        var npsn = value.Trim();
        if (!IsDigits(npsn, 8)) return $"{field} harus terdiri atas 8 digit angka.";
        if (npsn == "00000000") return $"{field} tidak valid.";
        return null;
    }

    /// <summary>NSM (madrasah) or NSPP (pesantren) statistic number: 12 digits.</summary>
    public static string? CheckStatisticNumber(string? value, string field = "NSM")
    {
        if (string.IsNullOrWhiteSpace(value)) return $"{field} wajib diisi.";
        var number = value.Trim();
        return IsDigits(number, 12) ? null : $"{field} harus terdiri atas 12 digit angka.";
    }

    /// <summary>
    /// An email address a message can reach: at most <see cref="TextLimits.Email"/> characters (told first, before any
    /// parsing), one address, no display name, a host with a dot.
    /// </summary>
    public static string? CheckEmail(string? value, string field = "Email")
    {
        if (string.IsNullOrWhiteSpace(value)) return $"{field} wajib diisi.";
        if (value.AsSpan().Trim().Length > TextLimits.Email) return TextRules.TooLong(field, TextLimits.Email);
        var email = value.Trim();
        return MimeKit.MailboxAddress.TryParse(StrictAddresses, email, out var address)
               && string.IsNullOrEmpty(address.Name) && address.Address == email && address.Route.Count == 0
               && address.LocalPart.Length > 0 && address.Domain is { } host
               && host.Contains('.') && !host.StartsWith('.') && !host.EndsWith('.') && !host.StartsWith('[')
            ? null
            : $"Format {field} tidak valid. Contoh: nama@contoh.sch.id";
    }

    private static readonly MimeKit.ParserOptions StrictAddresses = new()
    {
        AddressParserComplianceMode = MimeKit.RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    private static bool IsDigits(string s, int length) => s.Length == length && s.All(char.IsAsciiDigit);

    private static bool IsValidTwoDigitYearDate(int yy, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 &&
        (day <= DateTime.DaysInMonth(1900 + yy, month) || day <= DateTime.DaysInMonth(2000 + yy, month));
}

/// <summary>DataAnnotations attributes over <see cref="Identifiers"/>, for InputModels. Empty values are left to [Required].</summary>
public abstract class IdentifierAttribute(Func<string?, string, IServiceProvider?, string?> check, string defaultField) : ValidationAttribute
{
    protected IdentifierAttribute(Func<string?, string, string?> check, string defaultField) : this((value, field, _) => check(value, field), defaultField) { }

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        var text = value as string;
        if (string.IsNullOrWhiteSpace(text)) return ValidationResult.Success;
        var message = check(text, context.DisplayName ?? defaultField, context);
        return message is null ? ValidationResult.Success : new ValidationResult(message, context.MemberName is { } m ? [m] : null);
    }
}

public sealed class NikAttribute() : IdentifierAttribute(Identifiers.CheckNik, "NIK");
/// <summary>NIP, checked against today's date of the app's clock (the form's services' TimeProvider).</summary>
public sealed class NipAttribute() : IdentifierAttribute(static (value, field, services) =>
    Identifiers.CheckNip(value, Time.Wib.Today(services?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System), field), "NIP");
public sealed class NpsnAttribute() : IdentifierAttribute(Identifiers.CheckNpsn, "NPSN");
public sealed class EmailAttribute() : IdentifierAttribute(Identifiers.CheckEmail, "Email");
