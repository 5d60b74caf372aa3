using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Pdf;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>
/// Steps 4 and 5 of the guide end to end from the demo data, two people at once: the operator of Pondok Pesantren
/// Al-Hikmah (whose demo working copy passes the check) presses "Sinkronisasi" and sees "Sukses" with the WIB time,
/// the counts and the receipt; the district admin's open status page turns to "Sukses" without a reload; the receipt's
/// text (pdftotext) shows its number and counts, and its QR code opens the public verification page that confirms it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class SyncBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_operator_syncs_sees_Sukses_with_the_receipt_and_the_district_sees_it_live()
    {
        var problems = new List<string>();
        var admin = await fixture.SignInAsync("admin@kemenagsleman.go.id");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Status Sinkronisasi" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Status Sinkronisasi PD Pontren" })).ToBeVisibleAsync();
        var row = admin.GetByTestId("district-sync-row").Filter(new() { HasText = "Pondok Pesantren Al-Hikmah Sleman" });
        await Expect(row).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(admin);

        var op = await fixture.SignInAsync("operator@alhikmah.ponpes.id");
        await op.GetByRole(AriaRole.Link, new() { Name = "Sinkronisasi", Exact = true }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = "Sinkronisasi Data Lembaga" })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(op);
        await Expect(op.GetByTestId("sync-ready")).ToContainTextAsync("tidak ada masalah yang menghalangi");
        await op.GetByTestId("sync-button").ClickAsync();

        await Expect(op.GetByTestId("sync-status")).ToHaveTextAsync("Sukses", new() { Timeout = 30_000 });
        await Expect(op.GetByTestId("sync-finished")).ToContainTextAsync("WIB");
        var number = op.GetByTestId("sync-receipt-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^TTS-\d{4}-\d{6}$"));
        var receiptNumber = (await number.TextContentAsync())!;
        var santriCounts = (await op.GetByTestId("sync-counts-santri").TextContentAsync())!;
        await Expect(op.GetByTestId("pdf-preview").Locator("iframe")).ToBeVisibleAsync();
        await Expect(op.GetByTestId("sync-history-row").First.GetByTestId("sync-history-status")).ToHaveTextAsync("Sukses");
        await Expect(op.GetByTestId("sync-history-receipt").First).ToHaveTextAsync(receiptNumber);
        await BrowserFixture.ScreenshotAsync(op, "pontren-sync-sukses");
        await AccessibilityBrowserTests.CheckShownAsync(op, "/pontren/sinkronisasi (sukses)", problems);

        // The district's page followed without a reload.
        await Expect(row.GetByTestId("district-sync-result")).ToHaveTextAsync("Sukses");
        await Expect(row).ToContainTextAsync(receiptNumber);
        await BrowserFixture.ScreenshotAsync(admin, "pontren-sync-district");
        await AccessibilityBrowserTests.CheckShownAsync(admin, "/pontren/status-sinkronisasi (sukses)", problems);

        // Leaving and coming back shows the same result (it comes from the run, not from the circuit).
        await op.GotoAsync("/");
        await op.GotoAsync("/pontren/sinkronisasi");
        await Expect(op.GetByTestId("sync-status")).ToHaveTextAsync("Sukses");
        await Expect(op.GetByTestId("sync-receipt-number")).ToHaveTextAsync(receiptNumber);

        // The downloaded receipt shows its number and counts; its QR code opens the page that confirms it.
        var response = await op.APIRequest.GetAsync($"/bukti/{receiptNumber}.pdf?unduh=1");
        Assert.Equal(200, response.Status);
        var pdf = await response.BodyAsync();
        var text = PdfTestKit.PdfToFlatText(pdf);
        foreach (var expected in new[] { "Tanda Terima Sinkronisasi", receiptNumber, "Pondok Pesantren Al-Hikmah Sleman", "510034040123", santriCounts, "Ahmad Zaini" })
            Assert.Contains(expected, text);
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync(new Uri(Assert.Single(PdfTestKit.QrCodes(pdf))).PathAndQuery);
        await Expect(visitor.GetByTestId("verification-genuine")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("receipt-number")).ToHaveTextAsync(receiptNumber);
        await Expect(visitor.GetByTestId("verification-genuine")).ToContainTextAsync("Pondok Pesantren Al-Hikmah Sleman");

        // The district admin may download it; another institution's operator may not.
        Assert.Equal(200, (await admin.APIRequest.GetAsync($"/bukti/{receiptNumber}.pdf")).Status);
        var other = await fixture.SignInAsync("operator@min1sleman.sch.id");
        Assert.Equal(404, (await other.APIRequest.GetAsync($"/bukti/{receiptNumber}.pdf")).Status);
        await other.GotoAsync("/pontren/sinkronisasi");
        await Expect(other.GetByTestId("access-denied")).ToBeVisibleAsync();

        AccessibilityBrowserTests.Report(output, problems);
    }
}
