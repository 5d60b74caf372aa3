using System.Security.Cryptography;
using System.Text;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

public class ReceiptServiceTests
{
    // 22 Nov 2026 07:05 UTC = 14.05 WIB.
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 7, 5, 0, TimeSpan.Zero));

    private static readonly string LongValue =
        string.Join(" ", Enumerable.Repeat("ruang kelas, perpustakaan, laboratorium", 8)) + " Supercalifragilistik-tanpa-spasi-sama-sekali-panjang-sekali-hingga-melewati-lebar-kolom";

    private static readonly ReceiptSection[] ChangeSections =
    [
        new("Perubahan Data", [new("Telepon", "0274 123456 → 0274 654321"), new("Sarana Prasarana (lama → baru)", LongValue)]),
    ];

    private static ReceiptRequest ProfileRequest(Institution institution, IReadOnlyList<ReceiptSection>? sections = null) =>
        new(PdfTestKit.ProfileKind, institution.Id, institution.DistrictId, institution.Name,
            [new("Nama Lembaga", institution.Name), new("NSM", institution.StatisticNumber), new("Alamat", institution.Address)],
            sections);

    /// <summary>Adds an institution and issues one profile receipt for it at <see cref="Clock"/>.</summary>
    private static async Task<(Institution Institution, Receipt Receipt)> IssueOneAsync(
        AppServices app, string institutionName = "MIN Uji", IReadOnlyList<ReceiptSection>? sections = null, string issuedBy = "Operator")
    {
        var institution = await app.Database.AddInstitutionAsync(institutionName);
        var receipt = await app.Receipts().IssueAsync(ProfileRequest(institution, sections), issuedBy);
        return (institution, receipt);
    }

    [Fact]
    public async Task The_issued_PDF_reads_back_with_its_number_title_institution_and_time()
    {
        await using var app = PdfTestKit.App(Clock);
        var (_, receipt) = await IssueOneAsync(app, "MIN 1 Sleman", issuedBy: "Siti Aminah");

        Assert.Equal("BPL-2026-000001", receipt.Number);
        var text = PdfTestKit.PdfToFlatText(receipt.PdfBytes);
        Assert.Contains("BPL-2026-000001", text);
        Assert.Contains("Bukti Profil Lembaga", text);
        Assert.Contains("MIN 1 Sleman", text);
        Assert.Contains("Dicetak: 22 November 2026 14.05 WIB", text);
        Assert.Contains("Siti Aminah", text);
        Assert.Contains(PdfReceiptWriter.QrCaption, text);
    }

    [Fact]
    public async Task The_stored_PDF_is_a_PDF_and_its_fingerprint_matches()
    {
        await using var app = PdfTestKit.App(Clock);
        var (institution, issued) = await IssueOneAsync(app);

        await using var db = app.Database.CreateContext();
        var stored = await db.Set<Receipt>().SingleAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(stored.PdfBytes, 0, 5));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored.PdfBytes)), stored.Sha256);
        Assert.Equal(issued.Sha256, stored.Sha256);
        Assert.Equal(institution.Id, stored.InstitutionId);
        Assert.Equal(institution.DistrictId, stored.DistrictId);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, stored.IssuedUtc);
    }

    [Fact]
    public async Task The_QR_code_carries_the_verification_address_with_the_printed_code()
    {
        await using var app = PdfTestKit.App(Clock);
        var (_, receipt) = await IssueOneAsync(app);

        var printed = PdfTestKit.PrintedCode(receipt.PdfBytes);
        Assert.Matches(@"^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$", printed);
        var code = printed.Replace("-", "");
        var links = new ReceiptLinks(new Madrasah.Blazor.Infrastructure.PublicLinks(Madrasah.Blazor.Infrastructure.PublicLinks.DefaultBaseUrl));
        var url = links.VerificationUrl(receipt.Number, code);
        Assert.Equal($"http://localhost:5080/verifikasi/BPL-2026-000001?kode={code}", url);
        // What a phone's camera reads from the printed page: the QR code, decoded by zbar from the rendered PDF.
        Assert.Equal([url], PdfTestKit.QrCodes(receipt.PdfBytes));
        // The footer names the page where number and code can be typed.
        Assert.Contains("http://localhost:5080/verifikasi", PdfTestKit.PdfToFlatText(receipt.PdfBytes));
        Assert.Equal("http://madrasah.example.id/verifikasi/BPL-2026-000001?kode=X",
            new ReceiptLinks(new Madrasah.Blazor.Infrastructure.PublicLinks("http://madrasah.example.id/")).VerificationUrl(receipt.Number, "X"));
    }

    [Fact]
    public async Task Each_receipt_gets_its_own_random_code_and_only_its_hash_is_stored()
    {
        await using var app = PdfTestKit.App(Clock);
        var (_, first) = await IssueOneAsync(app);
        await using (var renumber = app.Database.CreateContext())
            await renumber.Institutions.ExecuteUpdateAsync(u => u.SetProperty(i => i.StatisticNumber, "111134040009"));
        var (_, second) = await IssueOneAsync(app, "MIN Uji 2");

        var code = PdfTestKit.PrintedCode(first.PdfBytes).Replace("-", "");
        Assert.NotEqual(code, PdfTestKit.PrintedCode(second.PdfBytes).Replace("-", ""));
        await using var db = app.Database.CreateContext();
        var stored = await db.Set<Receipt>().SingleAsync(r => r.Number == first.Number);
        Assert.Equal(VerificationCode.Hash(code), stored.VerificationCodeHash);
        Assert.DoesNotContain(code, stored.FactsJson + stored.SectionsJson + stored.VerificationCodeHash + stored.Sha256);
    }

    [Fact]
    public async Task Long_values_wrap_and_extra_sections_are_printed_on_one_page()
    {
        await using var app = PdfTestKit.App(Clock);
        var (_, receipt) = await IssueOneAsync(app, sections: ChangeSections);

        var text = PdfTestKit.PdfToText(receipt.PdfBytes);
        Assert.Contains("Perubahan Data", text);
        Assert.Contains("0274 123456 → 0274 654321", text);
        Assert.Equal(1, text.Count(c => c == '\f'));
        Assert.Contains("Halaman 1 dari 1", text);
    }

    [Fact]
    public async Task A_receipt_too_long_for_one_page_continues_on_the_next()
    {
        await using var app = PdfTestKit.App(Clock);
        var rows = Enumerable.Range(1, 40).Select(n => new ReceiptFact($"Baris {n}", $"Nilai {n}")).ToList();
        var (_, receipt) = await IssueOneAsync(app, sections: [new ReceiptSection("Daftar Panjang", rows)]);

        var text = PdfTestKit.PdfToText(receipt.PdfBytes);
        Assert.Equal(2, text.Count(c => c == '\f'));
        Assert.Contains("Halaman 2 dari 2", text);
        Assert.Contains("Nilai 40", text);
    }

    [Fact]
    public async Task Parallel_issues_get_distinct_gap_free_numbers()
    {
        await using var app = PdfTestKit.App(Clock);
        var institution = await app.Database.AddInstitutionAsync();
        var receipts = app.Receipts();

        var issued = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => receipts.IssueAsync(ProfileRequest(institution), "Operator"))));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"BPL-2026-{n:000000}"), issued.Select(r => r.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Verification_needs_the_number_and_its_code_and_answers_nothing_else()
    {
        await using var app = PdfTestKit.App(Clock);
        var institution = await app.Database.AddInstitutionAsync("MTsN 2 Sleman", "121134040002", InstitutionType.MTs);
        var receipts = app.Receipts();
        var issued = await receipts.IssueAsync(ProfileRequest(institution), "Operator");
        var other = await receipts.IssueAsync(ProfileRequest(institution), "Operator");
        var printed = PdfTestKit.PrintedCode(issued.PdfBytes);

        // Typed from paper: lower case, spaces, O for 0 and I or L for 1 all read as the code.
        var typed = printed.ToLowerInvariant().Replace("-", " - ").Replace('0', 'o').Replace('1', 'l');
        var found = await receipts.VerifyAsync(" bpl-2026-000001 ", typed);

        Assert.NotNull(found);
        Assert.Equal(issued.Number, found.Number);
        Assert.Equal("MTsN 2 Sleman", found.InstitutionName);
        Assert.Equal(issued.Sha256, found.Sha256);
        Assert.Equal(["Nama Lembaga", "NSM", "Alamat"], found.Facts.Select(f => f.Label));
        Assert.Null(await receipts.VerifyAsync(issued.Number, null));
        Assert.Null(await receipts.VerifyAsync(issued.Number, ""));
        Assert.Null(await receipts.VerifyAsync(issued.Number, PdfTestKit.PrintedCode(other.PdfBytes)));
        Assert.Null(await receipts.VerifyAsync(issued.Number, printed[..^1] + (printed[^1] == 'Z' ? 'Y' : 'Z')));
        Assert.Null(await receipts.VerifyAsync("BPL-2026-000003", printed));
        Assert.Null(await receipts.VerifyAsync(new string('9', 5000), printed));
    }

    [Fact]
    public async Task The_PDF_is_handed_out_only_when_the_rule_allows_its_owner()
    {
        await using var app = PdfTestKit.App(Clock);
        var own = await app.Database.AddInstitutionAsync("MIN 1 Sleman", "111134040001");
        var receipts = app.Receipts();
        var receipt = await receipts.IssueAsync(ProfileRequest(own), "Operator");
        var asked = new List<ReceiptOwner>();

        var file = await receipts.GetPdfAsync(receipt.Number.ToLowerInvariant(), owner => { asked.Add(owner); return Task.FromResult(true); });
        var refused = await receipts.GetPdfAsync(receipt.Number, _ => Task.FromResult(false));

        Assert.NotNull(file);
        Assert.Equal("BPL-2026-000001.pdf", file.FileName);
        Assert.Equal(receipt.PdfBytes, file.Content);
        Assert.Equal(new ReceiptOwner(receipt.Number, PdfTestKit.ProfileKind.Code, own.Id, own.DistrictId), Assert.Single(asked));
        Assert.Null(refused);
        Assert.Null(await receipts.GetPdfAsync("BPL-2026-000099", _ => Task.FromResult(true)));
    }

    [Fact]
    public async Task The_PDF_is_drawn_after_the_number_is_committed_while_others_write_to_the_database()
    {
        var writer = new GatedReceiptWriter();
        await using var app = PdfTestKit.App(Clock, (services, _) => services.AddSingleton<PdfReceiptWriter>(writer));
        var institution = await app.Database.AddInstitutionAsync();

        var issuing = Task.Run(() => app.Receipts().IssueAsync(ProfileRequest(institution), "Operator"));
        await writer.Drawing.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // While the PDF is drawn: its number and row are committed already, and the database is free for others.
        await using (var db = app.Database.CreateContext())
            Assert.False((await db.Set<Receipt>().SingleAsync()).IsDrawn);
        await PdfTestKit.WriteMeanwhileAsync(app.Database);

        writer.Release.SetResult();
        var receipt = await issuing;
        Assert.True(receipt.IsDrawn);
        Assert.Equal("BPL-2026-000001", receipt.Number);
    }

    [Fact]
    public async Task A_receipt_whose_drawing_never_happened_is_drawn_once_by_its_first_downloads()
    {
        await using var app = PdfTestKit.App(Clock);
        var institution = await app.Database.AddInstitutionAsync();
        var receipts = app.Receipts();
        Receipt added;
        await using (var db = app.Database.CreateContext())
            added = await receipts.AddAsync(db, ProfileRequest(institution, ChangeSections), "Operator"); // and then the process stopped

        Assert.Null(await receipts.VerifyAsync(added.Number, "0000-0000-0000-0000-0000-0000-0000"));
        var downloads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => receipts.GetPdfAsync(added.Number, _ => Task.FromResult(true)))));

        var pdf = Assert.Single(downloads.Select(d => Convert.ToHexString(d!.Content)).Distinct());
        await using var check = app.Database.CreateContext();
        var stored = await check.Set<Receipt>().SingleAsync();
        Assert.Equal(pdf, Convert.ToHexString(stored.PdfBytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored.PdfBytes)), stored.Sha256);
        var text = PdfTestKit.PdfToFlatText(stored.PdfBytes);
        Assert.Contains("Perubahan Data", text); // the sections kept with the row are drawn
        Assert.NotNull(await receipts.VerifyAsync(added.Number, PdfTestKit.PrintedCode(stored.PdfBytes)));
    }

    [Fact]
    public async Task The_PDF_renders_to_an_image()
    {
        await using var app = PdfTestKit.App(Clock);
        var (_, receipt) = await IssueOneAsync(app, "Madrasah Ibtidaiyah Negeri 1 Kabupaten Sleman Daerah Istimewa Yogyakarta Kampus Utara", ChangeSections);

        var pdf = Path.Combine(app.Database.Folder, "receipt.pdf");
        await File.WriteAllBytesAsync(pdf, receipt.PdfBytes);
        PdfTestKit.Run("pdftoppm", "-png", "-r", "60", pdf, Path.Combine(app.Database.Folder, "receipt"));

        var png = Assert.Single(Directory.GetFiles(app.Database.Folder, "receipt*.png"));
        Assert.True(new FileInfo(png).Length > 5_000);
        if (Environment.GetEnvironmentVariable("MADRASAH_KEEP_RECEIPT") is { Length: > 0 } keep)
            File.Copy(pdf, keep, overwrite: true);
    }
}
