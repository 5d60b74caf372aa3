using System.Globalization;
using System.Text;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.TeacherVerification;

/// <summary>
/// The active email of a PTK (Staff.Email) and of its sign-in account, which are one address: the operator sets it,
/// the teacher may correct it, and the teacher signs in with it. Every change goes through <see cref="CheckAsync"/>
/// and <see cref="Apply"/>.
/// </summary>
public static class EmailOnRecord
{
    public const string TakenMessage = "Email ini sudah dipakai akun lain. Setiap PTK memerlukan email aktif miliknya sendiri.";

    /// <summary>
    /// Null when <paramref name="email"/> may become the active email of the PTK <paramref name="staffId"/> (or of the
    /// account <paramref name="userId"/>); otherwise why not, naming <paramref name="field"/>: the format, letters
    /// outside plain ASCII (a Cyrillic "а" in "gmаil.com" looks the same and reaches someone else), and an address
    /// another account or another PTK already has.
    /// </summary>
    public static async Task<string?> CheckAsync(MadrasahDbContext db, string? email, int? staffId, string? userId, string field = "Email")
    {
        if (string.IsNullOrWhiteSpace(email)) return $"{field} wajib diisi.";
        var trimmed = email.Trim();
        if (CheckLetters(trimmed, field) is { } letters) return letters;
        if (Identifiers.CheckEmail(trimmed, field) is { } invalid) return invalid;
        var normalized = Normalize(trimmed);
        var usedByAccount = await db.Users.AnyAsync(u => (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized) && u.Id != userId);
        var usedByStaff = await db.Staff.AnyAsync(s => s.Email != null && s.Email.ToUpper() == normalized && s.Id != staffId
                                                       && (userId == null || s.UserId != userId));
        return usedByAccount || usedByStaff ? TakenMessage : null;
    }

    /// <summary>Only printable ASCII: the one character that is not is named, with its code point.</summary>
    public static string? CheckLetters(string email, string field = "Email")
    {
        foreach (var rune in email.EnumerateRunes())
        {
            if (rune.Value is >= 0x21 and <= 0x7E) continue;
            if (Rune.IsWhiteSpace(rune)) return $"{field} tidak boleh memuat spasi.";
            var shown = Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control ? "" : $"“{rune}” ";
            return $"{field} memuat karakter {shown}(U+{rune.Value:X4}) yang bukan huruf Latin biasa; huruf seperti ini tampak sama tetapi "
                   + "mengarah ke alamat lain. Ketik ulang alamatnya dengan huruf a–z, angka dan tanda . _ - @ saja.";
        }
        // A browser's email field turns "gmаil.com" into its ASCII form "xn--gmil-63d.com": the same look-alike.
        var at = email.LastIndexOf('@');
        if (at >= 0 && email[(at + 1)..].Split('.').Any(label => label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)))
            return $"{field} memakai nama domain internasional (xn--…), yang dapat meniru alamat lain dengan huruf yang tampak sama. "
                   + "Ketik ulang alamatnya dengan huruf a–z, angka dan tanda . _ - @ saja.";
        return null;
    }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>Sets the address on the PTK record and on its account (sign-in name too); the address is not verified until a code proves it.</summary>
    public static void Apply(Staff? staff, ApplicationUser? user, string email)
    {
        email = email.Trim();
        if (staff is not null)
        {
            staff.Email = email;
            staff.EmailVerified = false;
        }
        if (user is not null)
        {
            user.Email = user.UserName = email;
            user.NormalizedEmail = user.NormalizedUserName = Normalize(email);
        }
    }
}
