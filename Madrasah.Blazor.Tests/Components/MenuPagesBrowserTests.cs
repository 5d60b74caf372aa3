using System.Text.RegularExpressions;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>
/// Each demo account of the README signs in and sees its own dashboard and menu only; then every page of that menu is
/// visited as the user does (sign in, then click through the menu: in-app
/// navigation through the circuit) on the app as configured for production, over HTTPS: each page loads under the
/// production Content-Security-Policy without a single violation, keeps a live circuit, and has no serious or critical
/// axe-core violation (WCAG 2.0/2.1 A and AA). The pages are taken from the rendered menu, so a page added to a role's
/// menu is checked without touching this test. One visit serves both checks: the menus hold about 55 pages, and
/// visiting them twice (once per check, each page loaded in full) was the largest single cost of the browser tests.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class MenuPagesBrowserTests(BrowserFixture fixture, SecureProductionApp production, ITestOutputHelper output) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    /// <summary>Every demo account of the README: its dashboard's heading, the institution or office it works for, its menu.</summary>
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
    public async Task A_demo_account_sees_its_own_dashboard_and_menu_whose_pages_pass_the_policy_and_axe(string email, string dashboardTitle, string contextName, string[] menu)
    {
        var (page, violations) = await ContentSecurityPolicyBrowserTests.NewWatchedPageAsync(fixture.Browser, production.App);
        var response = await page.GotoAsync("/Account/Login");
        Assert.Contains("script-src 'self' 'nonce-", await response!.HeaderValueAsync("content-security-policy") ?? "");
        await BrowserFixture.SignInOnPageAsync(page, email);
        Assert.StartsWith("https://", page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = dashboardTitle })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Beranda — Madrasah");
        await Expect(page.GetByTestId("context-name")).ToHaveTextAsync(contextName);
        var links = page.Locator("#app-nav a.app-nav-link");
        await Expect(links).ToHaveTextAsync(menu.Select(Exact).ToArray());
        await BrowserFixture.ScreenshotAsync(page, "dashboard-" + email.Split('@')[0]);

        var hrefs = (await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Distinct().ToList();
        Assert.NotEmpty(hrefs);
        var problems = new List<string>();
        foreach (var href in hrefs)
        {
            if (href != new Uri(page.Url).AbsolutePath)
            {
                var title = await page.TitleAsync();
                await page.Locator($"#app-nav a.app-nav-link[href='{href}']").First.ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + "$"));
                await Expect(page).Not.ToHaveTitleAsync(title); // the new page has rendered (each sets its own title)
            }
            await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
            await BrowserFixture.WaitForInteractiveAsync(page);
            await AccessibilityBrowserTests.CheckShownAsync(page, href, problems);
        }
        Assert.True(violations.IsEmpty, $"{email}: {string.Join("\n", violations)}");
        await page.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems, $"{email}: {hrefs.Count} pages ({string.Join(", ", hrefs)})");
    }

    /// <summary>A menu label, with or without the count badge beside it.</summary>
    private static Regex Exact(string label) => new($"^\\s*{Regex.Escape(label)}\\s*\\d*\\s*$");
}
