using System.Globalization;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Pdf;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>
/// The seed's procedure in the browser, two users at once on the shared app: a staff member records Presensi Masuk and
/// files a Tugas Luar complaint with a PDF; the personnel officer's open inbox shows it without reload and accepts it;
/// the staff member's open list shows the decision live, the recap shows the session on duty, the complaint PDF names
/// the reference number, and the decision arrives by email.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class AttendanceBrowserTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private const string Staff = "nur.hidayah@guru.demo.id";
    private const string Officer = "kepegawaian@min1sleman.sch.id";

    private static DateOnly TodayWib => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static string Typed(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Staff_files_a_Tugas_Luar_complaint_the_officer_accepts_it_live_and_the_recap_shows_the_session_on_duty()
    {
        var staff = await fixture.SignInAsync(Staff);
        var officer = await fixture.SignInAsync(Officer);

        // Presensi Masuk from the menu "Presensi".
        await BrowserFixture.OpenAsync(staff, "/absensi");
        await staff.GetByTestId("record-masuk").ClickAsync();
        await Expect(staff.GetByTestId("session-masuk-time")).ToContainTextAsync("WIB");

        await BrowserFixture.OpenAsync(officer, "/kepegawaian/pengaduan");
        await officer.EvaluateAsync("() => { window.__noReload = 1; }");

        // Laporan → Pengaduan → Laporan Baru: Tugas Luar for yesterday's sore session with a 200 KB PDF.
        var yesterday = TodayWib.AddDays(-1);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Laporan Pengaduan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Laporan Baru" }).ClickAsync();
        await FillComplaintAsync(staff, yesterday, "Sore (Presensi Pulang)", "Rapat KKG di Kantor Kemenag Sleman.");
        await staff.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "surat-tugas.pdf", MimeType = "application/pdf", Buffer = Pdf(200 * 1024) });
        await Expect(staff.GetByTestId("evidence-name")).ToContainTextAsync("surat-tugas.pdf");
        await BrowserFixture.ScreenshotAsync(staff, "attendance-complaint-form");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Kirim Pengaduan" }).ClickAsync();
        await Expect(staff.GetByTestId("complaint-number")).ToHaveTextAsync(new Regex(@"^ADU-\d{4}-\d{6}$"));
        var number = await staff.GetByTestId("complaint-number").InnerTextAsync();
        await Expect(staff.GetByTestId("sent-notice")).ToContainTextAsync(number);

        // The staff member keeps their list open.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Laporan Pengaduan" }).ClickAsync();
        var myRow = staff.Locator($"[data-testid=complaint-row][data-number='{number}']");
        await Expect(myRow.GetByTestId("complaint-status")).ToHaveTextAsync("Menunggu Verifikasi");
        await staff.EvaluateAsync("() => { window.__noReload = 1; }");

        // The officer's open inbox shows it without reload; the officer opens it, sees the evidence inline, accepts.
        var row = officer.GetByTestId("inbox-waiting").Locator($"[data-number='{number}']");
        await Expect(row).ToContainTextAsync("Nur Hidayah");
        await BrowserFixture.ScreenshotAsync(officer, "attendance-officer-inbox");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        // The evidence comes through /berkas (the complaint's upload rule), inline for the preview; another institution's account gets 404.
        var preview = officer.Locator("iframe.pdf-preview").First;
        await Expect(preview).ToHaveAttributeAsync("src", new Regex(@"^/berkas/[0-9a-f-]{36}\?tampil=1$"));
        var evidenceUrl = (await preview.GetAttributeAsync("src"))!;
        var evidence = await officer.APIRequest.GetAsync(evidenceUrl);
        Assert.Equal(200, evidence.Status);
        Assert.Equal("application/pdf", evidence.Headers["content-type"]);
        Assert.StartsWith("inline", evidence.Headers["content-disposition"]);
        Assert.Equal(200 * 1024, (await evidence.BodyAsync()).Length);
        var outsider = await fixture.SignInAsync("operator@mtsn3sleman.sch.id");
        Assert.Equal(404, (await outsider.APIRequest.GetAsync(evidenceUrl)).Status);
        await outsider.Context.CloseAsync();
        await officer.GetByTestId("accept").ClickAsync();
        await Expect(officer.GetByTestId("complaint-status").First).ToHaveTextAsync("Diterima");
        Assert.Equal(1, await officer.EvaluateAsync<int>("() => window.__noReload"));

        // The staff member's list shows the decision live.
        await Expect(myRow.GetByTestId("complaint-status")).ToHaveTextAsync("Diterima");
        Assert.Equal(1, await staff.EvaluateAsync<int>("() => window.__noReload"));

        // The recap shows yesterday's sore session as on duty, with the reference number.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Presensi" }).First.ClickAsync();
        if (yesterday.Month != TodayWib.Month) await staff.GetByRole(AriaRole.Button, new() { Name = "Bulan sebelumnya" }).ClickAsync();
        var day = staff.Locator($"[data-testid=recap-day][data-date='{yesterday:yyyy-MM-dd}']");
        await Expect(day.GetByTestId("recap-sore")).ToContainTextAsync($"Tugas Luar ({number})");

        // The complaint's PDF ("Bukti Pengaduan") names the reference number and the decision.
        await myRow.IsHiddenAsync();
        await BrowserFixture.OpenAsync(staff, "/laporan/pengaduan");
        await staff.Locator($"[data-testid=complaint-row][data-number='{number}']").GetByRole(AriaRole.Link).ClickAsync();
        var receipt = await staff.GetByTestId("receipt-number").InnerTextAsync();
        var response = await staff.APIRequest.GetAsync($"/bukti/{receipt}.pdf");
        Assert.Equal(200, response.Status);
        var text = PdfTestKit.PdfToFlatText(await response.BodyAsync());
        Assert.Contains(number, text);
        Assert.Contains("Diterima", text);

        // The decision also arrives by email.
        var mailbox = await fixture.OpenMailboxAsync();
        await Expect(mailbox.GetByTestId("mail-row-subject").Filter(new() { HasText = $"{number} diterima" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_form_refuses_a_large_file_a_renamed_PNG_an_empty_file_a_future_date_and_a_duplicate_keeping_what_was_typed()
    {
        var staff = await fixture.SignInAsync(Staff);
        await BrowserFixture.OpenAsync(staff, "/laporan/pengaduan/baru");
        var file = staff.Locator("input[type=file]");
        var error = staff.GetByTestId("evidence-error");
        await BrowserFixture.WaitForFileInputAsync(file);

        await file.SetInputFilesAsync(new FilePayload { Name = "besar.pdf", MimeType = "application/pdf", Buffer = Pdf(301 * 1024) });
        await Expect(error).ToContainTextAsync("melebihi batas 300 KB");
        await file.SetInputFilesAsync(new FilePayload { Name = "foto.pdf", MimeType = "application/pdf", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] });
        await Expect(error).ToContainTextAsync("isi berkas bukan PDF");
        await file.SetInputFilesAsync(new FilePayload { Name = "kosong.pdf", MimeType = "application/pdf", Buffer = [] });
        await Expect(error).ToContainTextAsync("berkas kosong");
        await Expect(staff.GetByTestId("evidence-name")).ToHaveCountAsync(0);

        // A future date: refused beside the date field; the reason and the chosen file are kept.
        var tomorrow = TodayWib.AddDays(1);
        await FillComplaintAsync(staff, tomorrow, "Pagi (Presensi Masuk)", "Pelatihan guru di Balai Diklat.");
        await file.SetInputFilesAsync(new FilePayload { Name = "surat.pdf", MimeType = "application/pdf", Buffer = Pdf(10 * 1024) });
        await Expect(error).ToHaveCountAsync(0);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Kirim Pengaduan" }).ClickAsync();
        await Expect(staff.GetByText("Tanggal tidak boleh di masa depan")).ToBeVisibleAsync();
        await Expect(staff.GetByLabel("Alasan")).ToHaveValueAsync("Pelatihan guru di Balai Diklat.");
        await Expect(staff.GetByTestId("evidence-name")).ToContainTextAsync("surat.pdf");
        await BrowserFixture.ScreenshotAsync(staff, "attendance-complaint-refused");

        // A past day goes through; the same day and session again is refused as a duplicate.
        var past = TodayWib.AddDays(-40);
        await staff.Locator("#complaint-date").FillAsync(Typed(past));
        await staff.Locator("#complaint-date").PressAsync("Tab");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Kirim Pengaduan" }).ClickAsync();
        await Expect(staff.GetByTestId("complaint-number")).ToHaveTextAsync(new Regex(@"^ADU-"));
        var number = await staff.GetByTestId("complaint-number").InnerTextAsync();

        await BrowserFixture.OpenAsync(staff, "/laporan/pengaduan/baru");
        await FillComplaintAsync(staff, past, "Pagi (Presensi Masuk)", "Pelatihan guru di Balai Diklat.");
        await file.SetInputFilesAsync(new FilePayload { Name = "surat.pdf", MimeType = "application/pdf", Buffer = Pdf(10 * 1024) });
        await Expect(staff.GetByTestId("evidence-name")).ToContainTextAsync("surat.pdf");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Kirim Pengaduan" }).ClickAsync();
        await Expect(staff.GetByText($"sudah Anda kirim: {number}")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("complaint-number")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_complaint_pages_outside_the_menu_have_no_serious_accessibility_violations()
    {
        var staff = await fixture.SignInAsync(Staff);
        var problems = new List<string>();
        await Madrasah.Blazor.Tests.Components.AccessibilityBrowserTests.CheckAsync(staff, "/laporan/pengaduan/baru", problems, interactive: true);
        await Madrasah.Blazor.Tests.Components.AccessibilityBrowserTests.CheckAsync(staff, "/laporan/ketidakhadiran/baru", problems, interactive: true);
        await staff.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "cuti.pdf", MimeType = "application/pdf", Buffer = Pdf(1024) });
        await Expect(staff.GetByTestId("evidence-name")).ToContainTextAsync("cuti.pdf");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Kirim Pengaduan" }).ClickAsync();
        await Expect(staff.GetByText("Jenis Cuti wajib dipilih.")).ToBeVisibleAsync();
        await Madrasah.Blazor.Tests.Components.AccessibilityBrowserTests.CheckShownAsync(staff, "/laporan/ketidakhadiran/baru (ditolak)", problems);
        await Expect(staff.GetByTestId("evidence-name")).ToContainTextAsync("cuti.pdf"); // kept through the refusal
        Assert.Empty(problems);
    }

    private static async Task FillComplaintAsync(IPage page, DateOnly date, string session, string reason)
    {
        await page.Locator("#complaint-date").FillAsync(Typed(date));
        await page.Locator("#complaint-date").PressAsync("Tab");
        await page.GetByText(session).ClickAsync();
        await page.GetByLabel("Alasan").FillAsync(reason);
    }

    /// <summary>A PDF (by its first bytes) padded to <paramref name="size"/> bytes.</summary>
    private static byte[] Pdf(int size) => AttendanceTestKit.Pdf(size);
}
