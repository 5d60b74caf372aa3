using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Time;

[Collection(BrowserCollection.Name)]
public sealed class HolidayCalendarBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_administrator_completes_next_years_calendar()
    {
        var page = await fixture.SignInAsync("admin@madrasah.demo.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kalender Hari Libur" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-year")).ToHaveTextAsync("2026");
        await Expect(page.GetByTestId("holiday-table").Locator("tbody tr")).ToHaveCountAsync(25);
        await Expect(page.GetByTestId("calendar-incomplete")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Tahun berikutnya" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-year")).ToHaveTextAsync("2027");
        await Expect(page.GetByTestId("calendar-incomplete")).ToBeVisibleAsync();

        await page.GetByLabel("Tanggal").FillAsync("2027-03-10");
        await page.GetByLabel("Keterangan").FillAsync("Hari Raya Idul Fitri 1448 Hijriah");
        await page.GetByRole(AriaRole.Button, new() { Name = "SIMPAN" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hari Raya Idul Fitri 1448 Hijriah" })).ToContainTextAsync("Rabu, 10 Maret 2027");
        await BrowserFixture.ScreenshotAsync(page, "holiday-calendar");

        await page.GetByLabel("Tanggal").FillAsync("2027-03-10");
        await page.GetByLabel("Keterangan").FillAsync("Dobel");
        await page.GetByRole(AriaRole.Button, new() { Name = "SIMPAN" }).ClickAsync();
        await Expect(page.GetByTestId("holiday-error")).ToHaveTextAsync("Tanggal: 10 Maret 2027 sudah tercatat sebagai hari libur.");
        await Expect(page.GetByLabel("Keterangan")).ToHaveValueAsync("Dobel");
        await page.Context.CloseAsync();
    }
}
