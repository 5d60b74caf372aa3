using System.Globalization;
using System.Text;
using Madrasah.Blazor.Data;

namespace Madrasah.Blazor.Features.PontrenRegistration;

/// <summary>
/// The duplicate check's notion of "the same pesantren": names and addresses reduced to lower-case letters and digits
/// (the category words and common abbreviations dropped), compared by edit distance. Two names are "very similar" at
/// <see cref="NameThreshold"/> and above; two addresses are "the same" at <see cref="AddressThreshold"/> and above.
/// </summary>
public static class RegistrationRules
{
    public const double NameThreshold = 0.85;
    public const double AddressThreshold = 0.9;

    public static readonly InstitutionType[] Categories = [InstitutionType.PondokPesantren, InstitutionType.MDT, InstitutionType.LPQ];

    /// <summary>"NSPP" for a Pondok Pesantren, "NPSMDT" for an MDT or LPQ, both while no category is chosen.</summary>
    public static string StatisticLabel(InstitutionType? category) => category switch
    {
        InstitutionType.PondokPesantren => "NSPP",
        InstitutionType.MDT or InstitutionType.LPQ => "NPSMDT",
        _ => "NSPP/NPSMDT",
    };

    private static readonly string[] NameNoise =
    [
        "pondok pesantren", "ponpes", "pon pes", "pesantren", "pp", "madrasah diniyah takmiliyah", "madrasah diniyah", "mdt", "md",
        "lembaga pendidikan al quran", "lembaga pendidikan alquran", "lpq", "tpq", "tpa", "taman pendidikan al quran", "yayasan",
    ];

    private static readonly (string From, string To)[] AddressWords =
    [
        ("jalan", "jl"), ("jln", "jl"), ("dusun", "dsn"), ("nomor", "no"), ("rukun tetangga", "rt"), ("rukun warga", "rw"), ("gang", "gg"),
    ];

    public static string NormalizeName(string? name)
    {
        var words = " " + Simplify(name) + " ";
        foreach (var noise in NameNoise) words = words.Replace(" " + noise + " ", " ");
        return string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string NormalizeAddress(string? address)
    {
        var words = " " + Simplify(address) + " ";
        foreach (var (from, to) in AddressWords) words = words.Replace(" " + from + " ", " " + to + " ");
        return string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>1 for equal texts, 0 for nothing in common (1 − edit distance / longer length).</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        if (a == b) return 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }

    public static bool SameAddress(string addressKeyA, string villageA, string addressKeyB, string? villageB) =>
        Similarity(addressKeyA, addressKeyB) >= AddressThreshold
        && (villageB is null || Simplify(villageA) == Simplify(villageB));

    public static bool SimilarName(string nameKeyA, string nameKeyB) =>
        nameKeyA.Length > 0 && nameKeyB.Length > 0 && Similarity(nameKeyA, nameKeyB) >= NameThreshold;

    /// <summary>Lower case, accents dropped, every run of non-letters/digits one space.</summary>
    private static string Simplify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '`') continue;
            if (char.IsLetterOrDigit(c)) { builder.Append(char.ToLowerInvariant(c)); space = false; }
            else if (!space && builder.Length > 0) { builder.Append(' '); space = true; }
        }
        return builder.ToString().Trim();
    }
}
