using System.Text;
using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.Helpdesk;

/// <summary>
/// The guide's procedure end to end, two people at once: a school operator (not signed in) reports a problem through
/// "Hubungi Kami" with 2 attachments and gets the ticket number; the agent's open queue shows it live; the agent asks
/// for information; the operator answers through the emailed secure link with a file; the agent sees the answer live,
/// replies and closes; the operator's link shows "Selesai".
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class HelpdeskBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private static readonly FilePayload Pdf = new() { Name = "surat-penunjukan.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF") };
    private static readonly FilePayload Png = new() { Name = "tangkapan-layar.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] };
    private static readonly FilePayload Forged = new() { Name = "bukti.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("MZ this is a program") };

    /// <summary>
    /// Opens the MudBlazor select <paramref name="testId"/> and picks <paramref name="option"/>; on a loaded machine a
    /// click can land while the list is still opening, so the pick is checked by the value shown and tried again.
    /// </summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        var select = page.GetByTestId(testId);
        await Expect(select).ToBeEnabledAsync(); // a dependent list opens once its parent is chosen
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
            if (await select.InputValueAsync() == option || attempt == 3) break;
        }
        await Expect(select).ToHaveValueAsync(option);
    }

    /// <summary>The message MudBlazor shows under the field with the given input id.</summary>
    private static ILocator MessageOf(IPage page, string inputId) =>
        page.Locator($".mud-input-control:has(#{inputId}) .mud-input-helper-text.mud-input-error");

    [Fact]
    public async Task An_operator_reports_the_agent_asks_the_operator_answers_through_the_link_and_the_agent_closes()
    {
        var problems = new List<string>();
        // The agent's queue is open before the report arrives.
        var agent = await fixture.SignInAsync("helpdesk@madrasah.demo.id");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Helpdesk" }).First.ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Antrean Helpdesk" })).ToBeVisibleAsync();

        // The operator starts from the sign-in page, without an account.
        var requester = await fixture.NewPageAsync();
        await requester.GotoAsync("/Account/Login");
        await requester.GetByTestId("contact-link").ClickAsync();
        await Expect(requester.GetByRole(AriaRole.Heading, new() { Name = "Hubungi Kami" })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(requester);
        await AccessibilityBrowserTests.CheckShownAsync(requester, "/hubungi-kami", problems);

        var subject = $"Akun operator terkunci {Guid.NewGuid().ToString("N")[..6]}";
        await requester.Locator("#contact-email").FillAsync("siti.aminah@BELAJAR.ID");
        await requester.Locator("#contact-subject").FillAsync(subject);
        await ChooseAsync(requester, "contact-user-type", "Operator Sekolah/Madrasah");
        await requester.Locator("#contact-belajar-id").FillAsync("siti@dinas.belajar.id");
        await ChooseAsync(requester, "contact-report-type", "Kendala – Akun & Login");
        await ChooseAsync(requester, "contact-category", "Lupa password / akun terkunci");
        await requester.Locator("#contact-organization").FillAsync("MIN 1 Sleman");
        await ChooseAsync(requester, "contact-jenjang", "SD/MI");
        await requester.Locator("#contact-npsn").FillAsync("6071320");
        await ChooseAsync(requester, "contact-province", "Daerah Istimewa Yogyakarta");
        await ChooseAsync(requester, "contact-regency", "Kabupaten Sleman");
        await requester.Locator("#contact-details").FillAsync("Sejak kemarin akun operator tidak bisa masuk: muncul pesan akun terkunci.");
        await requester.GetByLabel("Surat Penunjukan sebagai Admin/Operator").CheckAsync();
        await requester.Locator("#contact-files").SetInputFilesAsync(new[] { Pdf, Forged });
        await Expect(requester.GetByTestId("attachments-error")).ToContainTextAsync("Lampiran \"bukti.pdf\": isi berkas bukan PDF, PNG atau JPEG");
        await requester.Locator("#contact-files").SetInputFilesAsync(new[] { Png });
        await Expect(requester.GetByTestId("attachment")).ToHaveCountAsync(2);

        // Refused: each message beside its field, and everything typed stays.
        await requester.GetByTestId("contact-submit").ClickAsync();
        await Expect(MessageOf(requester, "contact-email")).ToContainTextAsync("bukan akun belajar.id");
        await Expect(MessageOf(requester, "contact-belajar-id")).ToContainTextAsync("@admin.<jenjang>.belajar.id");
        await Expect(MessageOf(requester, "contact-npsn")).ToHaveTextAsync("NPSN harus terdiri atas 8 digit angka.");
        await Expect(requester.Locator("#contact-subject")).ToHaveValueAsync(subject);
        await Expect(requester.Locator("#contact-details")).ToHaveValueAsync("Sejak kemarin akun operator tidak bisa masuk: muncul pesan akun terkunci.");
        await Expect(requester.GetByTestId("attachment")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(requester, "helpdesk-form-refused");
        await AccessibilityBrowserTests.CheckShownAsync(requester, "/hubungi-kami (ditolak)", problems);

        await requester.Locator("#contact-email").FillAsync("siti.aminah@gmail.com");
        await requester.Locator("#contact-belajar-id").FillAsync("siti@admin.sd.belajar.id");
        await requester.Locator("#contact-npsn").FillAsync("60713201");
        await requester.GetByTestId("contact-submit").ClickAsync();
        var numberText = requester.GetByTestId("ticket-number");
        await Expect(numberText).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^HD-\d{4}-\d{6}$"));
        var number = await numberText.InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(requester, "helpdesk-form-sent");

        // The agent's open queue shows it without a reload.
        var row = agent.Locator($"[data-testid='queue-row'][data-number='{number}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(subject);
        await Expect(row).ToContainTextAsync("Baru");
        await BrowserFixture.ScreenshotAsync(agent, "helpdesk-queue");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(agent.GetByTestId("ticket-number")).ToHaveTextAsync(number);
        await Expect(agent.GetByTestId("file-link")).ToHaveTextAsync(["surat-penunjukan.pdf", "tangkapan-layar.png"]);
        var download = await agent.Context.APIRequest.GetAsync(await agent.GetByTestId("file-link").First.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, download.Status);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await download.BodyAsync()));
        await AccessibilityBrowserTests.CheckShownAsync(agent, "/helpdesk/{id}", problems);

        // The agent asks for more information.
        await agent.GetByRole(AriaRole.Tab, new() { Name = "Minta Informasi" }).ClickAsync();
        await agent.Locator("#ask-body").FillAsync("Mohon lampirkan tangkapan layar pesan kesalahan saat login.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Minta Informasi" }).ClickAsync();
        await Expect(agent.GetByTestId("ticket-status")).ToHaveTextAsync("Menunggu informasi");

        // The operator answers through the emailed link.
        var link = await LinkFromMailboxAsync(number, "Informasi tambahan dibutuhkan", "Kirim Informasi");
        var answerPage = await fixture.NewPageAsync();
        await BrowserFixture.OpenAsync(answerPage, link);
        await Expect(answerPage.GetByTestId("status-number")).ToHaveTextAsync(number);
        await Expect(answerPage.GetByTestId("conversation")).ToContainTextAsync("Mohon lampirkan tangkapan layar pesan kesalahan saat login.");
        await AccessibilityBrowserTests.CheckShownAsync(answerPage, "/hubungi-kami/laporan/{token}", problems);
        await answerPage.GetByRole(AriaRole.Button, new() { Name = "Kirim Jawaban" }).ClickAsync();
        await Expect(MessageOf(answerPage, "answer-text")).ToHaveTextAsync("Jawaban wajib diisi.");
        await answerPage.Locator("#answer-text").FillAsync("Berikut tangkapan layarnya.");
        await Expect(MessageOf(answerPage, "answer-text")).ToHaveCountAsync(0); // gone as it is typed, before "Kirim Jawaban" is pressed
        await answerPage.Locator("#answer-files").SetInputFilesAsync(new[] { Png });
        await Expect(answerPage.GetByTestId("attachment")).ToContainTextAsync(Png.Name); // read and listed: "Kirim Jawaban" is free again
        await answerPage.GetByRole(AriaRole.Button, new() { Name = "Kirim Jawaban" }).ClickAsync();
        await Expect(answerPage.GetByTestId("answer-sent")).ToBeVisibleAsync();
        await Expect(answerPage.GetByTestId("status-chip")).ToHaveTextAsync("Diproses");

        // The agent sees the answer live, replies and closes.
        await Expect(agent.GetByTestId("ticket-status")).ToHaveTextAsync("Diproses");
        await Expect(agent.Locator("[data-testid='timeline-item'][data-kind='RequesterAnswer']")).ToContainTextAsync("Berikut tangkapan layarnya.");
        await agent.GetByRole(AriaRole.Tab, new() { Name = "Balas" }).ClickAsync();
        await agent.Locator("#reply-body").FillAsync("Akun operator Anda sudah kami buka kembali. Silakan login ulang.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Kirim Balasan" }).ClickAsync();
        await Expect(agent.GetByTestId("ticket-status")).ToHaveTextAsync("Selesai");
        await BrowserFixture.ScreenshotAsync(agent, "helpdesk-ticket-closed");

        // The operator's link shows the answer and the status.
        await BrowserFixture.OpenAsync(answerPage, link);
        await Expect(answerPage.GetByTestId("status-chip")).ToHaveTextAsync("Selesai");
        await Expect(answerPage.GetByTestId("conversation")).ToContainTextAsync("Akun operator Anda sudah kami buka kembali.");
        await BrowserFixture.ScreenshotAsync(answerPage, "helpdesk-requester-status");

        await agent.Context.CloseAsync();
        await requester.Context.CloseAsync();
        await answerPage.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems);
    }

    [Fact]
    public async Task A_link_with_a_wrong_token_shows_no_ticket()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.OpenAsync(page, "/hubungi-kami/laporan/" + new string('A', 43));
        await Expect(page.GetByTestId("link-invalid")).ToContainTextAsync("Tautan laporan tidak valid");
        await page.Context.CloseAsync();
    }

    /// <summary>The link of the newest message about <paramref name="number"/> with <paramref name="subject"/>, read in the development mailbox.</summary>
    private async Task<string> LinkFromMailboxAsync(string number, string subject, string button)
    {
        var mailbox = await fixture.OpenMailboxAsync();
        var row = mailbox.GetByTestId("mail-row").Filter(new() { HasText = number }).Filter(new() { HasText = subject }).First;
        await row.ClickAsync();
        await Expect(mailbox.GetByTestId("mail-subject")).ToContainTextAsync(subject);
        var link = await mailbox.GetByTestId("mail-body").GetByRole(AriaRole.Link, new() { Name = button }).GetAttributeAsync("href");
        Assert.StartsWith(fixture.App.BaseUrl + "/hubungi-kami/laporan/", link);
        await mailbox.Context.CloseAsync();
        return link!;
    }
}
