using Bunit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Time;

/// <summary>"Kalender Hari Libur": the date typed as dd/MM/yyyy, messages beside their fields, removal after "Ya, Hapus".</summary>
public sealed class HolidayCalendarPageTests : ComponentTestContext
{
    private static readonly UserScope Admin = new("admin-1", "admin@madrasah.demo.id", "Administrator Sistem", Roles.Admin, null, null);

    public HolidayCalendarPageTests() : base((services, _) => services.AddMadrasahTime()) => SignInAs(Admin);

    private static void Fill(IRenderedComponent<HolidayCalendarPage> page, string date, string name)
    {
        page.Find("input[data-testid=holiday-date]").Change(date);
        page.Find("input[data-testid=holiday-name]").Input(name);
        page.Find("form").Submit();
    }

    [Fact]
    public void The_year_with_the_decree_is_complete_and_the_next_one_asks_to_be_completed()
    {
        var page = Render<HolidayCalendarPage>();
        var thisYear = Wib.Today(TimeProvider.System).Year;

        page.WaitForAssertion(() => Assert.Equal(thisYear.ToString(), page.Find("[data-testid=calendar-year]").TextContent));

        page.Find("button[aria-label='Tahun berikutnya']").Click();

        page.WaitForAssertion(() => Assert.Equal((thisYear + 1).ToString(), page.Find("[data-testid=calendar-year]").TextContent));
        Assert.Matches(@"Kalender \d{4} baru memuat \d tanggal", page.Find("[data-testid=calendar-incomplete]").TextContent);
    }

    [Fact]
    public void A_day_typed_as_dd_MM_yyyy_is_added_and_the_form_starts_empty_again()
    {
        var providers = RenderMudProviders();
        var page = Render<HolidayCalendarPage>();

        Fill(page, "10/03/2027", "Hari Raya Idul Fitri 1448 Hijriah");

        page.WaitForAssertion(() => Assert.Equal("2027", page.Find("[data-testid=calendar-year]").TextContent));
        var row = page.FindAll("[data-testid=holiday-table] tbody tr").Single(r => r.TextContent.Contains("Hari Raya Idul Fitri 1448 Hijriah"));
        Assert.Contains("Rabu, 10 Maret 2027", row.TextContent);
        Assert.Contains("status-danger", row.QuerySelector(".status-chip")!.ClassList);
        Assert.Contains("Libur Nasional 10 Maret 2027 ditambahkan.", providers.Markup);
        Assert.Equal("", page.Find("input[data-testid=holiday-date]").GetAttribute("value") ?? "");
        Assert.Empty(page.FindAll(".mud-input-error"));
    }

    [Fact]
    public void A_day_already_in_the_calendar_is_refused_beside_the_date_keeping_the_input()
    {
        var page = Render<HolidayCalendarPage>();

        Fill(page, "17/08/2026", "Dobel");

        page.WaitForAssertion(() => Assert.Equal("17 Agustus 2026 sudah tercatat sebagai hari libur.",
            page.Find("input[data-testid=holiday-date]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Trim()));
        Assert.Equal("Dobel", page.Find("input[data-testid=holiday-name]").GetAttribute("value"));
    }

    private static string MessageBeside(IRenderedComponent<HolidayCalendarPage> page, string testId) =>
        page.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Trim();

    [Theory]
    [InlineData("01/01/0001")]
    [InlineData("31/12/9999")]
    [InlineData("31/12/1999")]
    public void A_day_outside_2000_to_five_years_ahead_is_refused_beside_the_date_keeping_the_input(string date)
    {
        var page = Render<HolidayCalendarPage>();
        var last = Wib.Today(TimeProvider.System).Year + HolidayCalendar.YearsAhead;

        Fill(page, date, "Hari Libur Uji");

        page.WaitForAssertion(() => Assert.Equal($"Tanggal harus antara tahun 2000 dan {last}.", MessageBeside(page, "holiday-date")));
        Assert.Equal("Hari Libur Uji", page.Find("input[data-testid=holiday-name]").GetAttribute("value"));
    }

    [Fact]
    public async Task The_first_and_last_years_of_the_range_are_taken()
    {
        var calendar = Services.GetRequiredService<HolidayCalendar>();
        Assert.True((await calendar.AddAsync(Admin, new DateOnly(2000, 1, 1), "Tahun Baru 2000 Masehi", HolidayKind.LiburNasional)).Succeeded);
        Assert.True((await calendar.AddAsync(Admin, new DateOnly(calendar.LastYear, 12, 31), "Hari Libur Uji", HolidayKind.CutiBersama)).Succeeded);
        Assert.False((await calendar.AddAsync(Admin, new DateOnly(calendar.LastYear + 1, 1, 1), "Hari Libur Uji", HolidayKind.CutiBersama)).Succeeded);
    }

    [Theory]
    [InlineData("\u200B\u200B", "Keterangan harus memuat huruf atau angka yang terlihat")]
    [InlineData("Idul Fitri\u202E", "Keterangan tidak boleh memuat karakter pengatur arah teks")]
    public void A_description_of_invisible_or_direction_characters_is_refused_beside_Keterangan(string name, string message)
    {
        var page = Render<HolidayCalendarPage>();

        Fill(page, "12/03/2027", name);

        page.WaitForAssertion(() => Assert.StartsWith(message, MessageBeside(page, "holiday-name")));
    }

    [Fact]
    public void Without_a_description_the_message_stands_beside_Keterangan()
    {
        var page = Render<HolidayCalendarPage>();

        Fill(page, "11/03/2027", "");

        page.WaitForAssertion(() => Assert.Equal("Keterangan wajib diisi.",
            page.Find("input[data-testid=holiday-name]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Trim()));
    }

    [Fact]
    public async Task A_day_is_removed_only_after_Ya_Hapus()
    {
        var providers = RenderMudProviders();
        var page = Render<HolidayCalendarPage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=holiday-table] tbody tr").Count));
        var row = page.FindAll("[data-testid=holiday-table] tbody tr").Single(r => r.TextContent.Contains("Proklamasi Kemerdekaan"));

        row.QuerySelector("button")!.Click();
        providers.WaitForAssertion(() => Assert.Contains("Hapus Proklamasi Kemerdekaan (17 Agustus 2026) dari kalender?", providers.Markup));
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Batal").Click();
        await using (var db = Database.CreateContext())
            Assert.True(await db.Set<Holiday>().AnyAsync(h => h.Date == new DateOnly(2026, 8, 17)));

        page.FindAll("[data-testid=holiday-table] tbody tr").Single(r => r.TextContent.Contains("Proklamasi Kemerdekaan")).QuerySelector("button")!.Click();
        providers.WaitForAssertion(() => providers.FindAll("button").Single(b => b.TextContent.Trim() == "Ya, Hapus").Click());

        page.WaitForAssertion(() => Assert.Equal(24, page.FindAll("[data-testid=holiday-table] tbody tr").Count));
        await using (var db = Database.CreateContext())
            Assert.False(await db.Set<Holiday>().AnyAsync(h => h.Date == new DateOnly(2026, 8, 17)));
    }
}
