namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// Very common passwords, international and Indonesian: the embedded lists of CommonPasswords/ (sources and licence in
/// its NOTICE.md), read once on first use.
/// </summary>
internal static class CommonPasswords
{
    private static readonly string[] Files = ["international.txt", "indonesian.txt"];

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    /// <summary>True when <paramref name="lowerCase"/> (already lower case) is on a list.</summary>
    public static bool Contains(string lowerCase) => List.Value.Contains(lowerCase);

    private static HashSet<string> Load()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var name = $"Madrasah.Blazor.Infrastructure.Identity.CommonPasswords.{file}";
            using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var word = line.Trim();
                if (word.Length > 0 && !word.StartsWith('#')) words.Add(word.ToLowerInvariant());
            }
        }
        return words;
    }
}
