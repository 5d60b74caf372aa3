using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>
/// "Verifikasi data lembaga" is for pesantren operators only: a madrasah operator has no such menu item, is refused the
/// URL and the santri template. (The operator's own use of the page, import with a bad line included, is part of
/// <see cref="PontrenProcedureBrowserTests"/>.) Reads only, so it runs on the shared app.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DataBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_madrasah_operator_has_no_menu_item_and_is_refused_the_page()
    {
        var page = await fixture.SignInAsync("operator@min1sleman.sch.id");
        await Expect(page.Locator("nav#app-nav")).ToContainTextAsync("Pengajuan Perubahan");
        await Expect(page.Locator("nav#app-nav")).Not.ToContainTextAsync("Verifikasi Data Lembaga");
        await BrowserFixture.OpenAsync(page, PontrenDataServiceCollectionExtensions.PagePath);
        await Expect(page.GetByTestId("data-not-allowed")).ToContainTextAsync("hanya untuk operator pondok pesantren");
        var response = await page.Context.APIRequest.GetAsync(PontrenDataServiceCollectionExtensions.SantriTemplatePath);
        Assert.Equal(404, response.Status);
        await page.Context.CloseAsync();
    }
}
