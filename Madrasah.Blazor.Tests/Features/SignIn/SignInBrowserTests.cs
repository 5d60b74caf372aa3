using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.SignIn;

/// <summary>
/// Signing in and out, and what a signed-in user is refused (each demo account's own dashboard and menu are checked by
/// <see cref="Components.MenuPagesBrowserTests"/>, which visits every menu page).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class SignInBrowserTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task A_user_signs_out_is_sent_to_the_sign_in_page_and_signs_in_again()
    {
        var page = await fixture.SignInAsync("kepala@min1sleman.sch.id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        await BrowserFixture.SignInOnPageAsync(page, "kepala@min1sleman.sch.id");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beranda Kepala Madrasah" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_Pegawai_is_refused_another_roles_page_the_colleagues_list_and_the_institution_page()
    {
        var page = await fixture.SignInAsync("nur.hidayah@guru.demo.id");
        foreach (var path in new[] { "/kabupaten/lembaga", "/pegawai", "/lembaga", "/lembaga/1", "/lembaga/1/pegawai" })
        {
            await page.GotoAsync(path); // typed into the address bar
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Akses ditolak" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("district-institutions")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("staff-table")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("institution-identity")).ToHaveCountAsync(0);
            await Expect(page.GetByText("iqbal@guru.demo.id")).ToHaveCountAsync(0); // a colleague's email
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cetak Profil Lembaga (PDF)" })).ToHaveCountAsync(0);
        }
        await BrowserFixture.ScreenshotAsync(page, "pegawai-refused");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_institution_is_not_found_by_id()
    {
        var page = await fixture.SignInAsync("operator@mtsn3sleman.sch.id");
        await page.GotoAsync("/lembaga");
        await Expect(page.GetByTestId("institution-name")).ToHaveTextAsync("MTs Negeri 3 Sleman");

        // MIN 1 Sleman is the first institution of the demo data; typing its id must not reveal it.
        await page.GotoAsync("/lembaga/1");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Halaman tidak ditemukan" })).ToBeVisibleAsync();
        await Expect(page.GetByText("MIN 1 Sleman")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_Indonesian_and_keeps_the_email()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync("operator@min1sleman.sch.id");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Salah#Sandi123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("Email atau Password salah");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync("operator@min1sleman.sch.id");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Empty_sign_in_form_names_the_missing_fields()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await BrowserFixture.ScreenshotAsync(page, "login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        await Expect(page.GetByText("Email atau NIK wajib diisi.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Password wajib diisi.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unknown_address_shows_the_Indonesian_not_found_page()
    {
        var page = await fixture.SignInAsync("operator@min1sleman.sch.id");
        var response = await page.GotoAsync("/halaman-yang-tidak-ada");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Halaman tidak ditemukan" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
