using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.Extensions.DependencyInjection;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Infrastructure.Time;

public sealed class WorkingHoursTests
{
    private static DateTime Wib(int y, int m, int d, int h, int min = 0) =>
        Madrasah.Blazor.Infrastructure.Time.Wib.ToUtc(new DateTime(y, m, d, h, min, 0));

    private static readonly WorkingHours NoHolidays = new(new HashSet<DateOnly>());

    [Fact]
    public void Time_inside_a_working_day_is_simple() =>
        Assert.Equal(Wib(2026, 11, 23, 11), NoHolidays.Add(Wib(2026, 11, 23, 9), TimeSpan.FromHours(2))); // Monday

    [Fact]
    public void Friday_afternoon_continues_on_Monday_morning() =>
        Assert.Equal(Wib(2026, 11, 30, 9), NoHolidays.Add(Wib(2026, 11, 27, 16), TimeSpan.FromHours(2)));

    [Fact]
    public void A_request_at_night_or_at_the_weekend_starts_counting_at_8()
    {
        Assert.Equal(Wib(2026, 11, 24, 10), NoHolidays.Add(Wib(2026, 11, 23, 22), TimeSpan.FromHours(2)));
        Assert.Equal(Wib(2026, 11, 23, 10), NoHolidays.Add(Wib(2026, 11, 21, 13), TimeSpan.FromHours(2))); // Saturday
        Assert.Equal(Wib(2026, 11, 23, 10), NoHolidays.Add(Wib(2026, 11, 23, 6), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Three_working_days_skip_weekends_holidays_and_collective_leave()
    {
        // Thursday 19 March 2026 10:00 (Nyepi itself): Fri 20 (cuti bersama), Sat, Sun, Mon 23 and Tue 24 (cuti bersama)
        // are closed, so counting starts Wed 25 08:00 and 27 office hours end Fri 27 March 17:00.
        var hours = new WorkingHours(new HashSet<DateOnly>
        {
            new(2026, 3, 18), new(2026, 3, 19), new(2026, 3, 20), new(2026, 3, 21), new(2026, 3, 22), new(2026, 3, 23), new(2026, 3, 24),
        });
        Assert.Equal(Wib(2026, 3, 27, 17), hours.AddWorkingDays(Wib(2026, 3, 19, 10), 3));
    }

    [Fact]
    public void Office_time_between_two_moments_counts_only_open_hours()
    {
        Assert.Equal(TimeSpan.FromHours(11), NoHolidays.Between(Wib(2026, 11, 27, 8), Wib(2026, 11, 30, 10))); // Fri 9h + Mon 2h
        Assert.Equal(TimeSpan.Zero, NoHolidays.Between(Wib(2026, 11, 28, 9), Wib(2026, 11, 29, 16)));          // weekend
    }
}

public sealed class HolidayCalendarTests : IAsyncDisposable
{
    private readonly AppServices _services = new((services, _) => services.AddMadrasahTime());
    private HolidayCalendar _calendar => _services.Provider.GetRequiredService<HolidayCalendar>();
    private static readonly UserScope Admin = new("adm", "admin@madrasah.demo.id", "Admin", Roles.Admin, null, null);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task The_2026_decree_is_in_the_calendar_from_the_migration()
    {
        var days = await _calendar.ListAsync(2026);
        Assert.Equal(25, days.Count); // 17 national holidays + 8 days of collective leave
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 3, 21) && d.Name.Contains("Idul Fitri"));
        Assert.Equal(8, days.Count(d => d.Kind == HolidayKind.CutiBersama));
        var hours = await _calendar.GetWorkingHoursAsync();
        Assert.False(hours.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.True(hours.IsWorkingDay(new DateOnly(2026, 12, 23)));
    }

    [Fact]
    public async Task The_admin_adds_a_day_and_working_hours_follow_at_once()
    {
        var hours = await _calendar.GetWorkingHoursAsync();
        Assert.True(hours.IsWorkingDay(new DateOnly(2027, 3, 10)));

        Assert.True((await _calendar.AddAsync(Admin, new DateOnly(2027, 3, 10), "Hari Raya Idul Fitri 1448 Hijriah", HolidayKind.LiburNasional)).Succeeded);

        Assert.False((await _calendar.GetWorkingHoursAsync()).IsWorkingDay(new DateOnly(2027, 3, 10)));
        Assert.Contains(await _calendar.ListAsync(2027), d => d.Name == "Hari Raya Idul Fitri 1448 Hijriah");
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field()
    {
        Assert.Equal(FormResult.Error("Date", "Tanggal wajib diisi.").Errors, (await _calendar.AddAsync(Admin, null, "Libur", HolidayKind.LiburNasional)).Errors);
        Assert.Equal(FormResult.Error("Name", "Keterangan wajib diisi.").Errors, (await _calendar.AddAsync(Admin, new DateOnly(2027, 2, 2), " ", HolidayKind.LiburNasional)).Errors);
        var duplicate = await _calendar.AddAsync(Admin, new DateOnly(2026, 8, 17), "Lagi", HolidayKind.LiburNasional);
        Assert.Equal(FormResult.Error("Date", "17 Agustus 2026 sudah tercatat sebagai hari libur.").Errors, duplicate.Errors);
    }
}
