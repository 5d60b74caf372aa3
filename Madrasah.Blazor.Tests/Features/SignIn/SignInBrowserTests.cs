using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.SignIn;

/// <summary>Every demo account of the README signs in, sees its own dashboard and menu only, signs out and signs in again.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class SignInBrowserTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    public static TheoryData<string, string, string, string[]> Accounts => new()
    {
        { "operator@min1sleman.sch.id", "Beranda Operator Lembaga", "MIN 1 Sleman", ["Beranda", "Data Lembaga", "Pengajuan Perubahan", "PTK & Pegawai", "Akun PTK", "Log Audit", "Hubungi Kami"] },
        { "operator@mtsn3sleman.sch.id", "Beranda Operator Lembaga", "MTs Negeri 3 Sleman", ["Beranda", "Data Lembaga", "Pengajuan Perubahan", "PTK & Pegawai", "Akun PTK", "Log Audit", "Hubungi Kami"] },
        { "operator@alhikmah.ponpes.id", "Beranda Operator Lembaga", "Pondok Pesantren Al-Hikmah Sleman", ["Beranda", "Data Lembaga", "Pengajuan Perubahan", "Verifikasi Data Lembaga", "Sinkronisasi", "PTK & Pegawai", "Akun PTK", "Log Audit", "Hubungi Kami"] },
        { "kepala@min1sleman.sch.id", "Beranda Kepala Madrasah", "MIN 1 Sleman", ["Beranda", "Data Lembaga", "Persetujuan Perubahan", "PTK & Pegawai", "Log Audit", "Hubungi Kami"] },
        { "admin@kemenagsleman.go.id", "Beranda Admin Kabupaten/Kota", "Kantor Kemenag Kabupaten Sleman", ["Beranda", "Lembaga di Kabupaten", "Persetujuan Perubahan", "Pendaftaran Pontren", "Status Sinkronisasi", "Pengguna", "Log Audit", "Hubungi Kami"] },
        { "nur.hidayah@guru.demo.id", "Beranda Pegawai", "MIN 1 Sleman", ["Beranda", "Biodata", "Presensi", "Laporan Pengaduan", "Laporan Ketidakhadiran", "Hubungi Kami"] },
        { "kepegawaian@min1sleman.sch.id", "Beranda Petugas Kepegawaian", "MIN 1 Sleman", ["Beranda", "PTK & Pegawai", "Pengaduan Presensi", "Rekap Presensi", "Impor Mesin Presensi", "Akun Pegawai", "Hubungi Kami"] },
        { "helpdesk@madrasah.demo.id", "Beranda Helpdesk", "Layanan Helpdesk", ["Beranda", "Helpdesk"] },
        { "admin@madrasah.demo.id", "Beranda Administrator", "Administrasi Sistem", ["Beranda", "Pendaftaran Pontren", "Helpdesk", "Pengguna", "Lembaga & Wilayah", "Surat Keluar", "Kalender Hari Libur", "Pengaturan Helpdesk", "Log Audit"] },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Demo_account_sees_own_dashboard_and_menu_signs_out_and_signs_in_again(
        string email, string dashboardTitle, string contextName, string[] menu)
    {
        var page = await fixture.SignInAsync(email);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = dashboardTitle })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Beranda — Madrasah");
        await Expect(page.GetByTestId("context-name")).ToHaveTextAsync(contextName);
        await Expect(MenuLinks(page)).ToHaveTextAsync(menu.Select(Exact).ToArray());
        await BrowserFixture.ScreenshotAsync(page, "dashboard-" + email.Split('@')[0]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        await BrowserFixture.SignInOnPageAsync(page, email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = dashboardTitle })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_roles_page_is_refused()
    {
        var page = await fixture.SignInAsync("nur.hidayah@guru.demo.id");
        await page.GotoAsync("/kabupaten/lembaga");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Akses ditolak" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("district-institutions")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_Pegawai_is_refused_the_colleagues_list_and_the_institution_page()
    {
        var page = await fixture.SignInAsync("nur.hidayah@guru.demo.id");
        foreach (var path in new[] { "/pegawai", "/lembaga", "/lembaga/1", "/lembaga/1/pegawai" })
        {
            await page.GotoAsync(path); // typed into the address bar
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Akses ditolak" })).ToBeVisibleAsync();
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

    private static ILocator MenuLinks(IPage page) =>
        page.Locator(".app-nav .app-nav-link").Filter(new() { HasNotText = "Pengembangan" });

    private static System.Text.RegularExpressions.Regex Exact(string label) =>
        new($"^\\s*{System.Text.RegularExpressions.Regex.Escape(label)}\\s*\\d*\\s*$");
}
