namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// The password rule of the seed (at least 8 characters with upper case, lower case, digit and symbol)
/// plus a refusal of very common passwords. Used by Identity's validator and by live strength indicators.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;

    public sealed record Rule(string Key, string Label, bool Met);

    /// <summary>
    /// Identity's RequiredUniqueChars. Met by every password that meets the four character rules (an upper-case
    /// letter, a lower-case letter, a digit and a symbol are four different characters), so it needs no line of its own.
    /// </summary>
    public const int RequiredUniqueChars = 4;

    /// <summary>
    /// The rules exactly as Identity's PasswordValidator counts them, so the live indicator never says
    /// "Password Strong" for a password Identity then refuses: letters and digits are ASCII only (A–Z, a–z, 0–9);
    /// every other character, "Ñ", "é" or a space included, counts as a symbol and not as a letter.
    /// </summary>
    public static IReadOnlyList<Rule> Evaluate(string? password)
    {
        password ??= "";
        return
        [
            new("length", $"Minimal {MinimumLength} karakter", password.Length >= MinimumLength),
            new("upper", "Memuat huruf besar (A–Z)", password.Any(char.IsAsciiLetterUpper)),
            new("lower", "Memuat huruf kecil (a–z)", password.Any(char.IsAsciiLetterLower)),
            new("digit", "Memuat angka (0–9)", password.Any(char.IsAsciiDigit)),
            new("symbol", "Memuat karakter simbol (mis. ! @ # $)", password.Any(c => !char.IsAsciiLetterOrDigit(c))),
        ];
    }

    public static bool IsStrong(string? password) => Evaluate(password).All(r => r.Met) && !IsCommon(password);

    /// <summary>The line under a live rule list: "Password Strong", or what is still wrong.</summary>
    public static string StrengthMessage(string? password) =>
        IsStrong(password) ? "Password Strong"
        : Evaluate(password).All(r => r.Met) ? CommonPasswordMessage
        : "Password belum memenuhi ketentuan.";

    public const string CommonPasswordMessage = "Password ini terlalu umum dan mudah ditebak. Pilih Password lain.";

    /// <summary>
    /// True for passwords on the common list, also when dressed up with capitals, digits, symbols or
    /// look-alike characters ("P@ssw0rd123!" is "password").
    /// </summary>
    public static bool IsCommon(string? password)
    {
        if (string.IsNullOrEmpty(password)) return false;
        var lower = password.ToLowerInvariant();
        if (CommonPasswords.Exact.Contains(lower)) return true;
        var stem = Stem(lower);
        return stem.Length == 0 || CommonPasswords.Stems.Contains(stem);
    }

    private static string Stem(string lower)
    {
        var chars = lower.Select(c => c switch
        {
            '@' or '4' => 'a',
            '0' => 'o',
            '1' or '!' => 'i',
            '3' => 'e',
            '$' or '5' => 's',
            '7' => 't',
            _ => c,
        }).Where(char.IsLetter);
        // Trailing leftovers of digits-and-symbols padding ("password!1" -> "passwordi") are trimmed back.
        var stem = new string(chars.ToArray());
        foreach (var candidate in new[] { stem, stem.TrimEnd('i', 'a', 's', 'e', 'o', 't') })
            if (CommonPasswords.Stems.Contains(candidate)) return candidate;
        return stem;
    }
}
