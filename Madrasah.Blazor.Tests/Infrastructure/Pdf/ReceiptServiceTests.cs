using System.Security.Cryptography;
using System.Text;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
    public async Task The_QR_code_and_footer_point_to_the_verification_page()
    {
        await using var app = PdfTestKit.App(Clock);
        var (_, receipt) = await IssueOneAsync(app);

        var url = new ReceiptLinks(new Madrasah.Blazor.Infrastructure.PublicLinks(Madrasah.Blazor.Infrastructure.PublicLinks.DefaultBaseUrl)).VerificationUrl(receipt.Number);
        Assert.Equal("http://localhost:5080/verifikasi/BPL-2026-000001", url);
        Assert.Contains(url, PdfTestKit.PdfToText(receipt.PdfBytes));
        Assert.Equal("http://madrasah.example.id/verifikasi/BPL-2026-000001",
            new ReceiptLinks(new Madrasah.Blazor.Infrastructure.PublicLinks("http://madrasah.example.id/")).VerificationUrl(receipt.Number));
        // What a phone's camera reads from the printed page: the QR code, decoded by zbar from the rendered PDF.
        Assert.Equal([url], PdfTestKit.QrCodes(receipt.PdfBytes));
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
    public async Task Verification_finds_an_issued_number_and_nothing_else()
    {
        await using var app = PdfTestKit.App(Clock);
        var institution = await app.Database.AddInstitutionAsync("MTsN 2 Sleman", "121134040002", InstitutionType.MTs);
        var receipts = app.Receipts();
        var issued = await receipts.IssueAsync(ProfileRequest(institution), "Operator");

        var found = await receipts.VerifyAsync(" bpl-2026-000001 ");

        Assert.NotNull(found);
        Assert.Equal(issued.Number, found.Number);
        Assert.Equal("MTsN 2 Sleman", found.InstitutionName);
        Assert.Equal(issued.Sha256, found.Sha256);
        Assert.Equal(["Nama Lembaga", "NSM", "Alamat"], found.Facts.Select(f => f.Label));
        Assert.Null(await receipts.VerifyAsync("BPL-2026-000002"));
    }

    [Fact]
    public async Task The_PDF_downloads_only_within_the_users_scope()
    {
        await using var app = PdfTestKit.App(Clock);
        var own = await app.Database.AddInstitutionAsync("MIN 1 Sleman", "111134040001");
        var other = await app.Database.AddInstitutionAsync("MIN 2 Sleman", "111134040002");
        var receipts = app.Receipts();
        var receipt = await receipts.IssueAsync(ProfileRequest(own), "Operator");

        UserScope Operator(Institution i) => new("u-" + i.Id, "op" + i.Id, "Operator", Roles.Operator, i.Id, i.DistrictId);
        var districtAdmin = new UserScope("d", "kab", "Admin Kab", Roles.AdminKabKota, null, own.DistrictId);
        var otherDistrictAdmin = new UserScope("d2", "kab2", "Admin Kab", Roles.AdminKabKota, null, own.DistrictId + 100);

        var file = await receipts.GetPdfAsync(Operator(own), receipt.Number);
        Assert.NotNull(file);
        Assert.Equal("BPL-2026-000001.pdf", file.FileName);
        Assert.Equal(receipt.PdfBytes, file.Content);
        Assert.NotNull(await receipts.GetPdfAsync(districtAdmin, receipt.Number));
        Assert.Null(await receipts.GetPdfAsync(Operator(other), receipt.Number));
        Assert.Null(await receipts.GetPdfAsync(otherDistrictAdmin, receipt.Number));
        Assert.Null(await receipts.GetPdfAsync(UserScope.Anonymous, receipt.Number));
        Assert.Null(await receipts.GetPdfAsync(Operator(own), "BPL-2026-000099"));
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
