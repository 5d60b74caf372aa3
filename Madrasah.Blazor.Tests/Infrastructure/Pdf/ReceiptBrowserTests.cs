using System.Diagnostics;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class ReceiptBrowserTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

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

        // The PDF the user downloads (with the user's cookies) reads back with its number and its verification code.
        var response = await page.APIRequest.GetAsync($"/bukti/{number}.pdf?unduh=1");
        Assert.Equal(200, response.Status);
        var pdf = await response.BodyAsync();
        var text = PdfToText(pdf);
        Assert.Contains(number!, text);
        Assert.Contains("MIN 1 Sleman", text);
        var code = PdfTestKit.PrintedCode(pdf);

        // Anyone, signed out, checks it: the QR code's address shows it at once...
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync(new Uri(Assert.Single(PdfTestKit.QrCodes(pdf))).PathAndQuery);
        await Expect(visitor.GetByTestId("verification-genuine")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("receipt-number")).ToHaveTextAsync(number!);
        await Expect(visitor.GetByTestId("verification-genuine")).ToContainTextAsync("MIN 1 Sleman");
        await BrowserFixture.ScreenshotAsync(visitor, "verification-genuine");

        // ...the number alone asks for the code, and the code typed from paper shows it.
        await visitor.GotoAsync($"/verifikasi/{number}");
        await Expect(visitor.GetByTestId("verification-code-needed")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("verification-genuine")).ToHaveCountAsync(0);
        await Expect(visitor.GetByLabel("Nomor bukti")).ToHaveValueAsync(number!);
        await BrowserFixture.ScreenshotAsync(visitor, "verification-code-needed");
        await visitor.GetByLabel("Kode verifikasi").FillAsync(code.ToLowerInvariant());
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Periksa" }).ClickAsync();
        await Expect(visitor.GetByTestId("verification-genuine")).ToBeVisibleAsync();

        await visitor.GotoAsync($"/verifikasi/BPL-2026-999999?kode={code.Replace("-", "")}");
        await Expect(visitor.GetByTestId("verification-not-found")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("verification-genuine")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(visitor, "verification-not-found");

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
