using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Madrasah.Blazor.Tests.Features.HeadRegistration.HeadRegistrationPages;

namespace Madrasah.Blazor.Tests.Features.HeadRegistration;

/// <summary>
/// "Jika Tidak Bisa Registrasi Akun Kepala Lembaga": too many wrong codes, and a verification email that did not
/// come or came too late. On an app of their own, so the refused tries and the registered head touch no other test.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class HeadRegistrationTroubleBrowserTests(BrowserFixture fixture, OwnAppFixture own)
    : IClassFixture<OwnAppFixture>, IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private TestApp App => own.App;

    /// <summary>Gives the institution a code valid for a day (what "Buat Kode Baru" does) and returns it.</summary>
    private async Task<string> GiveCodeAsync(string institutionName)
    {
        var code = RegistrationCodeService.NewCode();
        await using var db = App.CreateDbContext();
        await db.Institutions.Where(i => i.Name == institutionName).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.RegistrationCodeHash, code is null ? null : RegistrationCodeService.HashCode(code))
            .SetProperty(i => i.RegistrationCodeExpiresUtc, DateTime.UtcNow.AddDays(1)));
        return code;
    }

    [Fact]
    public async Task After_five_wrong_codes_the_sign_in_page_asks_to_wait_even_for_the_right_one()
    {
        var code = await GiveCodeAsync("Pondok Pesantren Al-Hikmah Sleman");
        var head = await fixture.NewPageAsync(App);
        for (var i = 0; i < 5; i++)
        {
            await SubmitLoginAsync(head, "3404070203700003", $"SALAH2345{i}");
            await Expect(head.GetByTestId("login-error")).ToContainTextAsync("Periksa kembali NIK dan Password");
        }

        await SubmitLoginAsync(head, "3404070203700003", code);
        await Expect(head.GetByTestId("login-error")).ToContainTextAsync("Terlalu banyak percobaan NIK dan Kode Registrasi yang salah");
        await Expect(head.GetByTestId("login-error")).ToContainTextAsync("coba lagi dalam 15 menit");
        await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Informasi User" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(head, "head-registration-15-rate-limited");
        await head.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unverified_head_follows_the_resend_link_and_only_the_new_link_verifies()
    {
        const string email = "kamad.mtsn3@contoh.sch.id", password = "Sleman#Kaliurang7";
        var head = await fixture.NewPageAsync(App);
        await SubmitLoginAsync(head, "3404015508780002", await GiveCodeAsync("MTs Negeri 3 Sleman"));
        await CompleteInformasiUserAsync(head, email, password);

        var mailbox = await fixture.OpenMailboxAsync(App);
        var rows = mailbox.GetByTestId("mail-row").Filter(new() { HasText = email });
        await Expect(rows).ToHaveCountAsync(1);
        var oldLink = await VerificationLinkAsync(mailbox, rows.First);

        // The email did not come (or came too late): the sign-in says so and offers a new link.
        await SubmitLoginAsync(head, email, password);
        await Expect(head.GetByTestId("login-error")).ToContainTextAsync("belum diverifikasi");
        await head.GetByTestId("resend-link").ClickAsync();
        await Expect(head.GetByLabel("Email")).ToHaveValueAsync(email);
        await head.GetByRole(AriaRole.Button, new() { Name = "Kirim Tautan Baru" }).ClickAsync();
        await Expect(head.GetByTestId("resend-done")).ToContainTextAsync("Tautan sebelumnya tidak berlaku lagi");

        // The new email arrives in the (live) mailbox.
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "Terkirim" })).ToHaveCountAsync(2);
        var links = new[] { await VerificationLinkAsync(mailbox, rows.Nth(0)), await VerificationLinkAsync(mailbox, rows.Nth(1)) };
        var newLink = Assert.Single(links, l => l != oldLink);

        await head.GotoAsync(oldLink);
        await Expect(head.GetByTestId("verification-result")).ToHaveAttributeAsync("data-status", nameof(VerificationStatus.Expired));
        await Expect(head.GetByTestId("verification-result")).ToContainTextAsync("telah diganti dengan tautan yang lebih baru");
        await head.GotoAsync(newLink);
        await Expect(head.GetByTestId("verification-result")).ToContainTextAsync("Selamat, akun Kepala Madrasah telah aktif");

        await BrowserFixture.SignInOnPageAsync(head, email, password);
        await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Beranda Kepala Madrasah" })).ToBeVisibleAsync();
        await head.Context.CloseAsync();
        await mailbox.Context.CloseAsync();
    }

    /// <summary>Opens a message of the development mailbox and reads its "Verifikasi Email Sekarang" link.</summary>
    private static async Task<string> VerificationLinkAsync(IPage mailbox, ILocator row)
    {
        await row.ClickAsync();
        await Expect(mailbox.GetByTestId("mail-view")).ToHaveAttributeAsync("data-id", (await row.GetAttributeAsync("data-id"))!);
        var link = await mailbox.GetByTestId("mail-body").GetByRole(AriaRole.Link, new() { Name = "Verifikasi Email Sekarang" }).GetAttributeAsync("href");
        Assert.Contains("/registrasi-kepala/verifikasi-email?token=", link);
        return link!;
    }
}
