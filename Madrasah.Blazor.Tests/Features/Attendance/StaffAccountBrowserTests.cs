using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>
/// The personnel officer creates the account of a staff member without one (Sutrisno, Staf Tata Usaha of MIN 1 Sleman);
/// the person opens the one-time link from the email, sets a password and signs in with the NIP. On an app of its own,
/// so the shared demo staff stay without accounts.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class StaffAccountBrowserTests(BrowserFixture fixture, OwnAppFixture own) : IClassFixture<OwnAppFixture>, IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private const string Nip = "198001012005011003";
    private const string Email = "sutrisno.tu@gmail.com";
    private const string Password = "Ngaglik#Sleman2026";

    [Fact]
    public async Task The_officer_creates_the_account_and_the_staff_member_sets_a_password_from_the_link_and_signs_in_with_the_NIP()
    {
        var officer = await fixture.NewPageAsync(own.App);
        await BrowserFixture.SignInOnPageAsync(officer, "kepegawaian@min1sleman.sch.id");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Akun Pegawai" }).ClickAsync();
        var row = officer.GetByTestId("staff-account-row").Filter(new() { HasText = "Sutrisno" });
        await Expect(row.GetByTestId("staff-account-state")).ToHaveTextAsync("Belum ada akun");
        await Expect(row).ToContainTextAsync(Nip);

        await row.GetByRole(AriaRole.Button, new() { Name = "Buat Akun" }).ClickAsync();
        var form = officer.GetByTestId("staff-account-form");
        await Expect(form.GetByTestId("staff-account-id")).ToHaveTextAsync(Nip);
        await Expect(form.Locator("input[type=password]")).ToHaveCountAsync(0);
        await form.GetByLabel("Email").FillAsync(Email);
        await BrowserFixture.ScreenshotAsync(officer, "attendance-staff-account-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Buat Akun & Kirim Tautan" }).ClickAsync();
        await Expect(row.GetByTestId("staff-account-state")).ToHaveTextAsync("Undangan terkirim");
        await Expect(officer.GetByTestId("staff-account-form")).ToHaveCountAsync(0);

        // The pickup mail's activation link; the person sets a password (the officer's open list turns "Aktif").
        var mailbox = await fixture.OpenMailboxAsync(own.App);
        await mailbox.GetByTestId("mail-row").Filter(new() { HasText = Email }).Filter(new() { HasText = "Aktivasi Akun Madrasah" }).First.ClickAsync();
        var link = await mailbox.GetByTestId("mail-body").GetByRole(AriaRole.Link, new() { Name = "Aktifkan Akun" }).GetAttributeAsync("href");
        Assert.StartsWith(own.App.BaseUrl + "/akun/atur-password?id=", link);
        await mailbox.Context.CloseAsync();

        var person = await fixture.NewPageAsync(own.App);
        await BrowserFixture.OpenAsync(person, link!);
        await person.GetByLabel("Password Baru").FillAsync(Password);
        await person.GetByLabel("Ulangi Password").FillAsync(Password);
        await person.GetByRole(AriaRole.Button, new() { Name = "Simpan Password" }).ClickAsync();
        await Expect(person.GetByTestId("password-set")).ToContainTextAsync("Password tersimpan");
        await Expect(row.GetByTestId("staff-account-state")).ToHaveTextAsync("Aktif");

        // Sign-in with the NIP as the user id.
        await BrowserFixture.SignInOnPageAsync(person, Nip, Password);
        await Expect(person.GetByTestId("dashboard")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(officer, "attendance-staff-accounts");

        await officer.Context.CloseAsync();
        await person.Context.CloseAsync();
    }
}
