using PdfSharp.Fonts;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// Gives PDFsharp its TrueType files: "DejaVu Sans" (regular, bold, italic) from the configured folder
/// ("Pdf:FontFolder") or the OS font folders, with Arial as the Windows fallback. Every family a document asks
/// for is drawn with the one family found, so a missing face never breaks a receipt.
/// The constructor fails with <see cref="PdfFontsNotFoundException"/> when no usable font exists.
/// </summary>
public sealed class MadrasahFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    /// <summary>The OS folders searched after the configured one, in order.</summary>
    public static readonly IReadOnlyList<string> OsFolders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/truetype",
        "/usr/share/fonts",
        @"C:\Windows\Fonts",
    ];

    // File names per family: regular, bold, italic, bold italic. DejaVu first everywhere, Arial only as fallback.
    private static readonly (string Family, string[] Files)[] Candidates =
    [
        ("DejaVu Sans", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"]),
        ("Arial", ["arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"]),
    ];

    private readonly string?[] _faces = new string?[4];

    public MadrasahFontResolver(IEnumerable<string?> folders)
    {
        Folders = folders.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!).ToList();
        foreach (var (family, files) in Candidates)
        {
            var regular = Find(files[0]);
            if (regular is null) continue;
            ResolvedFamily = family;
            _faces[0] = regular;
            for (var i = 1; i < files.Length; i++) _faces[i] = Find(files[i]);
            return;
        }
        throw new PdfFontsNotFoundException(Folders);
    }

    /// <summary>The configured folder first, then <see cref="OsFolders"/>.</summary>
    public static MadrasahFontResolver FromConfiguration(IConfiguration configuration) =>
        new([configuration["Pdf:FontFolder"], .. OsFolders]);

    public IReadOnlyList<string> Folders { get; }

    /// <summary>"DejaVu Sans", or "Arial" when only the Windows fallback was found.</summary>
    public string ResolvedFamily { get; } = "";

    public string RegularFontPath => _faces[0]!;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var wanted = (bold ? 1 : 0) + (italic ? 2 : 0);
        if (_faces[wanted] is not null) return new FontResolverInfo(FaceName(wanted));
        // Fall back to the nearest face present and let PDFsharp simulate the missing style.
        var fallback = italic && _faces[2] is not null ? 2 : bold && _faces[1] is not null ? 1 : 0;
        return new FontResolverInfo(FaceName(fallback),
            mustSimulateBold: bold && fallback is 0 or 2,
            mustSimulateItalic: italic && fallback is 0 or 1);
    }

    public byte[]? GetFont(string faceName) =>
        faceName.StartsWith(FacePrefix, StringComparison.Ordinal)
        && int.TryParse(faceName.AsSpan(FacePrefix.Length), out var index) && index is >= 0 and < 4
        && _faces[index] is { } path
            ? File.ReadAllBytes(path)
            : null;

    private const string FacePrefix = "madrasah-face-";

    private static string FaceName(int index) => FacePrefix + index;

    private string? Find(string fileName)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = true };
        foreach (var folder in Folders.Where(Directory.Exists))
        {
            var match = Directory.EnumerateFiles(folder, fileName, options).FirstOrDefault();
            if (match is not null) return match;
        }
        return null;
    }
}

/// <summary>No TrueType font for PDFs: raised at start-up, with the folders searched and the fix.</summary>
public sealed class PdfFontsNotFoundException(IReadOnlyList<string> folders) : InvalidOperationException(
    "No usable font for PDF documents: DejaVuSans.ttf (or arial.ttf on Windows) was not found in any of these folders: "
    + (folders.Count == 0 ? "(none)" : string.Join(", ", folders))
    + ". Install the fonts (Debian/Ubuntu: `apt-get install -y fonts-dejavu-core`) or set \"Pdf:FontFolder\" in appsettings.json "
    + "(or the environment variable Pdf__FontFolder) to a folder containing DejaVuSans.ttf and DejaVuSans-Bold.ttf.");
