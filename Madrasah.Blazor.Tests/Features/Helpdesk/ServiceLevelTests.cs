using Microsoft.EntityFrameworkCore;
using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Infrastructure.Time;
using static Madrasah.Blazor.Tests.Features.Helpdesk.HelpdeskTestKit;

namespace Madrasah.Blazor.Tests.Features.Helpdesk;

/// <summary>The answer is due 3 working days (27 office hours, Mon–Fri 08:00–17:00 WIB, not on holidays) after the report; the clock pauses while waiting for the requester.</summary>
public class ServiceLevelTests
{
    [Fact]
    public async Task A_report_on_Thursday_morning_is_due_on_Tuesday_across_the_weekend()
    {
        await using var kit = await CreateAsync(Thursday10);
        var ticket = await kit.SubmitAsync();
        // Thu 7 h + Fri 9 h + Mon 9 h + Tue 2 h = 27 office hours.
        Assert.Equal(Wib(2026, 12, 8, 10), ticket.DueUtc);
        Assert.StartsWith("HD-2026-", ticket.Number);
    }

    [Fact]
    public async Task National_holidays_and_collective_leave_do_not_count()
    {
        await using var kit = await CreateAsync(new DateTimeOffset(Wib(2026, 12, 21, 10), TimeSpan.Zero)); // Monday
        await kit.Calendar.AddAsync(kit.Admin, new DateOnly(2026, 12, 24), "Cuti Bersama Natal", HolidayKind.CutiBersama);
        await kit.Calendar.AddAsync(kit.Admin, new DateOnly(2026, 12, 25), "Hari Raya Natal", HolidayKind.LiburNasional);
        var ticket = await kit.SubmitAsync();
        // Mon 7 + Tue 9 + Wed 9 = 25; Thu and Fri closed; Mon 28 Dec 2 h.
        Assert.Equal(Wib(2026, 12, 28, 10), ticket.DueUtc);
    }

    [Fact]
    public async Task A_report_on_a_holiday_starts_counting_at_the_next_opening()
    {
        await using var kit = await CreateAsync(new DateTimeOffset(Wib(2026, 12, 25, 9), TimeSpan.Zero)); // Friday, Natal
        await kit.Calendar.AddAsync(kit.Admin, new DateOnly(2026, 12, 25), "Hari Raya Natal", HolidayKind.LiburNasional);
        var ticket = await kit.SubmitAsync();
        Assert.Equal(Wib(2026, 12, 30, 17), ticket.DueUtc); // Mon 28 08:00 + 27 h = Wed 30 17:00
    }

    [Theory]
    [InlineData(4, 17, 30, 9, 17, 0)] // Friday after closing: counting starts Monday 08:00, due Wednesday 17:00
    [InlineData(4, 16, 30, 9, 17, 0)] // Friday at the 16:30 cut-off: the same, the last half hour does not count
    [InlineData(4, 16, 29, 9, 16, 29)] // Friday before the cut-off: counted from the moment it arrives (31 minutes on Friday)
    [InlineData(3, 16, 45, 8, 17, 0)] // Thursday after the cut-off: counting starts Friday 08:00 (Fri + Mon + Tue)
    public async Task The_daily_cut_off_moves_a_late_report_to_the_next_opening(int day, int hour, int minute, int dueDay, int dueHour, int dueMinute)
    {
        await using var kit = await CreateAsync(new DateTimeOffset(Wib(2026, 12, day, hour, minute), TimeSpan.Zero));
        var ticket = await kit.SubmitAsync();
        Assert.Equal(Wib(2026, 12, dueDay, dueHour, dueMinute), ticket.DueUtc);
    }

    [Fact]
    public async Task The_cut_off_is_a_setting()
    {
        await using var kit = await CreateAsync(new DateTimeOffset(Wib(2026, 12, 4, 16, 30), TimeSpan.Zero),
            new Dictionary<string, string?> { ["Helpdesk:DailyCutOff"] = "16:45" });
        var ticket = await kit.SubmitAsync();
        Assert.Equal(Wib(2026, 12, 9, 16, 30), ticket.DueUtc); // before the 16:45 cut-off: the half hour counts
    }

    [Fact]
    public async Task The_requester_is_told_the_cut_off_rule_with_the_due_time()
    {
        await using var kit = await CreateAsync(new DateTimeOffset(Wib(2026, 12, 4, 16, 40), TimeSpan.Zero));
        var ticket = await kit.SubmitAsync();
        await using var db = kit.Database.CreateContext();
        var mail = await db.Set<Madrasah.Blazor.Infrastructure.Email.OutboxMessage>().SingleAsync(m => m.Subject.Contains(ticket.Number));
        Assert.Contains("9 Desember 2026", mail.TextBody);
        Assert.Contains("mulai pukul 16.30 WIB atau pada hari libur mulai dihitung pada jam kerja berikutnya", mail.TextBody);
    }

    [Fact]
    public async Task The_clock_pauses_while_waiting_for_the_requester_and_resumes_with_what_was_left()
    {
        await using var kit = await CreateAsync(Thursday10);
        var ticket = await kit.SubmitAsync();
        kit.Clock.Advance(TimeSpan.FromHours(24)); // Friday 10:00: 18 office hours left
        Assert.True((await kit.Agents.AskForInformationAsync(kit.Agent, ticket.Id, "Mohon lampirkan SK penunjukan operator.")).Succeeded);
        var waiting = await kit.TicketAsync(ticket.Number);
        Assert.Equal(TicketStatus.MenungguInformasi, waiting.Status);
        Assert.Null(waiting.DueUtc);
        Assert.Equal(TimeSpan.FromHours(18), TimeSpan.FromTicks(waiting.PausedRemainingTicks!.Value));

        kit.Clock.Advance(TimeSpan.FromHours(24)); // Saturday 10:00: no office time passes while paused anyway
        Assert.True((await kit.Requester.AnswerAsync(await kit.LatestTokenAsync(), "Terlampir SK-nya.", [Pdf()], "203.0.113.10")).Succeeded);
        var resumed = await kit.TicketAsync(ticket.Number);
        Assert.Equal(TicketStatus.Diproses, resumed.Status);
        Assert.Equal(Wib(2026, 12, 8, 17), resumed.DueUtc); // Mon 9 + Tue 9 = 18 h from Monday 08:00
    }

    [Fact]
    public async Task An_overdue_ticket_is_marked_and_found_by_the_overdue_filter()
    {
        await using var kit = await CreateAsync(Thursday10);
        var ticket = await kit.SubmitAsync();
        Assert.Empty((await kit.Agents.ListAsync(kit.Agent, new QueueQuery(OverdueOnly: true))).Rows);
        kit.Clock.Advance(TimeSpan.FromDays(5).Add(TimeSpan.FromMinutes(1))); // Tuesday 10:01
        var page = await kit.Agents.ListAsync(kit.Agent, new QueueQuery(OverdueOnly: true, ProvinceCode: "34"));
        var row = Assert.Single(page.Rows);
        Assert.Equal(ticket.Number, row.Number);
        Assert.True(row.Overdue);
        Assert.Empty((await kit.Agents.ListAsync(kit.Agent, new QueueQuery(OverdueOnly: true, ProvinceCode: "31"))).Rows);
        Assert.True((await kit.Agents.GetAsync(kit.Agent, ticket.Id))!.Overdue);
    }

    [Fact]
    public void Describing_the_due_time()
    {
        var now = new DateTime(2026, 12, 3, 3, 0, 0, DateTimeKind.Utc);
        Assert.Equal("2 hari 3 jam lagi", ServiceLevel.Describe(now.AddHours(51), now));
        Assert.Equal("terlambat 5 jam", ServiceLevel.Describe(now.AddHours(-5), now));
    }
}
