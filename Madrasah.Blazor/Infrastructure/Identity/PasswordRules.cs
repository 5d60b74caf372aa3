namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// The password rule of the seed (at least 8 characters with upper case, lower case, digit and symbol)
/// plus a refusal of very common passwords. Used by Identity's validator and by live strength indicators.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;
    /// <summary>The longest password taken anywhere one is set or typed (TextLimits.Password).</summary>
    public const int MaximumLength = Validation.TextLimits.Password;

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
        var tooLong = password.Length > MaximumLength;
        return
        [
            // The length line names the bound that is broken: too short as it is typed, or (pasted) too long.
            new("length", tooLong ? $"Paling banyak {MaximumLength} karakter" : $"Minimal {MinimumLength} karakter",
                password.Length >= MinimumLength && !tooLong),
            new("upper", "Memuat huruf besar (A–Z)", password.Any(char.IsAsciiLetterUpper)),
            new("lower", "Memuat huruf kecil (a–z)", password.Any(char.IsAsciiLetterLower)),
            new("digit", "Memuat angka (0–9)", password.Any(char.IsAsciiDigit)),
            new("symbol", "Memuat karakter simbol (mis. ! @ # $)", password.Any(c => !char.IsAsciiLetterOrDigit(c))),
        ];
    }

    public static bool IsStrong(string? password) => Evaluate(password).All(r => r.Met) && !IsCommon(password);

    /// <summary>The line under a live rule list: "Password Strong", or what is still wrong.</summary>
    public static string StrengthMessage(string? password) => StrengthMessage(Evaluate(password), IsCommon(password), CheckLength(password) is not null);

    public static string StrengthMessage(IReadOnlyList<Rule> rules, bool isCommon, bool tooLong = false) =>
        tooLong ? TooLongMessage("Password")
        : !rules.All(r => r.Met) ? "Password belum memenuhi ketentuan."
        : isCommon ? CommonPasswordMessage
        : "Password Strong";

    /// <summary>Null when <paramref name="password"/> is not longer than <see cref="MaximumLength"/>; otherwise the message naming <paramref name="field"/>.</summary>
    public static string? CheckLength(string? password, string field = "Password") =>
        Validation.TextRules.CheckLength(password, field, MaximumLength);

    public static string TooLongMessage(string field) => Validation.TextRules.TooLong(field, MaximumLength);

    public const string CommonPasswordMessage = "Password ini terlalu umum dan mudah ditebak. Pilih Password lain.";

    /// <summary>
    /// True for passwords on the common lists, also when dressed up with capitals, leading or trailing digits and
    /// symbols, or look-alike characters ("P@ssw0rd123!" is "password", "Merdeka45!" is "merdeka"), and for passwords
    /// that are little more than digits and symbols around one or two letters ("Aa123456!").
    /// </summary>
    public static bool IsCommon(string? password)
    {
        if (string.IsNullOrEmpty(password)) return false;
        var lower = password.ToLowerInvariant();
        return TrimNonLetters(lower).Length < 3 || Candidates(lower).Any(CommonPasswords.Contains);
    }

    /// <summary>
    /// What a common password may hide behind: the password; without leading, trailing or both digits and symbols
    /// (stripped from what was typed, so letters of the word itself stay); each of these with look-alikes read back;
    /// and the whole password with look-alikes read back.
    /// </summary>
    private static IEnumerable<string> Candidates(string lower)
    {
        string[] trimmed = [lower, lower.TrimEnd(Symbols), lower.TrimEnd(DigitsAndSymbols), lower.TrimStart(DigitsAndSymbols), TrimNonLetters(lower)];
        foreach (var candidate in trimmed.Distinct())
        {
            yield return candidate;
            yield return ReadLookAlikes(candidate, one: 'i');
            yield return ReadLookAlikes(candidate, one: 'l');
        }
    }

    /// <summary>The ASCII digits and symbols (and the space) passwords are padded with.</summary>
    private static readonly char[] DigitsAndSymbols =
        Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => !char.IsAsciiLetter(c)).ToArray();

    private static readonly char[] Symbols = DigitsAndSymbols.Where(c => !char.IsAsciiDigit(c)).ToArray();

    private static string TrimNonLetters(string s) => s.Trim(DigitsAndSymbols);

    /// <summary>"p@55w0rd" as "password"; '1' is read as <paramref name="one"/> ('i' or 'l').</summary>
    private static string ReadLookAlikes(string s, char one) => new(s.Select(c => c switch
    {
        '@' or '4' => 'a',
        '8' => 'b',
        '3' => 'e',
        '9' or '6' => 'g',
        '!' or '|' => 'i',
        '1' => one,
        '0' => 'o',
        '$' or '5' => 's',
        '7' or '+' => 't',
        '2' => 'z',
        _ => c,
    }).ToArray());
}
