using Madrasah.Blazor.Infrastructure.Pdf;
using PdfSharp.Drawing;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>
/// Receipts embed DejaVu reduced to Latin text when that is all they hold (for speed and size), and the full font
/// otherwise: either way every character reads back, and the reduced faces lay text out exactly as the full ones.
/// </summary>
public class ReducedFontTests
{
    private static readonly PdfReceiptWriter Writer = new(PdfTestKit.OsFonts());

    private static ReceiptDocument Receipt(string name, string reason) => new(
        "BPG-2026-000042", "Bukti Pengaduan", new DateTime(2026, 12, 1, 1, 15, 0, DateTimeKind.Utc), "Yuliana Sari", "MIN 1 Sleman",
        [new("Nama", name), new("NIP", "199003052015032001"), new("Alasan", reason)], [],
        "https://madrasah.example/verifikasi/BPG-2026-000042?kode=ABCD2345EFGH", "ABCD-2345-EFGH", "https://madrasah.example/verifikasi");

    /// <summary>The embedded fonts' names as poppler's pdffonts lists them.</summary>
    private static string Fonts(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"receipt-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try { return PdfTestKit.Run("pdffonts", path); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_Latin_receipt_embeds_the_reduced_font_and_all_its_text_reads_back()
    {
        const string name = "Muḥammad ʼAbdullāh Ṣāliḥ, S.Pd.I.";
        const string reason = "Rapat KKG — “Kurikulum Merdeka” di Kantor Kemenag Sleman (Rp 150.000, № 12).";

        var pdf = Writer.Write(Receipt(name, reason));

        Assert.Contains("DejaVu Sans Latin", Fonts(pdf));
        var text = PdfTestKit.PdfToFlatText(pdf);
        Assert.Contains(name, text);
        Assert.Contains(reason, text);
        Assert.Equal(new[] { "https://madrasah.example/verifikasi/BPG-2026-000042?kode=ABCD2345EFGH" }, PdfTestKit.QrCodes(pdf));
    }

    [Fact]
    public void A_receipt_with_a_character_beyond_Latin_embeds_the_full_font_and_keeps_that_character()
    {
        const string reason = "Перевод → Ωmega αβγ";

        var pdf = Writer.Write(Receipt("Nur Hidayah", reason));

        var fonts = Fonts(pdf);
        Assert.Contains("DejaVu Sans", fonts);
        Assert.DoesNotContain("Latin", fonts);
        Assert.Contains(reason, PdfTestKit.PdfToFlatText(pdf));
    }

    [Fact]
    public void The_reduced_faces_measure_every_kept_character_as_the_full_faces_do()
    {
        _ = Writer; // installs the font resolver
        var kept = Enumerable.Range(0x20, 0x2150 - 0x20).Select(c => ((char)c).ToString())
            .Where(MadrasahFontResolver.CoversWithCommonFaces).ToList();
        Assert.True(kept.Count > 900, $"Only {kept.Count} characters kept.");
        using var g = XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
        foreach (var style in new[] { XFontStyleEx.Regular, XFontStyleEx.Bold })
        {
            var full = new XFont(MadrasahFontResolver.FamilyName, 10, style);
            var reduced = new XFont(MadrasahFontResolver.CommonFamilyName, 10, style);
            Assert.Equal(full.GetHeight(), reduced.GetHeight());
            var different = kept.Where(c => g.MeasureString(c, full).Width != g.MeasureString(c, reduced).Width).ToList();
            Assert.True(different.Count == 0, $"{style}: widths differ for {string.Join(" ", different.Take(20).Select(c => $"U+{(int)c[0]:X4}"))}");
            Assert.Equal(g.MeasureString("Pondok Pesantren Al-Hikmah Sleman — 10.000 santri", full).Width,
                g.MeasureString("Pondok Pesantren Al-Hikmah Sleman — 10.000 santri", reduced).Width);
        }
    }
}
