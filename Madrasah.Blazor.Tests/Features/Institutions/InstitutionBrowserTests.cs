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
    public async Task Clicking_Nama_sorts_the_staff_by_name_both_ways()
    {
        var page = await fixture.SignInAsync("operator@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(page, "/pegawai");
        var names = page.GetByTestId("staff-table").Locator("tbody tr td:first-child");
        string[] ascending = ["Muhammad Iqbal, S.Pd.", "Nur Hidayah, S.Pd.I.", "Rina Marlina, S.Pd.", "Sutrisno"];
        await Expect(names).ToHaveTextAsync(ascending);

        var header = page.GetByTestId("staff-table").Locator("th").Filter(new() { HasText = "Nama" });
        await header.ClickAsync();
        await Expect(names).ToHaveTextAsync(ascending);
        await header.ClickAsync();
        await Expect(names).ToHaveTextAsync(ascending.AsEnumerable().Reverse().ToArray());
        await BrowserFixture.ScreenshotAsync(page, "staff-list-sorted-descending");

        // Sorting and searching together.
        await page.GetByPlaceholder("Cari nama atau jabatan…").FillAsync("guru");
        await Expect(names).ToHaveTextAsync(["Rina Marlina, S.Pd.", "Nur Hidayah, S.Pd.I.", "Muhammad Iqbal, S.Pd."]);
        await page.Context.CloseAsync();
    }

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
        await page.GotoAsync("/lembaga/1/pegawai");
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
