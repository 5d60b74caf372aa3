using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Infrastructure.Pdf;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>
/// Drawing receipts whatever their values: one unbroken 10,000-character value (a name, an address pasted without
/// spaces) stays inside the page's margins and continues on further pages, every character of it.
/// </summary>
public sealed partial class ReceiptDrawingTests(ITestOutputHelper output)
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 7, 5, 0, TimeSpan.Zero));

    private const double PageWidth = 595, Margin = 42, FooterTop = 772;

    /// <summary>An unbroken "word" of <paramref name="length"/> characters drawn from <paramref name="alphabet"/> in a fixed pattern.</summary>
    private static string Unbroken(int length, string alphabet) =>
        string.Concat(Enumerable.Range(0, length).Select(i => alphabet[(i * 7 + i / alphabet.Length) % alphabet.Length]));

    // Alphabets no other word of the receipt is made of alone (labels, footer, "WIB", "NSM", "MIN" all hold other letters).
    private const string NameAlphabet = "ACDEFGHJKLOPQRTUVXYZ";
    private const string ValueAlphabet = "qwxyz";

    private sealed record Word(int Page, double XMin, double YMin, double XMax, double YMax, string Text);

    /// <summary>Every word of the PDF with its box (points), as poppler's pdftotext -bbox reads it.</summary>
    private static List<Word> Words(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"receipt-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var html = PdfTestKit.Run("pdftotext", "-bbox", path, "-");
            var words = new List<Word>();
            var page = 0;
            foreach (Match m in BboxItem().Matches(html))
            {
                if (m.Groups["page"].Success) { page++; continue; }
                double D(string name) => double.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
                words.Add(new Word(page, D("x0"), D("y0"), D("x1"), D("y1"), WebUtility.HtmlDecode(m.Groups["text"].Value)));
            }
            return words;
        }
        finally { File.Delete(path); }
    }

    [GeneratedRegex("""(?<page><page )|<word xMin="(?<x0>[\d.]+)" yMin="(?<y0>[\d.]+)" xMax="(?<x1>[\d.]+)" yMax="(?<y1>[\d.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex BboxItem();

    /// <summary>The body's words (above the footers) made only of <paramref name="alphabet"/>, joined in reading order.</summary>
    private static string Run(IEnumerable<Word> words, string alphabet) =>
        string.Concat(words.Where(w => w.YMax < FooterTop && w.Text.Length > 0 && w.Text.All(alphabet.Contains)).Select(w => w.Text));

    [Fact]
    public async Task A_10000_character_unbroken_value_draws_inside_the_margins_on_numbered_pages_and_all_of_it_is_in_the_PDF()
    {
        await using var app = PdfTestKit.App(Clock);
        var institution = await app.Database.AddInstitutionAsync();
        var name = Unbroken(200, NameAlphabet); // the longest institution name the model stores (PostgreSQL enforces it)
        var address = Unbroken(10_000, ValueAlphabet);
        var request = new ReceiptRequest(PdfTestKit.ProfileKind, institution.Id, institution.DistrictId, name,
            [new("NSM", "111134040001"), new("Alamat", address), new("Kepala Lembaga", "Drs. H. Ahmad Fauzi, M.Pd.I.")]);

        var watch = Stopwatch.StartNew();
        var receipt = await app.Receipts().IssueAsync(request, "Siti Aminah");
        watch.Stop();
        output.WriteLine($"Issued with a 10,000-character and a 200-character unbroken value in {watch.Elapsed.TotalMilliseconds:0} ms.");

        // The time is printed, never asserted (a timed assertion fails on a busy machine); the user sees numbered pages.
        var words = Words(receipt.PdfBytes);
        Assert.Contains(name, Run(words, NameAlphabet));
        Assert.Contains(address, Run(words, ValueAlphabet));
        Assert.Contains(words, w => w.Text == "Drs." && w.YMax < FooterTop); // the rows after it are drawn too
        var outside = words.Where(w => w.XMin < Margin - 0.5 || w.XMax > PageWidth - Margin + 0.5 || w.YMax > 842 - 20).ToList();
        Assert.True(outside.Count == 0, "Outside the margins: " + string.Join("; ", outside.Take(5).Select(w => $"p{w.Page} x {w.XMin:0}–{w.XMax:0} y {w.YMax:0}: {w.Text[..Math.Min(20, w.Text.Length)]}")));
        var pages = words.Max(w => w.Page);
        Assert.True(pages > 2, "The values should continue on further pages.");
        for (var page = 1; page <= pages; page++)
        {
            var footer = string.Join(' ', words.Where(w => w.Page == page && w.YMin > FooterTop).Select(w => w.Text));
            Assert.Contains($"Halaman {page} dari {pages}", footer);
        }
        if (Environment.GetEnvironmentVariable("MADRASAH_KEEP_LONG_RECEIPT") is { Length: > 0 } keep)
            await File.WriteAllBytesAsync(keep, receipt.PdfBytes);
    }
}
