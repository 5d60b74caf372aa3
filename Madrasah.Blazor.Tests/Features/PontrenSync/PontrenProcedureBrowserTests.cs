using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Spreadsheets;
using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Pdf;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>
/// The seed's whole procedure (steps 1–5 of "Cara sinkronisasi akun EMIS PD-Pontren") in one run, as the people
/// involved do it, on an app of its own whose sync writes one row per batch, slowed down, so that the progress can be
/// seen: a new MDT registers on the public page with its SK/Piagam and surat tugas (a bad NIK is refused, nothing typed
/// is lost); the district admin's open queue shows it live with the documents inline and approves it; the applicant's
/// status page shows the position in the queue, then the approval, live; the operator opens the set-password link of
/// the "Aktivasi Akun Madrasah" mail (from the pickup folder), sets a password and signs in; on "Verifikasi Data
/// Lembaga" downloads the template (NIK and NISN text columns), imports a CSV with an Excel-rounded NIK (refused with
/// its line and field, nothing saved), fixes it and imports again: the check says the data is ready; "Sinkronisasi"
/// shows the progress and then "Sukses" with the WIB time, which the district admin's status page, open in a second
/// browser context, follows live; the receipt downloaded from the history has its number and the pesantren's name in
/// its text (pdftotext), and the link in its QR code (zbarimg) opens the verification page confirming it. Along the
/// way, those who must not see a step are refused it (a madrasah operator: the documents, the receipt, both pages).
/// Prints how long each step took (not asserted).
/// </summary>
[Trait("Kind", "App")]
[Collection(SecondBrowserCollection.Name)]
public sealed class PontrenProcedureBrowserTests(BrowserFixture fixture, PontrenProcedureBrowserTests.SlowSyncApp own, ITestOutputHelper output)
    : IClassFixture<PontrenProcedureBrowserTests.SlowSyncApp>, IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    /// <summary>An app of the class's own: one row per sync batch and a pause after each, so the progress stays on screen.</summary>
    public sealed class SlowSyncApp : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;

        public async ValueTask InitializeAsync() => App = await TestApp.StartAsync(new Dictionary<string, string>
        {
            ["PontrenSync__BatchSize"] = "1",
            [SyncTestHooks.DelayVariable] = "1500",
        });

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    private const string OperatorPassword = "Miftahul#Ulum2026";
    private const string Header = "NIK;NISN;Nama Lengkap;Jenis Kelamin (L/P);Tempat Lahir;Tanggal Lahir (dd-mm-yyyy);Jenjang";
    private const string Siti = "3404075003120001;0121234567;Siti Maimunah;P;Sleman;10-03-2012;Wustha";
    private static readonly FilePayload Piagam = Pdf("piagam-mdt.pdf");
    private static readonly FilePayload Letter = Pdf("surat-tugas.pdf");

    private static FilePayload Pdf(string name) =>
        new() { Name = name, MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF") };

    private static FilePayload Csv(string name, params string[] lines) =>
        new() { Name = name, MimeType = "text/csv", Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines))] };

    private async Task<IPage> SignInAsync(string email, string password = BrowserFixture.DemoPassword)
    {
        var page = await fixture.NewPageAsync(own.App);
        await BrowserFixture.SignInOnPageAsync(page, email, password);
        return page;
    }

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

    /// <summary>The set-password link of the newest "Aktivasi Akun Madrasah" mail to <paramref name="email"/>, once the sender has written it.</summary>
    private async Task<string> ActivationLinkAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mail = Directory.Exists(own.App.MailFolder)
                ? Directory.GetFiles(own.App.MailFolder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(f => ReceivedMail.Parse(File.ReadAllText(f)))
                    .LastOrDefault(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase) && m.Subject == "Aktivasi Akun Madrasah")
                : null;
            if (mail?.HtmlBody is { } html)
            {
                var link = Regex.Match(html, "href=\"(?<link>[^\"]*" + Regex.Escape(PasswordLinks.Path) + "[^\"]*)\"").Groups["link"].Value;
                Assert.StartsWith(own.App.BaseUrl + PasswordLinks.Path + "?id=", WebUtility.HtmlDecode(link));
                return WebUtility.HtmlDecode(link);
            }
            Assert.True(DateTime.UtcNow < deadline, $"no activation email to {email} in {own.App.MailFolder}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_new_pesantren_registers_is_approved_sets_its_password_imports_santri_syncs_and_gets_a_verifiable_receipt()
    {
        var problems = new List<string>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string name)
        {
            output.WriteLine($"{watch.Elapsed.TotalSeconds,6:0.0} s  {name}");
            watch.Restart();
        }
        var unique = Random.Shared.Next(100000, 999999).ToString();
        var name = $"MDT Miftahul Ulum {unique}";
        var email = $"mdt{unique}@gmail.com";

        // The district admin's queue is open before the pesantren registers.
        var admin = await SignInAsync("admin@kemenagsleman.go.id");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Pendaftaran Pontren" }).First.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Antrean Pendaftaran Lembaga PD Pontren" })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(admin);

        // 1. Registration: from the sign-in page's link (the pesantren has no account yet).
        var applicant = await fixture.NewPageAsync(own.App);
        await applicant.GotoAsync("/Account/Login");
        await applicant.GetByTestId("pontren-registration-link").ClickAsync();
        await Expect(applicant).ToHaveURLAsync(new Regex("/pontren/daftar$"));
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

        // A short NIK is refused beside its field, and everything typed (the documents too) stays.
        await applicant.GetByTestId("registration-submit").ClickAsync();
        await Expect(MessageOf(applicant, "registration-operator-nik")).ToHaveTextAsync("NIK Operator harus terdiri atas 16 digit angka.");
        await Expect(applicant.Locator("#registration-name")).ToHaveValueAsync(name);
        await Expect(applicant.GetByTestId("registration-sk-name")).ToHaveTextAsync("piagam-mdt.pdf");

        await applicant.Locator("#registration-operator-nik").FillAsync("3404071505900003");
        // The refusal goes away as the fix is typed: gone at the press on the button, it would move the button away.
        await Expect(MessageOf(applicant, "registration-operator-nik")).ToHaveCountAsync(0);
        await applicant.GetByTestId("registration-submit").ClickAsync();
        var number = applicant.GetByTestId("registration-number");
        await Expect(number).ToHaveTextAsync(new Regex(@"^PP-\d{4}-\d{6}$"));
        var registrationNumber = await number.InnerTextAsync();
        await applicant.GetByTestId("registration-status-link").ClickAsync();
        await Expect(applicant.GetByTestId("queue-position")).ToContainTextAsync(new Regex(@"Posisi antrean Anda: \d+ dari \d+ pendaftaran"));
        await Expect(applicant.GetByTestId("status-chip")).ToHaveTextAsync("Menunggu persetujuan");
        await BrowserFixture.WaitForInteractiveAsync(applicant);
        await AccessibilityBrowserTests.CheckShownAsync(applicant, "/pontren/daftar/status", problems);
        await BrowserFixture.ScreenshotAsync(applicant, "pontren-status-waiting");

        Step("1. registered (public page, two PDFs, a refused NIK)");
        // 1b. The admin's open queue shows it without a reload, with the documents inline; nobody else reads them.
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
        // On a phone both document tabs show whole inside their bar: "Surat Tugas Operator" wraps instead of running off it.
        await admin.SetViewportSizeAsync(390, 844);
        Assert.Empty(await item.EvaluateAsync<string[]>("""
            i => {
                const bar = i.querySelector('[role=tablist]').parentElement.getBoundingClientRect();
                return [...i.querySelectorAll('[role=tab]')].filter(t => { const r = t.getBoundingClientRect(); return r.left < bar.left - 1 || r.right > bar.right + 1; })
                    .map(t => t.textContent.trim());
            }
            """));
        await BrowserFixture.ScreenshotAsync(admin, "pontren-queue-open-390");
        await admin.SetViewportSizeAsync(1366, 900);
        await AccessibilityBrowserTests.CheckShownAsync(admin, "/pontren/antrean (dibuka)", problems);
        var outsider = await SignInAsync("operator@min1sleman.sch.id");
        var refused = await outsider.Context.APIRequest.GetAsync(documentUrl, new() { MaxRedirects = 0 });
        Assert.NotEqual(200, refused.Status);
        Assert.DoesNotContain("application/pdf", refused.Headers.GetValueOrDefault("content-type") ?? "");

        await item.GetByTestId("queue-approve").ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Lembaga dan akun operator");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Setujui", Exact = true }).ClickAsync();
        await Expect(admin.GetByTestId("queue-item").Filter(new() { HasText = registrationNumber })).ToHaveCountAsync(0);

        Step("1b. queue live, documents inline, outsider refused");
        // The applicant's page turns to the approval live.
        await Expect(applicant.GetByTestId("status-approved")).ToContainTextAsync(email);
        await Expect(applicant.GetByTestId("status-chip")).ToHaveTextAsync("Disetujui");
        await BrowserFixture.ScreenshotAsync(applicant, "pontren-status-approved");

        Step("1c. approved, the applicant saw it live");
        // 2. The operator sets the password from the activation mail and signs in.
        var op = applicant;
        await BrowserFixture.OpenAsync(op, await ActivationLinkAsync(email));
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = "Aktivasi Akun" })).ToBeVisibleAsync();
        await op.GetByLabel("Password Baru").FillAsync(OperatorPassword);
        await op.GetByLabel("Ulangi Password").FillAsync(OperatorPassword);
        await Expect(op.GetByTestId("password-strength")).ToHaveTextAsync("Password Strong");
        await op.GetByRole(AriaRole.Button, new() { Name = "Simpan Password" }).ClickAsync();
        await Expect(op.GetByTestId("password-set")).ToContainTextAsync("Password tersimpan");
        await BrowserFixture.SignInOnPageAsync(op, email, OperatorPassword);
        await Expect(op.GetByTestId("context-name")).ToHaveTextAsync(name);

        Step("2. password set from the mail, signed in");
        // 3. "Verifikasi data lembaga": nothing yet; the template has NIK and NISN as text columns.
        await op.GetByRole(AriaRole.Link, new() { Name = "Verifikasi Data Lembaga" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = "Verifikasi Data Lembaga", Level = 1 })).ToBeVisibleAsync();
        await Expect(op.GetByTestId("data-sections")).ToContainTextAsync(name);
        await op.GetByRole(AriaRole.Tab, new() { Name = "Santri (0)" }).ClickAsync();
        var import = op.GetByTestId("santri-import"); // an empty list opens with its import
        await Expect(import).ToBeVisibleAsync();
        var download = await op.RunAndWaitForDownloadAsync(() => op.GetByRole(AriaRole.Link, new() { Name = "Unduh template (.xlsx)" }).ClickAsync());
        Assert.Equal("template-santri.xlsx", download.SuggestedFilename);
        var template = SheetReader.Read(await File.ReadAllBytesAsync((await download.PathAsync())!), "template-santri.xlsx", SheetLimits.Default);
        Assert.Null(template.Error);
        Assert.Equal(DataImportRules.SantriColumns, template.Headers);

        // One bad line (a NIK Excel rounded): its line number and field, and nothing of the file saved.
        await op.Locator("#santri-import-file").SetInputFilesAsync(Csv("santri-baru.csv", Header, Siti, "3.40407E+15;;Umar Faruq;L;Bantul;17-08-2011;Ulya"));
        await Expect(import.GetByTestId("santri-summary")).ToContainTextAsync("santri-baru.csv: tidak ada data yang disimpan. 1 baris bermasalah");
        await Expect(import.GetByTestId("santri-problems")).ToContainTextAsync("Baris 3: NIK \"3.40407E+15\" tertulis sebagai angka Excel");
        await Expect(op.GetByRole(AriaRole.Tab, new() { Name = "Santri (0)" })).ToBeVisibleAsync();
        await AccessibilityBrowserTests.CheckShownAsync(op, "/pontren/data (santri, import refused)", problems);

        // Fixed and imported again: both santri are in and the check says the data is ready.
        await op.Locator("#santri-import-file").SetInputFilesAsync(Csv("santri-baru.csv", Header, Siti, "3404071708110002;;Umar Faruq;L;Bantul;17-08-2011;Ulya"));
        await Expect(import.GetByTestId("santri-summary")).ToContainTextAsync("santri-baru.csv: impor berhasil, 2 ditambahkan, 0 diperbarui, 0 tidak berubah.");
        await Expect(op.GetByRole(AriaRole.Tab, new() { Name = "Santri (2)" })).ToBeVisibleAsync();
        await Expect(op.GetByTestId("santri-row")).ToHaveCountAsync(2);
        await op.GetByLabel("Cari santri").FillAsync("Maimunah");
        await Expect(op.GetByTestId("santri-row")).ToHaveCountAsync(1);
        await Expect(op.GetByTestId("santri-row")).ToContainTextAsync("3404075003120001");
        await Expect(op.GetByTestId("data-verdict")).ToContainTextAsync("Data siap disinkronkan");
        await op.GetByRole(AriaRole.Button, new() { Name = "Ubah Siti Maimunah" }).ClickAsync();
        await Expect(op.GetByTestId("santri-dialog")).ToBeVisibleAsync();
        await Expect(op.Locator("#santri-nik")).ToHaveValueAsync("3404075003120001");
        await AccessibilityBrowserTests.CheckShownAsync(op, "/pontren/data (santri dialog)", problems);
        await op.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();
        await Expect(op.GetByTestId("santri-dialog")).ToHaveCountAsync(0);

        Step("3. template, CSV refused, fixed, data ready");
        // The district's status page is open in a second browser context while the operator syncs.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Status Sinkronisasi" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Status Sinkronisasi PD Pontren" })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(admin);
        var row = admin.GetByTestId("district-sync-row").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Belum pernah");

        // 4. "Sinkronisasi": progress, then "Sukses" with the WIB time; the district follows without a reload.
        await op.GetByTestId("data-go-sync").ClickAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = "Sinkronisasi Data Lembaga" })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(op);
        await Expect(op.GetByTestId("sync-ready")).ToContainTextAsync("tidak ada masalah yang menghalangi (2 santri, 0 GTK");
        await op.GetByTestId("sync-button").ClickAsync();
        await Expect(op.GetByTestId("sync-status")).ToHaveTextAsync("Berjalan");
        await Expect(op.GetByTestId("sync-progress")).ToContainTextAsync("dari 2 data");
        await Expect(row.GetByTestId("district-sync-open")).ToContainTextAsync("dari 2 data");
        await BrowserFixture.ScreenshotAsync(op, "pontren-sync-running");

        Step("4. sync running, progress seen on both pages");
        await Expect(op.GetByTestId("sync-status")).ToHaveTextAsync("Sukses", new() { Timeout = 30_000 });
        await Expect(op.GetByTestId("sync-finished")).ToContainTextAsync(new Regex(@"sukses pada \d{1,2} [A-Za-z]+ \d{4} \d{2}\.\d{2} WIB"));
        await Expect(op.GetByTestId("sync-progress")).ToHaveTextAsync("2 dari 2 data (100%)");
        await Expect(op.GetByTestId("sync-counts-santri")).ToHaveTextAsync("2 ditambahkan, 0 diubah, 0 tetap, 0 dinonaktifkan, 0 ditandai");
        var receiptNumber = (await op.GetByTestId("sync-receipt-number").TextContentAsync())!;
        Assert.Matches(@"^TTS-\d{4}-\d{6}$", receiptNumber);
        await Expect(op.GetByTestId("pdf-preview").Locator("iframe")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(op, "pontren-sync-sukses");
        await AccessibilityBrowserTests.CheckShownAsync(op, "/pontren/sinkronisasi (sukses)", problems);

        await Expect(row.GetByTestId("district-sync-result")).ToHaveTextAsync("Sukses");
        await Expect(row).ToContainTextAsync(receiptNumber);
        await Expect(row).ToContainTextAsync("WIB");
        await BrowserFixture.ScreenshotAsync(admin, "pontren-sync-district");
        await AccessibilityBrowserTests.CheckShownAsync(admin, "/pontren/status-sinkronisasi (sukses)", problems);

        Step("4b. Sukses with WIB time, district live");
        // Leaving and coming back shows the same result (it comes from the run, not from the circuit).
        await op.GotoAsync("/");
        await BrowserFixture.OpenAsync(op, PontrenSyncServiceCollectionExtensions.SyncPath);
        await Expect(op.GetByTestId("sync-status")).ToHaveTextAsync("Sukses");
        await Expect(op.GetByTestId("sync-receipt-number")).ToHaveTextAsync(receiptNumber);

        // 5. The receipt, downloaded from the history: its text has the number and the pesantren; its QR code opens
        // the public page that confirms it.
        var history = op.GetByTestId("sync-history-row").First;
        await Expect(history.GetByTestId("sync-history-status")).ToHaveTextAsync("Sukses");
        var receipt = await op.RunAndWaitForDownloadAsync(() => history.GetByTestId("sync-history-receipt").ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await receipt.PathAsync())!);
        var text = PdfTestKit.PdfToFlatText(pdf);
        foreach (var expected in new[] { "Tanda Terima Sinkronisasi", receiptNumber, name, "Ahmad Fauzi" })
            Assert.Contains(expected, text);
        var visitor = await fixture.NewPageAsync(own.App);
        await visitor.GotoAsync(new Uri(Assert.Single(PdfTestKit.QrCodes(pdf))).PathAndQuery);
        await Expect(visitor.GetByTestId("verification-genuine")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("receipt-number")).ToHaveTextAsync(receiptNumber);
        await Expect(visitor.GetByTestId("verification-genuine")).ToContainTextAsync(name);

        Step("5. receipt downloaded, pdftotext, QR verified");
        // The district admin may download it; another institution's operator may not, nor open the sync page.
        Assert.Equal(200, (await admin.APIRequest.GetAsync($"/bukti/{receiptNumber}.pdf")).Status);
        Assert.Equal(404, (await outsider.APIRequest.GetAsync($"/bukti/{receiptNumber}.pdf")).Status);
        await outsider.GotoAsync(PontrenSyncServiceCollectionExtensions.SyncPath);
        await Expect(outsider.GetByTestId("access-denied")).ToBeVisibleAsync();
        // A madrasah operator has no "Verifikasi Data Lembaga" either: no menu item, the page and the template refused.
        await Expect(outsider.Locator("nav#app-nav")).ToContainTextAsync("Pengajuan Perubahan");
        await Expect(outsider.Locator("nav#app-nav")).Not.ToContainTextAsync("Verifikasi Data Lembaga");
        await outsider.GotoAsync(PontrenDataServiceCollectionExtensions.PagePath);
        await Expect(outsider.GetByTestId("data-not-allowed")).ToContainTextAsync("hanya untuk operator pondok pesantren");
        Assert.Equal(404, (await outsider.APIRequest.GetAsync(PontrenDataServiceCollectionExtensions.SantriTemplatePath)).Status);

        Step("5b. refusals of the madrasah operator");
        foreach (var page in new[] { admin, op, outsider, visitor }) await page.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems);
    }
}
