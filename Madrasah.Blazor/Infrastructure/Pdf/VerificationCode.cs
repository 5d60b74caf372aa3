using System.Security.Cryptography;
using System.Text;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// The random code that proves a receipt: 28 characters of Crockford's base32 (140 bits, no I, L, O or U to misread),
/// carried by the QR code and printed in groups of four for typing ("Kode verifikasi: 7K3M-…"). Only its SHA-256 is
/// stored: enough to check a code, useless to print one. Receipt numbers are sequential; the code is what cannot be guessed.
/// </summary>
public static class VerificationCode
{
    public const int Length = 28;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new code from the system's cryptographic random source.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>"7K3M-9QXA-…": groups of four for printing and typing.</summary>
    public static string Group(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    /// <summary>
    /// A code as people type it from paper (any case, spaces and dashes, O for 0, I or L for 1) in its canonical form,
    /// or null when it cannot be a code.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrEmpty(typed) || typed.Length > 4 * Length) return null;
        var code = new StringBuilder(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '\t') continue;
            var canonical = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(canonical) || code.Length == Length) return null;
            code.Append(canonical);
        }
        return code.Length == Length ? code.ToString() : null;
    }

    /// <summary>The stored form: SHA-256 of the canonical code, lower-case hex (a 140-bit random code needs no slow hash).</summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));

    /// <summary>Whether <paramref name="typed"/> is the code whose hash is <paramref name="storedHash"/> (compared in constant time).</summary>
    public static bool Matches(string? typed, string? storedHash)
    {
        var code = Normalize(typed);
        // Hashed and compared even when there is nothing to compare with, so the answer takes the same time either way.
        var candidate = Encoding.ASCII.GetBytes(Hash(code ?? ""));
        var stored = Encoding.ASCII.GetBytes(storedHash is { Length: 64 } hash ? hash : new string('-', 64));
        return CryptographicOperations.FixedTimeEquals(candidate, stored) && code is not null;
    }
}

/// <summary>A field that must hold something <see cref="VerificationCode.Normalize"/> reads as a code (empty is left to [Required]).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VerificationCodeFormatAttribute() : System.ComponentModel.DataAnnotations.ValidationAttribute(
    $"Kode verifikasi terdiri atas {VerificationCode.Length} huruf dan angka, seperti yang tercetak pada bukti.")
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || VerificationCode.Normalize(text) is not null;
}
