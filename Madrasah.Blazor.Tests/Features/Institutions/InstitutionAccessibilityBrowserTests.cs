using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.Institutions;

/// <summary>
/// axe-core on the institution pages no menu lists (AccessibilityBrowserTests checks the menus' pages): an institution
/// and its staff opened by the district, "Tambah Lembaga" with a drop-down open, the registry's district search.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class InstitutionAccessibilityBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task The_district_admins_institution_pages_and_form_have_no_serious_violations()
    {
        var problems = new List<string>();
        var district = await fixture.SignInAsync("admin@kemenagsleman.go.id");
        await BrowserFixture.OpenAsync(district, "/kabupaten/lembaga");
        var mts = await district.GetByRole(AriaRole.Link, new() { Name = "MTs Negeri 3 Sleman" }).GetAttributeAsync("href");

        await AccessibilityBrowserTests.CheckAsync(district, mts!, problems, interactive: true);
        await AccessibilityBrowserTests.CheckAsync(district, mts + "/pegawai", problems, interactive: true);
        await AccessibilityBrowserTests.CheckAsync(district, "/lembaga/baru", problems, interactive: true);
        await district.GetByTestId("institution-type").ClickAsync();
        await Expect(district.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await AccessibilityBrowserTests.CheckShownAsync(district, "/lembaga/baru with Jenjang / Jenis open", problems);

        await district.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems);
    }

    [Fact]
    public async Task The_registrys_district_search_has_no_serious_violations()
    {
        var problems = new List<string>();
        var admin = await fixture.SignInAsync("admin@madrasah.demo.id");
        await BrowserFixture.OpenAsync(admin, "/admin/lembaga");
        await admin.GetByTestId("new-district").GetByLabel("Kabupaten/Kota", new() { Exact = true }).FillAsync("kulon");
        await Expect(admin.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await AccessibilityBrowserTests.CheckShownAsync(admin, "/admin/lembaga with the regency search open", problems);
        await admin.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems);
    }
}
