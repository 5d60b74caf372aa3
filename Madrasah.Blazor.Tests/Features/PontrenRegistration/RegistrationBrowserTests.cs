using System.Text;
using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.PontrenRegistration;

/// <summary>
/// Step 1 of the guide end to end, two people at once: a pesantren's operator (no account) registers an MDT with its
/// SK/Piagam and surat tugas; the district admin's open queue shows it live, with the documents inline; the
/// applicant's status page shows the position in the queue, then the approval, without reloading.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class RegistrationBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly FilePayload Piagam = new() { Name = "piagam-mdt.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF") };
    private static readonly FilePayload Letter = new() { Name = "surat-tugas.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF") };

    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        var select = page.GetByTestId(testId);
        await Expect(select).ToBeEnabledAsync();
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
            if (await select.InputValueAsync() == option || attempt == 3) break;
        }
        await Expect(select).ToHaveValueAsync(option);
    }

    private static ILocator MessageOf(IPage page, string inputId) =>
        page.Locator($".mud-input-control:has(#{inputId}) .mud-input-helper-text.mud-input-error");

    [Fact]
    public async Task An_operator_registers_the_district_approves_from_the_queue_and_the_applicant_sees_it_live()
    {
        var problems = new List<string>();
        var unique = Random.Shared.Next(100000, 999999).ToString();
        var name = $"MDT Miftahul Ulum {unique}";
        var email = $"mdt{unique}@gmail.com";

        var admin = await fixture.SignInAsync("admin@kemenagsleman.go.id");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Pendaftaran Pontren" }).First.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Antrean Pendaftaran Lembaga PD Pontren" })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(admin);

        var applicant = await fixture.NewPageAsync();
        // The pesantren has no account yet: it starts from the sign-in page's link.
        await applicant.GotoAsync("/Account/Login");
        await applicant.GetByTestId("pontren-registration-link").ClickAsync();
        await Expect(applicant).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/pontren/daftar$"));
        await BrowserFixture.WaitForInteractiveAsync(applicant);
        await AccessibilityBrowserTests.CheckShownAsync(applicant, "/pontren/daftar", problems);
        await ChooseAsync(applicant, "registration-category", "MDT (Madrasah Diniyah Takmiliyah)");
        await applicant.Locator("#registration-name").FillAsync(name);
        await applicant.Locator("#registration-statistic").FillAsync("3112340" + unique[..5]);
        await applicant.Locator("#registration-address").FillAsync($"Jl. Kaliurang Km {unique[..2]}, Dusun Candi");
        await applicant.Locator("#registration-village").FillAsync("Sardonoharjo");
        await applicant.Locator("#registration-subdistrict").FillAsync("Ngaglik");
        await ChooseAsync(applicant, "registration-province", "Daerah Istimewa Yogyakarta");
        await ChooseAsync(applicant, "registration-district", "Kabupaten Sleman");
        await applicant.GetByTestId("registration-founded").FillAsync("01/07/2009");
        await applicant.GetByTestId("registration-founded").PressAsync("Tab");
        await applicant.Locator("#registration-sk-number").FillAsync("Kd.12.04/5/PP.00/123/2010");
        await applicant.GetByTestId("registration-sk-date").FillAsync("15/03/2010");
        await applicant.GetByTestId("registration-sk-date").PressAsync("Tab");
        await applicant.Locator("#registration-operator-name").FillAsync("Ahmad Fauzi");
        await applicant.Locator("#registration-operator-nik").FillAsync("340407150590");
        await applicant.Locator("#registration-operator-email").FillAsync(email);
        await applicant.Locator("#registration-sk").SetInputFilesAsync(Piagam);
        await applicant.Locator("#registration-letter").SetInputFilesAsync(Letter);
        await Expect(applicant.GetByTestId("registration-sk-name")).ToHaveTextAsync("piagam-mdt.pdf");
        await Expect(applicant.GetByTestId("registration-letter-name")).ToHaveTextAsync("surat-tugas.pdf");

        // Refused: the message beside the NIK, and everything typed stays.
        await applicant.GetByTestId("registration-submit").ClickAsync();
        await Expect(MessageOf(applicant, "registration-operator-nik")).ToHaveTextAsync("NIK Operator harus terdiri atas 16 digit angka.");
        await Expect(applicant.Locator("#registration-name")).ToHaveValueAsync(name);
        await Expect(applicant.GetByTestId("registration-sk-name")).ToHaveTextAsync("piagam-mdt.pdf");

        await applicant.Locator("#registration-operator-nik").FillAsync("3404071505900003");
        await applicant.GetByTestId("registration-submit").ClickAsync();
        var number = applicant.GetByTestId("registration-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^PP-\d{4}-\d{6}$"));
        var registrationNumber = await number.InnerTextAsync();
        await applicant.GetByTestId("registration-status-link").ClickAsync();
        await Expect(applicant.GetByTestId("queue-position")).ToContainTextAsync("Posisi antrean Anda:");
        await Expect(applicant.GetByTestId("status-chip")).ToHaveTextAsync("Menunggu persetujuan");
        await BrowserFixture.WaitForInteractiveAsync(applicant);
        await AccessibilityBrowserTests.CheckShownAsync(applicant, "/pontren/daftar/status", problems);
        await BrowserFixture.ScreenshotAsync(applicant, "pontren-status-waiting");

        // The admin's open queue shows it without a reload; the documents are shown inline.
        var item = admin.GetByTestId("queue-item").Filter(new() { HasText = registrationNumber });
        await Expect(item).ToBeVisibleAsync();
        await item.GetByTestId("queue-open").ClickAsync();
        await Expect(item.GetByTestId("queue-data")).ToContainTextAsync(email);
        var preview = item.Locator("iframe.pdf-preview").First;
        await Expect(preview).ToHaveAttributeAsync("title", "piagam-mdt.pdf");
        var documentUrl = await preview.GetAttributeAsync("src") ?? throw new InvalidOperationException("The preview has no address.");
        var document = await admin.Context.APIRequest.GetAsync(documentUrl);
        Assert.Equal(200, document.Status);
        Assert.Equal("application/pdf", document.Headers["content-type"]);
        Assert.StartsWith("inline", document.Headers["content-disposition"]);
        await BrowserFixture.ScreenshotAsync(admin, "pontren-queue-open");
        await AccessibilityBrowserTests.CheckShownAsync(admin, "/pontren/antrean (dibuka)", problems);

        // Nobody else reads the documents.
        var outsider = await fixture.SignInAsync("operator@min1sleman.sch.id");
        var refused = await outsider.Context.APIRequest.GetAsync(documentUrl, new() { MaxRedirects = 0 });
        Assert.NotEqual(200, refused.Status);
        Assert.DoesNotContain("application/pdf", refused.Headers.GetValueOrDefault("content-type") ?? "");

        await item.GetByTestId("queue-approve").ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Lembaga dan akun operator");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Setujui", Exact = true }).ClickAsync();
        await Expect(admin.GetByTestId("queue-item").Filter(new() { HasText = registrationNumber })).ToHaveCountAsync(0);

        // The applicant's page turns to the approval live.
        await Expect(applicant.GetByTestId("status-approved")).ToContainTextAsync(email);
        await Expect(applicant.GetByTestId("status-chip")).ToHaveTextAsync("Disetujui");
        await BrowserFixture.ScreenshotAsync(applicant, "pontren-status-approved");
        AccessibilityBrowserTests.Report(output, problems);
    }
}
