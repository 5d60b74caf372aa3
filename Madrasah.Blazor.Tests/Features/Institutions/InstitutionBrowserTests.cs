using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.Institutions;

[Collection(BrowserCollection.Name)]
public sealed class InstitutionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Operator_sees_own_staff_in_an_Indonesian_table()
    {
        var page = await fixture.SignInAsync("operator@min1sleman.sch.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "PTK & Pegawai" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Nur Hidayah, S.Pd.I." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sutrisno" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Fatimah Azzahra, S.Pd.")).ToHaveCountAsync(0); // MTs staff
        await Expect(page.GetByText("Non-ASN").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "staff-list");

        await Expect(page.GetByText("1 - 4 dari 4 data")).ToBeVisibleAsync();
        await page.GetByPlaceholder("Cari nama atau jabatan…").FillAsync("Iqbal");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Muhammad Iqbal, S.Pd." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sutrisno" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_of_another_institution_stay_hidden_whatever_the_url()
    {
        var page = await fixture.SignInAsync("operator@mtsn3sleman.sch.id");
        await page.GotoAsync("/lembaga/1/pegawai");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "PTK & Pegawai" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Tidak ada data")).ToBeVisibleAsync();
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
