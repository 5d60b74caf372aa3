using System.Globalization;
using System.Text;
using Madrasah.Blazor.Infrastructure.Time;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// What a receipt PDF shows. <see cref="Sections"/> are extra tables under their own headings. The QR code carries
/// <see cref="VerificationUrl"/> (with the code); <see cref="VerificationCode"/> is printed beside it for typing at
/// <see cref="VerificationPageUrl"/>.
/// </summary>
public sealed record ReceiptDocument(
    string Number, string Title, DateTime IssuedUtc, string IssuedByName, string? InstitutionName,
    IReadOnlyList<ReceiptFact> Facts, IReadOnlyList<ReceiptSection> Sections,
    string VerificationUrl, string VerificationCode, string VerificationPageUrl);

/// <summary>
/// Draws a receipt on A4 with PDFsharp: green header band, title, number, verification code and issue time (WIB), the
/// facts as a two-column table (long values wrap, words too long for a line are broken), extra sections, a QR code to
/// the verification page, and a footer. One page for the usual receipt; a long one (or one very long value) continues
/// on further pages. Drawing takes time linear in the length of the text.
/// Cost per receipt (measured, see README "Performance"): the QR code is a vector path of merged module runs in a
/// content stream of its own (no PNG encoded, decoded and recompressed per document); the text uses DejaVu reduced to
/// Latin (<see cref="MadrasahFontResolver.CommonFamilyName"/>) when the receipt holds no other character, so PDFsharp's
/// per-document font subset is built from about 1,200 glyphs instead of 6,000; streams are compressed at flate's
/// fastest level.
/// </summary>
public class PdfReceiptWriter
{
    public const string QrCaption = "Pindai untuk memeriksa keaslian bukti ini";
    public const string VerificationCodeLabel = "Kode verifikasi";

    private const double Margin = 42;
    private const double BandHeight = 74;
    private const double QrSize = 112;
    private const double LabelColumn = 170;
    private const double CellPadding = 5;
    private const double FooterTop = 772;

    private static readonly XColor Green = XColor.FromArgb(0x0f, 0x6b, 0x46);
    private static readonly XColor GreenDark = XColor.FromArgb(0x0a, 0x50, 0x34);
    private static readonly XColor Gold = XColor.FromArgb(0xf2, 0xc9, 0x4c);
    private static readonly XColor LabelFill = XColor.FromArgb(0xe9, 0xf3, 0xee);
    private static readonly XColor Grid = XColor.FromArgb(0xc9, 0xd3, 0xce);
    private static readonly XColor Muted = XColor.FromArgb(0x5b, 0x6b, 0x63);

    private readonly Fonts _full;
    private readonly Fonts? _common;

    public PdfReceiptWriter(IFontResolver fontResolver)
    {
        var installed = PdfSharpSetup.Install(fontResolver);
        _full = new Fonts(MadrasahFontResolver.FamilyName);
        _common = installed is MadrasahFontResolver ? new Fonts(MadrasahFontResolver.CommonFamilyName) : null;
    }

    /// <summary>The faces of one family in the sizes a receipt uses.</summary>
    private sealed class Fonts(string family)
    {
        public readonly XFont Brand = new(family, 22, XFontStyleEx.Bold);
        public readonly XFont Title = new(family, 17, XFontStyleEx.Bold);
        public readonly XFont Heading = new(family, 11, XFontStyleEx.Bold);
        public readonly XFont Bold = new(family, 11, XFontStyleEx.Bold);
        public readonly XFont BoldText = new(family, 10, XFontStyleEx.Bold);
        public readonly XFont Text = new(family, 10, XFontStyleEx.Regular);
        public readonly XFont Small = new(family, 7.5, XFontStyleEx.Regular);
        public readonly XFont Cell = new(family, 9.5, XFontStyleEx.Regular);
        public readonly XFont CellBold = new(family, 9.5, XFontStyleEx.Bold);
    }

    /// <summary>
    /// The reduced faces when they hold every character of the receipt (they draw it exactly as the full ones, in a
    /// fraction of the time and size), otherwise the full faces.
    /// </summary>
    private Fonts FontsFor(ReceiptDocument receipt)
    {
        if (_common is null) return _full;
        static bool Covered(string? text) => text is null || MadrasahFontResolver.CoversWithCommonFaces(text);
        var covered = Covered(receipt.Number) && Covered(receipt.Title) && Covered(receipt.IssuedByName) && Covered(receipt.InstitutionName)
            && Covered(receipt.VerificationCode) && Covered(receipt.VerificationPageUrl)
            && receipt.Facts.All(f => Covered(f.Label) && Covered(f.Value))
            && receipt.Sections.All(s => Covered(s.Heading) && s.Rows.All(f => Covered(f.Label) && Covered(f.Value)));
        return covered ? _common : _full;
    }

    /// <summary>The receipt as PDF bytes. Virtual for tests that watch when drawing happens.</summary>
    public virtual byte[] Write(ReceiptDocument receipt)
    {
        using var document = new PdfDocument();
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = $"{receipt.Title} {receipt.Number}";
        document.Info.Author = "Madrasah";
        document.Info.Creator = "Madrasah";
        document.Info.Subject = receipt.Title;

        var fonts = FontsFor(receipt);
        var page = new PageCursor(document);
        var qrBottom = DrawHeader(page.Graphics, fonts, document.Pages[0], receipt.VerificationUrl);
        DrawIdentity(page, fonts, receipt, qrBottom);

        DrawTable(page, fonts, "Rincian", receipt.Facts);
        foreach (var section in receipt.Sections)
            DrawTable(page, fonts, section.Heading, section.Rows);
        page.Dispose();

        for (var i = 0; i < document.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            DrawFooter(g, fonts, receipt, i + 1, document.PageCount);
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>
    /// The QR code (error correction M, with its quiet zone of four modules) of <paramref name="text"/> as rows of
    /// booleans, true for a dark module.
    /// </summary>
    public static bool[][] QrModules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row =>
        {
            var modules = new bool[row.Length];
            for (var i = 0; i < modules.Length; i++) modules[i] = row[i];
            return modules;
        }).ToArray();
    }

    /// <summary>
    /// Draws the QR code of <paramref name="text"/> on <paramref name="page"/> as a square of <paramref name="size"/>
    /// points whose top left corner is at (x, y) (XGraphics coordinates, from the top left of the page): a white square
    /// and the dark modules as one filled path, in a content stream of its own written in module units (integers, one
    /// <c>re</c> per rectangle). Horizontal runs of dark modules become one rectangle, and a run repeated in the rows
    /// below grows downwards, so the path holds a few hundred rectangles rather than one per module; one fill leaves no
    /// seams between them. Vector modules stay sharp at any zoom and cost no image encoding or decoding.
    /// </summary>
    private static void DrawQr(PdfPage page, string text, double x, double y, double size)
    {
        var rows = QrModules(text);
        var count = rows.Length;
        var module = size / count;
        var content = new StringBuilder(8 * 1024);
        // PDF user space has its origin at the bottom left with y upwards: map module (column, row) to the page.
        content.Append(CultureInfo.InvariantCulture,
            $"q\n{module:0.#####} 0 0 {-module:0.#####} {x:0.###} {page.Height.Point - y:0.###} cm\n1 g\n0 0 {count} {count} re\nf\n0 g\n");

        // Runs still open from the rows above: (first column, length) → first row.
        var open = new Dictionary<(int Start, int Length), int>();
        var current = new HashSet<(int Start, int Length)>();
        var closed = new List<(int Start, int Length)>();
        for (var r = 0; r <= count; r++)
        {
            current.Clear();
            if (r < count)
            {
                var row = rows[r];
                for (var c = 0; c < row.Length;)
                {
                    if (!row[c]) { c++; continue; }
                    var start = c;
                    while (c < row.Length && row[c]) c++;
                    current.Add((start, c - start));
                }
            }
            closed.Clear();
            foreach (var (run, firstRow) in open)
            {
                if (current.Contains(run)) continue;
                content.Append(run.Start).Append(' ').Append(firstRow).Append(' ').Append(run.Length).Append(' ').Append(r - firstRow).Append(" re\n");
                closed.Add(run);
            }
            foreach (var run in closed) open.Remove(run);
            foreach (var run in current) open.TryAdd(run, r);
        }
        content.Append("f\nQ\n");
        page.Contents.AppendContent().CreateStream(Encoding.ASCII.GetBytes(content.ToString()));
    }

    /// <summary>The green band and the QR code with its caption at the right; returns the y below the caption.</summary>
    private static double DrawHeader(XGraphics g, Fonts f, PdfPage firstPage, string verificationUrl)
    {
        var width = g.PageSize.Width;
        g.DrawRectangle(new XSolidBrush(Green), 0, 0, width, BandHeight);
        g.DrawRectangle(new XSolidBrush(Gold), 0, BandHeight, width, 3);
        g.DrawString("Madrasah", f.Brand, XBrushes.White, Margin, 20, XStringFormats.TopLeft);
        g.DrawString("Sistem Informasi Madrasah", f.Text, XBrushes.White, Margin, 48, XStringFormats.TopLeft);
        g.DrawString("Dokumen Elektronik", f.Text, XBrushes.White, new XRect(Margin, 30, width - 2 * Margin, 14), XStringFormats.TopRight);

        var qrX = width - Margin - QrSize;
        const double qrY = BandHeight + 22;
        DrawQr(firstPage, verificationUrl, qrX, qrY, QrSize);
        var captionY = qrY + QrSize + 2;
        foreach (var line in Wrap(g, QrCaption, f.Small, QrSize + 10))
        {
            g.DrawString(line, f.Small, new XSolidBrush(Muted), new XRect(qrX - 5, captionY, QrSize + 10, f.Small.GetHeight()), XStringFormats.TopCenter);
            captionY += f.Small.GetHeight();
        }
        return captionY;
    }

    /// <summary>
    /// Title, number, verification code, issue time and institution, left of the QR code (continuing on further pages
    /// when a value is very long); leaves the cursor where the body starts.
    /// </summary>
    private static void DrawIdentity(PageCursor page, Fonts f, ReceiptDocument receipt, double qrBottom)
    {
        var width = page.Graphics.PageSize.Width - 2 * Margin - QrSize - 24;
        page.Y = BandHeight + 22;
        DrawLines(page, receipt.Title, f.Title, new XSolidBrush(GreenDark), Margin, width, after: 6);
        DrawLines(page, $"Nomor: {receipt.Number}", f.Bold, XBrushes.Black, Margin, width, after: 4);
        DrawLines(page, $"{VerificationCodeLabel}: {receipt.VerificationCode}", f.BoldText, XBrushes.Black, Margin, width, after: 4);
        DrawLines(page, $"Dicetak: {Wib.Format(receipt.IssuedUtc)}", f.Text, XBrushes.Black, Margin, width, after: 2);
        DrawLines(page, $"Dicetak oleh: {receipt.IssuedByName}", f.Text, XBrushes.Black, Margin, width, after: 2);
        if (!string.IsNullOrWhiteSpace(receipt.InstitutionName))
            DrawLines(page, $"Lembaga: {receipt.InstitutionName}", f.Text, XBrushes.Black, Margin, width, after: 2);
        page.Y = (page.Index == 0 ? Math.Max(page.Y, qrBottom) : page.Y) + 18;
    }

    private static void DrawTable(PageCursor page, Fonts f, string heading, IReadOnlyList<ReceiptFact> rows)
    {
        if (rows.Count == 0) return;
        var g = page.Graphics;
        var tableWidth = g.PageSize.Width - 2 * Margin;
        var valueWidth = tableWidth - LabelColumn;
        var lineHeight = f.Cell.GetHeight();

        page.EnsureRoom(f.Heading.GetHeight() + 6 + lineHeight + 2 * CellPadding);
        g = page.Graphics;
        g.DrawString(heading, f.Heading, new XSolidBrush(GreenDark), Margin, page.Y, XStringFormats.TopLeft);
        page.Y += f.Heading.GetHeight() + 6;

        var pen = new XPen(Grid, 0.6);
        foreach (var row in rows)
        {
            var labelLines = Wrap(g, row.Label, f.CellBold, LabelColumn - 2 * CellPadding);
            var valueLines = Wrap(g, string.IsNullOrWhiteSpace(row.Value) ? "—" : row.Value, f.Cell, valueWidth - 2 * CellPadding);
            var lineCount = Math.Max(labelLines.Count, valueLines.Count);
            // A row that fits on a page is kept together; a taller one fills the page and continues on the next.
            if (lineCount * lineHeight + 2 * CellPadding <= PageCursor.Room) page.EnsureRoom(lineCount * lineHeight + 2 * CellPadding);
            for (var first = 0; first < lineCount;)
            {
                page.EnsureRoom(lineHeight + 2 * CellPadding);
                g = page.Graphics;
                var count = Math.Clamp((int)((page.Bottom - page.Y - 2 * CellPadding) / lineHeight), 1, lineCount - first);
                var height = count * lineHeight + 2 * CellPadding;
                var y = page.Y;
                g.DrawRectangle(pen, new XSolidBrush(LabelFill), Margin, y, LabelColumn, height);
                g.DrawRectangle(pen, XBrushes.White, Margin + LabelColumn, y, valueWidth, height);
                for (var i = first; i < first + count; i++)
                {
                    var lineY = y + CellPadding + (i - first) * lineHeight;
                    if (i < labelLines.Count)
                        g.DrawString(labelLines[i], f.CellBold, XBrushes.Black, Margin + CellPadding, lineY, XStringFormats.TopLeft);
                    if (i < valueLines.Count)
                        g.DrawString(valueLines[i], f.Cell, XBrushes.Black, Margin + LabelColumn + CellPadding, lineY, XStringFormats.TopLeft);
                }
                page.Y += height;
                first += count;
            }
        }
        page.Y += 16;
    }

    private static void DrawFooter(XGraphics g, Fonts f, ReceiptDocument receipt, int pageNumber, int pageCount)
    {
        var width = g.PageSize.Width - 2 * Margin;
        g.DrawLine(new XPen(Grid, 0.8), Margin, FooterTop, Margin + width, FooterTop);
        var text = "Dokumen ini diterbitkan secara elektronik oleh Madrasah dan sah tanpa tanda tangan basah. "
            + $"Keaslian dan isinya dapat diperiksa dengan memindai kode QR, atau di {receipt.VerificationPageUrl} "
            + $"dengan nomor dan {VerificationCodeLabel.ToLowerInvariant()} bukti ini.";
        var y = DrawLines(g, text, f.Small, new XSolidBrush(Muted), Margin, FooterTop + 6, width - 90);
        g.DrawString($"Halaman {pageNumber} dari {pageCount}", f.Small, new XSolidBrush(Muted),
            new XRect(Margin, FooterTop + 6, width, f.Small.GetHeight()), XStringFormats.TopRight);
        g.DrawString($"{receipt.Number} · {Wib.Format(receipt.IssuedUtc)}", f.Small, new XSolidBrush(Muted), Margin, y + 2, XStringFormats.TopLeft);
    }

    /// <summary>Draws wrapped text from (x, y) within <paramref name="width"/>; returns the y below it.</summary>
    private static double DrawLines(XGraphics g, string text, XFont font, XBrush brush, double x, double y, double width)
    {
        foreach (var line in Wrap(g, text, font, width))
        {
            g.DrawString(line, font, brush, x, y, XStringFormats.TopLeft);
            y += font.GetHeight();
        }
        return y;
    }

    /// <summary>Draws wrapped text at the cursor within <paramref name="width"/>, continuing on a new page when the page is full.</summary>
    private static void DrawLines(PageCursor page, string text, XFont font, XBrush brush, double x, double width, double after)
    {
        foreach (var line in Wrap(page.Graphics, text, font, width))
        {
            page.EnsureRoom(font.GetHeight());
            page.Graphics.DrawString(line, font, brush, x, page.Y, XStringFormats.TopLeft);
            page.Y += font.GetHeight();
        }
        page.Y += after;
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at spaces, and inside words too long for a line
    /// (between characters, never inside a surrogate pair). Linear in the text's length: each word is measured once,
    /// and a word too long for a line is cut by adding up the widths of its characters (each distinct one measured once).
    /// </summary>
    internal static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var characterWidths = new Dictionary<string, double>(StringComparer.Ordinal);
        double Measure(string s) => g.MeasureString(s, font).Width;
        var spaceWidth = Measure(" ");
        var line = new StringBuilder();
        var lineWidth = 0.0;

        void Flush()
        {
            lines.Add(line.ToString());
            line.Clear();
            lineWidth = 0;
        }

        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = Measure(word);
                if (line.Length > 0 && lineWidth + spaceWidth + wordWidth <= width)
                {
                    line.Append(' ').Append(word);
                    lineWidth += spaceWidth + wordWidth;
                    continue;
                }
                if (line.Length > 0) Flush();
                if (wordWidth <= width)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                    continue;
                }
                // Too long for any line: cut it where the next character would cross the edge.
                var elements = StringInfo.GetTextElementEnumerator(word);
                while (elements.MoveNext())
                {
                    var element = elements.GetTextElement();
                    if (!characterWidths.TryGetValue(element, out var elementWidth))
                        characterWidths[element] = elementWidth = Measure(element);
                    if (line.Length > 0 && lineWidth + elementWidth > width) Flush();
                    line.Append(element);
                    lineWidth += elementWidth;
                }
            }
            Flush();
        }
        return lines;
    }

    /// <summary>The page being drawn and the y where the next block goes; starts a new page when a block does not fit.</summary>
    private sealed class PageCursor(PdfDocument document) : IDisposable
    {
        /// <summary>The height a block may have on a page of its own.</summary>
        public const double Room = FooterTop - 10 - Margin;

        public XGraphics Graphics { get; private set; } = XGraphics.FromPdfPage(AddA4(document));
        public double Y { get; set; } = Margin;
        /// <summary>The lowest y a block may reach (above the footer).</summary>
        public double Bottom => FooterTop - 10;
        /// <summary>The page's index in the document (0: the first).</summary>
        public int Index { get; private set; }

        public void EnsureRoom(double height)
        {
            if (Y + height <= Bottom) return;
            Graphics.Dispose();
            Graphics = XGraphics.FromPdfPage(AddA4(document));
            Y = Margin;
            Index++;
        }

        public void Dispose() => Graphics.Dispose();

        private static PdfPage AddA4(PdfDocument document)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            return page;
        }
    }
}
