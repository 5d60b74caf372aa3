using System.Text.RegularExpressions;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Madrasah.Blazor.Tests.Features.HeadRegistration.HeadRegistrationPages;

namespace Madrasah.Blazor.Tests.Features.HeadRegistration;

/// <summary>
/// The seed's 20 steps of "Cara Registrasi Akun Emis untuk Kepala Madrasah", done as the operator and the new head of
/// MTs Negeri 3 Sleman would (the only demo institution whose head has no account yet: one test registers it).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class HeadRegistrationBrowserTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private const string HeadNik = "3404015508780002";
    private const string HeadEmail = "siti.rahmawati@mtsn3sleman.sch.id";
    private const string HeadPassword = "Sleman#Kamad2026";

    [Fact]
    public async Task A_new_head_registers_with_NIK_and_code_verifies_the_email_and_signs_in_again_and_again()
    {
        // 1–3. The operator signs in with email and password and sees the dashboard.
        var operatorPage = await fixture.SignInAsync("operator@mtsn3sleman.sch.id");
        await operatorPage.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        // 4. In the institution identity block: "KODE REGISTRASI". A first code, then a new one: the first stops working.
        // (The card's "Batal" and its other states are checked component by component in RegistrationCodeCardTests.)
        var card = operatorPage.GetByTestId("institution-identity").GetByTestId("registration-code-card");
        await Expect(card).ToContainTextAsync("KODE REGISTRASI");
        await card.GetByRole(AriaRole.Button, new() { Name = "Buat Kode Baru" }).ClickAsync();
        await Expect(card.GetByTestId("registration-code")).ToHaveTextAsync(new Regex("^[A-Z2-9]{10}$"));
        var oldCode = await card.GetByTestId("registration-code").TextContentAsync();
        // A still valid code is replaced only after a confirmation in a dialog.
        await card.GetByRole(AriaRole.Button, new() { Name = "Buat Kode Baru" }).ClickAsync();
        var confirm = operatorPage.GetByRole(AriaRole.Dialog, new() { Name = "Buat Kode Baru" });
        await Expect(confirm).ToContainTextAsync("tidak dapat dipakai lagi");
        await BrowserFixture.ScreenshotAsync(operatorPage, "head-registration-01a-confirm-new-code");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ya, buat kode baru" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(card.GetByTestId("registration-code")).Not.ToHaveTextAsync(oldCode!);
        await Expect(card.GetByTestId("registration-code-expiry")).ToContainTextAsync("WIB");
        await BrowserFixture.ScreenshotAsync(operatorPage, "head-registration-01-operator-code");

        // 5. Copy the code with one click.
        await card.GetByRole(AriaRole.Button, new() { Name = "Salin" }).ClickAsync();
        await Expect(card.GetByTestId("registration-code-copy")).ToHaveTextAsync("Tersalin");
        var code = await operatorPage.EvaluateAsync<string>("navigator.clipboard.readText()");
        await Expect(card.GetByTestId("registration-code")).ToHaveTextAsync(code);

        // 6. The operator signs out.
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();

        // 7–9. In another browser the head signs in with NIK + code. The replaced code is refused without saying which field is wrong.
        var head = await fixture.NewPageAsync();
        await SubmitLoginAsync(head, HeadNik, oldCode!);
        await Expect(head.GetByTestId("login-error")).ToContainTextAsync("Periksa kembali NIK dan Password");
        await Expect(head.GetByTestId("login-error")).ToContainTextAsync("KODE REGISTRASI");
        await Expect(head.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync(""); // not sent back in the page
        Assert.DoesNotContain(oldCode!, await head.ContentAsync());
        await BrowserFixture.ScreenshotAsync(head, "head-registration-02-wrong-pair");
        await SubmitLoginAsync(head, HeadNik, code);

        // 10. "Informasi User". The ticket travels in a cookie only this step's folder gets, not in the address.
        await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Informasi User" })).ToBeVisibleAsync();
        await Expect(head).ToHaveURLAsync(fixture.App.BaseUrl + HeadAccountService.WizardPath);
        var ticketCookie = Assert.Single(await head.Context.CookiesAsync(), c => c.Name == RegistrationTicketCookie.Name);
        Assert.True(ticketCookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, ticketCookie.SameSite);
        Assert.Equal("/registrasi-kepala", ticketCookie.Path);
        Assert.Equal(-1, ticketCookie.Expires); // a session cookie
        await BrowserFixture.WaitForInteractiveAsync(head);
        await Expect(head.GetByTestId("registration-institution")).ToHaveTextAsync("MTs Negeri 3 Sleman");
        var next = head.GetByRole(AriaRole.Button, new() { Name = "Selanjutnya" });
        await Expect(next).ToBeDisabledAsync();

        // 11. An active email not used by any account: a used one is refused as it is typed.
        var email = head.GetByLabel("Email", new() { Exact = true });
        await email.FillAsync("kepala@min1sleman.sch.id");
        await Expect(FieldMessage(head, "Email")).ToContainTextAsync("sudah digunakan");
        await email.FillAsync(HeadEmail);
        await Expect(FieldMessage(head, "Email")).ToHaveTextAsync("Email dapat digunakan.");

        // 12–14. Weak passwords show red rules and keep "Selanjutnya" disabled; a common one has its own red line;
        // a strong one shows "Password Strong" but the repeat must match. (Each line's states: PasswordChecklistTests.)
        var password = head.GetByLabel("Password", new() { Exact = true });
        var repeat = head.GetByLabel("Ulangi Password", new() { Exact = true });
        var strength = head.GetByTestId("password-strength");
        var rules = head.GetByTestId("password-rules");

        await password.FillAsync("sleman");
        await repeat.FillAsync("sleman");
        await Expect(rules.Locator("li[data-met='false']")).ToHaveCountAsync(5);
        await Expect(rules.Locator("li[data-rule='upper']")).ToHaveClassAsync(new Regex("mud-error-text"));
        await Expect(strength).ToHaveTextAsync("Password belum memenuhi ketentuan.");
        await Expect(strength).ToHaveClassAsync(new Regex("mud-error-text"));
        await Expect(next).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(head, "head-registration-03-weak-password");

        await password.FillAsync("P@ssw0rd123!");
        await repeat.FillAsync("P@ssw0rd123!");
        await Expect(rules.Locator("li[data-met='true']")).ToHaveCountAsync(5);
        var common = rules.Locator("li[data-rule='common']");
        await Expect(common).ToHaveAttributeAsync("data-met", "false");
        await Expect(common).ToContainTextAsync("Bukan password yang umum digunakan");
        await Expect(common).ToHaveClassAsync(new Regex("mud-error-text"));
        await Expect(strength).ToContainTextAsync("terlalu umum");
        await Expect(next).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(head, "head-registration-03b-common-password");

        await password.FillAsync(HeadPassword);
        await repeat.FillAsync(HeadPassword + "x");
        await Expect(strength).ToHaveTextAsync("Password Strong");
        await Expect(strength).ToHaveClassAsync(new Regex("mud-success-text"));
        await Expect(rules.Locator("li[data-met='true']")).ToHaveCountAsync(6);
        await Expect(FieldMessage(head, "Ulangi Password")).ToHaveTextAsync("Ulangi Password tidak sama dengan Password.");
        await Expect(next).ToBeDisabledAsync();

        await repeat.FillAsync(HeadPassword);
        await Expect(head.GetByText("Ulangi Password tidak sama dengan Password.")).ToHaveCountAsync(0);
        await Expect(next).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(head, "head-registration-04-strong-password");

        // 15. The confirmation dialog shows the data; "Ya".
        await next.ClickAsync();
        var dialog = head.GetByRole(AriaRole.Dialog, new() { Name = "Konfirmasi Data" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("MTs Negeri 3 Sleman");
        await Expect(dialog).ToContainTextAsync(HeadNik);
        await Expect(dialog.GetByTestId("confirm-email")).ToHaveTextAsync(HeadEmail);
        await BrowserFixture.ScreenshotAsync(head, "head-registration-05-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ya" }).ClickAsync();

        // 16. The popup: the verification email was sent.
        var sent = head.GetByRole(AriaRole.Dialog, new() { Name = "Email Verifikasi Terkirim" });
        await Expect(sent).ToContainTextAsync(HeadEmail);
        await Expect(sent).ToContainTextAsync("Madrasah Notifikasi");
        await BrowserFixture.ScreenshotAsync(head, "head-registration-06-sent");

        // Before verification, email + password is refused with a clear message and a resend link.
        await SubmitLoginAsync(head, HeadEmail, HeadPassword);
        await Expect(head.GetByTestId("login-error")).ToContainTextAsync("belum diverifikasi");
        await Expect(head.GetByTestId("resend-link")).ToHaveAttributeAsync("href", new Regex("/registrasi-kepala/kirim-ulang-verifikasi\\?email="));

        // 17–18. The email from "Madrasah Notifikasi" arrives (seen in the development mailbox, which the administrator
        // reads for the tester, and in the pickup folder).
        var mailbox = await fixture.OpenMailboxAsync();
        var row = mailbox.GetByTestId("mail-row").Filter(new() { HasText = HeadEmail });
        await Expect(row).ToContainTextAsync("Terkirim");
        await row.ClickAsync();
        await Expect(mailbox.GetByTestId("mail-subject")).ToHaveTextAsync("Verifikasi Email Akun Kepala Madrasah MTs Negeri 3 Sleman");
        var button = mailbox.GetByTestId("mail-body").GetByRole(AriaRole.Link, new() { Name = "Verifikasi Email Sekarang" });
        var link = await button.GetAttributeAsync("href");
        Assert.StartsWith(fixture.App.BaseUrl + "/registrasi-kepala/verifikasi-email?token=", link);
        await Expect(mailbox.GetByTestId("mail-body").GetByRole(AriaRole.Link, new() { Name = link!, Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(mailbox, "head-registration-07-email");
        var eml = Directory.GetFiles(fixture.App.MailFolder, "*.eml").Select(File.ReadAllText).Single(text => text.Contains(HeadEmail));
        var from = MimeKit.MailboxAddress.Parse(ReceivedMail.Parse(eml).From);
        Assert.Equal("Madrasah Notifikasi", from.Name);
        Assert.Equal("notifikasi@madrasah.local", from.Address);
        await mailbox.Context.CloseAsync();

        // 19. The link verifies the email, once.
        await head.GotoAsync(link!);
        await Expect(head.GetByTestId("verification-result")).ToContainTextAsync("Selamat, akun Kepala Madrasah telah aktif");
        await BrowserFixture.ScreenshotAsync(head, "head-registration-08-verified");
        await head.GotoAsync(link!);
        // Opened again (as a mail scanner may have opened it first): the email is verified, the head signs in.
        await Expect(head.GetByTestId("verification-result")).ToContainTextAsync($"Email {HeadEmail} sudah terverifikasi");
        await Expect(head.GetByTestId("verification-result")).ToContainTextAsync("sudah pernah digunakan");
        await Expect(head.GetByTestId("verification-result")).ToContainTextAsync("silakan masuk");

        // 20. The head signs in with email + password, sees the head's dashboard, signs out and in again, repeatedly.
        for (var round = 0; round < 3; round++)
        {
            await BrowserFixture.SignInOnPageAsync(head, HeadEmail, HeadPassword);
            await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Beranda Kepala Madrasah" })).ToBeVisibleAsync();
            await Expect(head.GetByTestId("context-name")).ToHaveTextAsync("MTs Negeri 3 Sleman");
            await head.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
            await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
        }

        // "Cannot sign in again" of the seed: the NIK ("Email atau NIK") with the new Password signs in as well...
        await BrowserFixture.SignInOnPageAsync(head, HeadNik, HeadPassword);
        await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Beranda Kepala Madrasah" })).ToBeVisibleAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();

        // ...and the used code opens nothing any more, with the hint how a registered head signs in. The operator sees
        // the head's account instead of a code.
        await SubmitLoginAsync(head, HeadNik, code);
        await Expect(head.GetByTestId("login-error")).ToContainTextAsync("Periksa kembali NIK dan Password");
        await Expect(head.GetByTestId("login-error")).ToContainTextAsync("sudah punya akun masuk dengan email (atau NIK) dan Password yang dibuat saat registrasi");
        await BrowserFixture.ScreenshotAsync(head, "head-registration-08b-used-code-hint");
        await BrowserFixture.SignInOnPageAsync(operatorPage, "operator@mtsn3sleman.sch.id");
        await Expect(operatorPage.GetByTestId("registration-code-registered")).ToContainTextAsync(HeadEmail);
        await Expect(operatorPage.GetByTestId("registration-code")).ToHaveCountAsync(0);
        await head.Context.CloseAsync();
        await operatorPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Dead_links_explain_themselves_and_offer_a_new_link()
    {
        var page = await fixture.NewPageAsync();

        // Without a ticket, and with a forged one.
        await page.GotoAsync(HeadAccountService.WizardPath);
        await Expect(page.GetByTestId("ticket-invalid")).ToContainTextAsync("Masuk kembali dengan NIK dan Kode Registrasi");
        await page.Context.AddCookiesAsync([new() { Name = RegistrationTicketCookie.Name, Value = "bukan-tiket", Url = fixture.App.BaseUrl + "/registrasi-kepala" }]);
        await page.GotoAsync(HeadAccountService.WizardPath);
        await Expect(page.GetByTestId("ticket-invalid")).ToContainTextAsync("Masuk kembali dengan NIK dan Kode Registrasi");

        await page.GotoAsync("/registrasi-kepala/verifikasi-email?token=tidak-ada");
        await Expect(page.GetByTestId("verification-result")).ToContainTextAsync("Tautan verifikasi tidak valid");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kirim Tautan Verifikasi Baru" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("belum.terdaftar@contoh.sch.id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim Tautan Baru" }).ClickAsync();
        // The same answer whether or not the address has an account: nothing to learn by trying addresses.
        await Expect(page.GetByTestId("resend-done")).ToContainTextAsync("belum.terdaftar@contoh.sch.id");
        await BrowserFixture.ScreenshotAsync(page, "head-registration-09-resend");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_explains_where_a_head_finds_the_code()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Expect(page.GetByLabel("Email atau NIK")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("head-registration-help")).ToContainTextAsync("Kode Registrasi tampil di Beranda Operator Lembaga");

        // A NIK that is no head's, with a made-up code: the same neutral message.
        await SubmitLoginAsync(page, "3404015508780009", "ABCDE23456");
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("Periksa kembali NIK dan Password");
        await Expect(page.GetByLabel("Email atau NIK")).ToHaveValueAsync("3404015508780009");

        // Digits that cannot be a NIK are told the NIK rule, not the email message.
        await SubmitLoginAsync(page, "3404 0155 0878", "ABCDE23456");
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("NIK Kepala Madrasah harus terdiri atas 16 digit angka. Yang terisi 12 digit.");
        await Expect(page.GetByTestId("login-error")).Not.ToContainTextAsync("Email atau Password salah");
        await BrowserFixture.ScreenshotAsync(page, "head-registration-10-short-nik");
        await page.Context.CloseAsync();
    }

    private const string PesantrenName = "Pondok Pesantren Al-Hikmah Sleman";
    private const string PesantrenHeadNik = "3404070203700003";

    /// <summary>Puts a rare state into the running app's database: the pesantren's code, its expiry, its head's NIK.</summary>
    private async Task SetPesantrenAsync(string? code, TimeSpan? validFor, string? headNik = PesantrenHeadNik)
    {
        await using var db = fixture.App.CreateDbContext();
        DateTime? expires = validFor is { } v ? DateTime.UtcNow + v : null;
        await db.Institutions.Where(i => i.Name == PesantrenName).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.RegistrationCodeHash, code is null ? null : RegistrationCodeService.HashCode(code))
            .SetProperty(i => i.RegistrationCodeExpiresUtc, expires)
            .SetProperty(i => i.HeadNik, headNik));
    }

    /// <summary>The pesantren's head signs in with NIK + <paramref name="code"/> and reads each of <paramref name="expected"/>.</summary>
    private async Task HeadIsToldAsync(string code, string screenshot, params string[] expected)
    {
        var head = await fixture.NewPageAsync();
        await SubmitLoginAsync(head, PesantrenHeadNik, code);
        foreach (var text in expected)
            await Expect(head.GetByTestId("login-error")).ToContainTextAsync(text);
        await BrowserFixture.ScreenshotAsync(head, screenshot);
        await head.Context.CloseAsync();
    }

    [Fact]
    public async Task An_expired_code_tells_the_head_to_ask_for_a_new_one()
    {
        var code = RegistrationCodeService.NewCode();
        await SetPesantrenAsync(code, TimeSpan.FromHours(-1));
        try
        {
            await HeadIsToldAsync(code, "head-registration-11-expired-code", "Kode Registrasi sudah kedaluwarsa", "Buat Kode Baru");

            var operatorPage = await fixture.SignInAsync("operator@alhikmah.ponpes.id");
            await Expect(operatorPage.GetByTestId("registration-code-none")).ToHaveTextAsync("Kode registrasi sudah kedaluwarsa.");
            await Expect(operatorPage.GetByTestId("registration-code-card").GetByRole(AriaRole.Button, new() { Name = "Buat Kode Baru" })).ToBeVisibleAsync();
            await operatorPage.Context.CloseAsync();
        }
        finally { await SetPesantrenAsync(null, null); }
    }

    [Fact]
    public async Task A_missing_head_NIK_sends_head_and_operator_to_the_change_form()
    {
        var code = RegistrationCodeService.NewCode();
        await SetPesantrenAsync(code, TimeSpan.FromDays(1), headNik: null);
        try
        {
            await HeadIsToldAsync(code, "head-registration-12-nik-missing", "NIK Kepala Madrasah belum tercatat pada data lembaga", "Ubah Data Lembaga");

            var operatorPage = await fixture.SignInAsync("operator@alhikmah.ponpes.id");
            var warning = operatorPage.GetByTestId("registration-code-nik-missing");
            await Expect(warning).ToContainTextAsync("NIK Kepala Madrasah belum tercatat");
            await Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Ubah Data Lembaga" })).ToHaveAttributeAsync("href", "/lembaga/ubah");
            await Expect(operatorPage.GetByTestId("institution-head-nik")).ToContainTextAsync("Belum diisi");
            await BrowserFixture.ScreenshotAsync(operatorPage, "head-registration-13-operator-nik-missing");
            await operatorPage.Context.CloseAsync();
        }
        finally { await SetPesantrenAsync(null, null); }
    }

    [Fact]
    public async Task The_identity_block_shows_the_heads_NIK()
    {
        var operatorPage = await fixture.SignInAsync("operator@alhikmah.ponpes.id");
        var identity = operatorPage.GetByTestId("institution-identity");
        await Expect(identity.GetByText("NIK Kepala Madrasah")).ToBeVisibleAsync();
        await Expect(identity.GetByTestId("institution-head-nik")).ToHaveTextAsync(PesantrenHeadNik);
        await operatorPage.Context.CloseAsync();
    }

    /// <summary>The operator's dashboard with a usable code, in a browser whose clipboard behaves as <paramref name="initScript"/> makes it.</summary>
    /// <summary>The pesantren's operator makes a new code (it is shown only then: only its hash is stored).</summary>
    private async Task<(IPage Page, ILocator Card, string Code)> CodeCardAsync(string initScript)
    {
        await SetPesantrenAsync(null, null);
        var page = await fixture.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.Context.AddInitScriptAsync(initScript);
        await BrowserFixture.SignInOnPageAsync(page, "operator@alhikmah.ponpes.id");
        var card = page.GetByTestId("registration-code-card");
        await card.GetByRole(AriaRole.Button, new() { Name = "Buat Kode Baru" }).ClickAsync();
        await Expect(card.GetByTestId("registration-code")).ToHaveTextAsync(new Regex("^[A-Z2-9]{10}$"));
        var code = (await card.GetByTestId("registration-code").TextContentAsync())!;
        await using (var db = fixture.App.CreateDbContext())
            Assert.Equal(RegistrationCodeService.HashCode(code),
                await db.Institutions.Where(i => i.Name == PesantrenName).Select(i => i.RegistrationCodeHash).SingleAsync());
        return (page, card, code);
    }

    [Fact]
    public async Task Without_the_clipboard_API_the_code_is_copied_with_the_copy_command()
    {
        // A plain-HTTP intranet: the Clipboard API refuses.
        var (page, card, code) = await CodeCardAsync("navigator.clipboard.writeText = () => Promise.reject(new DOMException('Tidak aman', 'NotAllowedError'));");
        try
        {
            await card.GetByRole(AriaRole.Button, new() { Name = "Salin" }).ClickAsync();
            await Expect(card.GetByTestId("registration-code-copy")).ToHaveTextAsync("Tersalin");
            Assert.Equal(code, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
            await Expect(card.GetByTestId("registration-code-copy-manual")).ToHaveCountAsync(0);
            await page.Context.CloseAsync();
        }
        finally { await SetPesantrenAsync(null, null); }
    }

    [Fact]
    public async Task When_no_copy_works_the_code_is_selected_and_the_operator_is_told_to_copy_it_by_hand()
    {
        var (page, card, code) = await CodeCardAsync(
            "navigator.clipboard.writeText = () => Promise.reject(new DOMException('Tidak aman', 'NotAllowedError'));"
            + "document.execCommand = () => false;");
        try
        {
            await card.GetByRole(AriaRole.Button, new() { Name = "Salin" }).ClickAsync();
            await Expect(card.GetByTestId("registration-code-copy-manual")).ToContainTextAsync("Kode sudah ditandai");
            await Expect(card.GetByTestId("registration-code-copy")).ToHaveTextAsync("Salin");
            Assert.Equal(code, await page.EvaluateAsync<string>("window.getSelection().toString().trim()"));
            await BrowserFixture.ScreenshotAsync(page, "head-registration-14-copy-by-hand");
            await page.Context.CloseAsync();
        }
        finally { await SetPesantrenAsync(null, null); }
    }
}
