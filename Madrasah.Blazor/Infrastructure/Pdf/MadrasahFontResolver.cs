using PdfSharp.Fonts;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// Gives PDFsharp its TrueType files: "DejaVu Sans" (regular, bold, italic) from the configured folder
/// ("Pdf:FontFolder") or the OS font folders, with Arial as the Windows fallback. Every family a document asks
/// for is drawn with the one family found, so a missing face never breaks a receipt.
/// The constructor fails with <see cref="PdfFontsNotFoundException"/> when no usable font exists.
/// The family <see cref="CommonFamilyName"/> gives the same faces reduced to the characters of Latin text (see
/// <see cref="TrueTypeReduction"/>), for documents that use no other character: PDFsharp's subset of a 6,000-glyph
/// font costs most of a receipt's drawing time. Each face's bytes are read (and reduced) once.
/// </summary>
public sealed class MadrasahFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    /// <summary>The family of the reduced faces: same outlines and metrics, only the characters <see cref="CoversWithCommonFaces"/> accepts.</summary>
    public const string CommonFamilyName = "Madrasah Common";

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
    private readonly Lazy<byte[]>?[] _bytes = new Lazy<byte[]>?[4];
    private readonly Lazy<byte[]?>?[] _reduced = new Lazy<byte[]?>?[4];

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
            for (var i = 0; i < _faces.Length; i++)
            {
                if (_faces[i] is not { } path) continue;
                var bytes = _bytes[i] = new Lazy<byte[]>(() => File.ReadAllBytes(path));
                _reduced[i] = new Lazy<byte[]?>(() => TrueTypeReduction.Reduce(bytes.Value));
            }
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
        var common = familyName == CommonFamilyName;
        var wanted = (bold ? 1 : 0) + (italic ? 2 : 0);
        if (_faces[wanted] is not null) return new FontResolverInfo(FaceName(wanted, common));
        // Fall back to the nearest face present and let PDFsharp simulate the missing style.
        var fallback = italic && _faces[2] is not null ? 2 : bold && _faces[1] is not null ? 1 : 0;
        return new FontResolverInfo(FaceName(fallback, common),
            mustSimulateBold: bold && fallback is 0 or 2,
            mustSimulateItalic: italic && fallback is 0 or 1);
    }

    public byte[]? GetFont(string faceName)
    {
        var common = faceName.StartsWith(CommonFacePrefix, StringComparison.Ordinal);
        var prefix = common ? CommonFacePrefix : FacePrefix;
        if (!faceName.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(faceName.AsSpan(prefix.Length), out var index) || index is < 0 or >= 4 || _bytes[index] is not { } bytes)
            return null;
        return common ? _reduced[index]!.Value ?? bytes.Value : bytes.Value;
    }

    /// <summary>
    /// True when the faces of <see cref="CommonFamilyName"/> draw <paramref name="text"/> exactly as the full faces
    /// would: every character is one the reduced faces keep.
    /// </summary>
    public static bool CoversWithCommonFaces(string text) => TrueTypeReduction.Covers(text);

    private const string FacePrefix = "madrasah-face-";
    private const string CommonFacePrefix = "madrasah-common-";

    private static string FaceName(int index, bool common) => (common ? CommonFacePrefix : FacePrefix) + index;

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
