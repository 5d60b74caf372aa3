using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.Institutions;

/// <summary>
/// Going from list to institution to staff in a real browser, and what a typed address must not reveal. The staff
/// table's own paging, search and sorting are component tests (StaffListPageTests).
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class InstitutionBrowserTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task District_admin_opens_the_staff_of_an_institution_from_the_district_list()
    {
        var page = await fixture.SignInAsync("admin@kemenagsleman.go.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lembaga di Kabupaten" }).ClickAsync();
        await page.GetByTestId("district-institutions").Locator("tr").Filter(new() { HasText = "MTs Negeri 3 Sleman" })
            .GetByRole(AriaRole.Link, new() { Name = "3", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("staff-institution")).ToHaveTextAsync("MTs Negeri 3 Sleman");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Fatimah Azzahra, S.Pd." })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_of_another_institution_stay_hidden_whatever_the_url()
    {
        var page = await fixture.SignInAsync("operator@mtsn3sleman.sch.id");
        var response = await page.GotoAsync("/lembaga/1/pegawai");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Halaman tidak ditemukan" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("staff-table")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Nur Hidayah, S.Pd.I.")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task District_admin_lists_the_district_and_opens_an_institution()
    {
        var page = await fixture.SignInAsync("admin@kemenagsleman.go.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lembaga di Kabupaten" }).ClickAsync();
        var rows = page.GetByTestId("district-institutions").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Link, new() { Name = "MTs Negeri 3 Sleman" }).ClickAsync();
        await Expect(page.GetByTestId("institution-name")).ToHaveTextAsync("MTs Negeri 3 Sleman");
        await page.Context.CloseAsync();
    }
}
