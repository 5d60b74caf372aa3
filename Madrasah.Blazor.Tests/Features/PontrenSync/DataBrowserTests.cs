using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Spreadsheets;
using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>
/// "Verifikasi data lembaga" in a real browser, on an app of its own (it adds santri to the demo pesantren): the
/// operator opens the page from the menu, downloads the template (NIK and NISN text columns), imports a CSV with one
/// bad row (sees its line number, nothing added), fixes the file, imports again and sees the santri and
/// "Data siap disinkronkan". A madrasah operator has no such menu item and is refused the URL.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class DataBrowserTests(BrowserFixture fixture, OwnAppFixture own, ITestOutputHelper output) : IClassFixture<OwnAppFixture>
{
    private const string Header = "NIK;NISN;Nama Lengkap;Jenis Kelamin (L/P);Tempat Lahir;Tanggal Lahir (dd-mm-yyyy);Jenjang";
    private const string Siti = "3404075003120001;0121234567;Siti Maimunah;P;Sleman;10-03-2012;Wustha";

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync(own.App);
        await BrowserFixture.SignInOnPageAsync(page, email);
        return page;
    }

    private static FilePayload Csv(string name, params string[] lines) =>
        new() { Name = name, MimeType = "text/csv", Buffer = [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines))] };

    [Fact]
    public async Task Operator_imports_a_CSV_sees_the_bad_line_fixes_it_and_the_data_is_ready_to_sync()
    {
        var page = await SignInAsync("operator@alhikmah.ponpes.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Verifikasi Data Lembaga" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verifikasi Data Lembaga", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("data-verdict")).ToContainTextAsync("Data siap disinkronkan");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Santri (30)" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Impor dari Excel/CSV" }).ClickAsync();

        // The template: NIK and NISN are text columns.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Unduh template (.xlsx)" }).ClickAsync());
        Assert.Equal("template-santri.xlsx", download.SuggestedFilename);
        var template = SheetReader.Read(await File.ReadAllBytesAsync((await download.PathAsync())!), "template-santri.xlsx", SheetLimits.Default);
        Assert.Null(template.Error);
        Assert.Equal(DataImportRules.SantriColumns, template.Headers);

        // One bad row: its line number and field, nothing added.
        var import = page.GetByTestId("santri-import");
        await page.Locator("#santri-import-file").SetInputFilesAsync(Csv("santri-baru.csv", Header, Siti, "3.40407E+15;;Umar Faruq;L;Bantul;17-08-2011;Ulya"));
        await Expect(import.GetByTestId("santri-summary")).ToContainTextAsync("santri-baru.csv: tidak ada data yang disimpan. 1 baris bermasalah");
        await Expect(import.GetByTestId("santri-problems")).ToContainTextAsync("Baris 3: NIK \"3.40407E+15\" tertulis sebagai angka Excel");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Santri (30)" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("santri-pager-range")).ToHaveTextAsync("1–25 dari 30 data");

        var problems = new List<string>();
        await AccessibilityBrowserTests.CheckShownAsync(page, "/pontren/data (santri, import refused)", problems);

        // Fixed: both santri are in, and the check still passes.
        await page.Locator("#santri-import-file").SetInputFilesAsync(Csv("santri-baru.csv", Header, Siti, "3404071708110002;;Umar Faruq;L;Bantul;17-08-2011;Ulya"));
        await Expect(import.GetByTestId("santri-summary")).ToContainTextAsync("santri-baru.csv: impor berhasil, 2 ditambahkan, 0 diperbarui, 0 tidak berubah.");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Santri (32)" })).ToBeVisibleAsync();
        await page.GetByLabel("Cari santri").FillAsync("Maimunah");
        await Expect(page.GetByTestId("santri-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("santri-row")).ToContainTextAsync("3404075003120001");
        await Expect(page.GetByTestId("data-verdict")).ToContainTextAsync("Data siap disinkronkan");

        // The dialog of one santri, checked too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ubah Siti Maimunah" }).ClickAsync();
        await Expect(page.GetByTestId("santri-dialog")).ToBeVisibleAsync();
        await Expect(page.Locator("#santri-nik")).ToHaveValueAsync("3404075003120001");
        await AccessibilityBrowserTests.CheckShownAsync(page, "/pontren/data (santri dialog)", problems);
        await page.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems);
    }

    [Fact]
    public async Task A_madrasah_operator_has_no_menu_item_and_is_refused_the_page()
    {
        var page = await SignInAsync("operator@min1sleman.sch.id");
        await Expect(page.Locator("nav#app-nav")).ToContainTextAsync("Pengajuan Perubahan");
        await Expect(page.Locator("nav#app-nav")).Not.ToContainTextAsync("Verifikasi Data Lembaga");
        await BrowserFixture.OpenAsync(page, own.App.BaseUrl + "/pontren/data");
        await Expect(page.GetByTestId("data-not-allowed")).ToContainTextAsync("hanya untuk operator pondok pesantren");
        var response = await page.Context.APIRequest.GetAsync(own.App.BaseUrl + PontrenDataServiceCollectionExtensions.SantriTemplatePath);
        Assert.Equal(404, response.Status);
        await page.Context.CloseAsync();
    }
}
