using System.Diagnostics;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

[Collection(BrowserCollection.Name)]
public sealed class ReceiptBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_printed_receipt_carries_its_number_and_the_public_page_confirms_it()
    {
        var page = await fixture.SignInAsync("operator@min1sleman.sch.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Data Lembaga" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cetak Profil Lembaga (PDF)" }).ClickAsync();

        var numberText = page.GetByTestId("issued-receipt-number");
        await Expect(numberText).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^BPL-\d{4}-\d{6}$"));
        var number = await numberText.TextContentAsync();
        await Expect(page.GetByTestId("pdf-preview").Locator("iframe")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "receipt-preview");

        // The PDF the user downloads (with the user's cookies) reads back with its number.
        var response = await page.APIRequest.GetAsync($"/bukti/{number}.pdf?unduh=1");
        Assert.Equal(200, response.Status);
        var text = PdfToText(await response.BodyAsync());
        Assert.Contains(number!, text);
        Assert.Contains("MIN 1 Sleman", text);

        // Anyone, signed out, can check it.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync($"/verifikasi/{number}");
        await Expect(visitor.GetByTestId("verification-genuine")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("receipt-number")).ToHaveTextAsync(number!);
        await Expect(visitor.GetByTestId("verification-genuine")).ToContainTextAsync("MIN 1 Sleman");
        await BrowserFixture.ScreenshotAsync(visitor, "verification-genuine");

        await visitor.GotoAsync("/verifikasi/BPL-2026-999999");
        await Expect(visitor.GetByTestId("verification-not-found")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("verification-genuine")).ToHaveCountAsync(0);

        // Another institution's operator cannot download it.
        var other = await fixture.SignInAsync("operator@mtsn3sleman.sch.id");
        Assert.Equal(404, (await other.APIRequest.GetAsync($"/bukti/{number}.pdf")).Status);

        await page.Context.CloseAsync();
        await visitor.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    private static string PdfToText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"unduhan-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally { File.Delete(path); }
    }
}
