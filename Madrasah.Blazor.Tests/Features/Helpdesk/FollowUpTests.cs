using Madrasah.Blazor.Features.Helpdesk;
using static Madrasah.Blazor.Tests.Features.Helpdesk.HelpdeskTestKit;

namespace Madrasah.Blazor.Tests.Features.Helpdesk;

/// <summary>"Menunggu informasi": 2 reminders (16 and 32 hours), the automatic close at 48 hours, an answer stops both.</summary>
public class FollowUpTests
{
    private static async Task<(HelpdeskTestKit Kit, HelpdeskTicket Ticket)> AskedAsync()
    {
        var kit = await CreateAsync(Thursday10);
        var ticket = await kit.SubmitAsync();
        var asked = await kit.Agents.AskForInformationAsync(kit.Agent, ticket.Id, "Mohon kirim tangkapan layar pesan kesalahan.");
        Assert.True(asked.Succeeded);
        return (kit, ticket);
    }

    [Fact]
    public async Task The_question_is_emailed_with_the_secure_link()
    {
        var (kit, ticket) = await AskedAsync();
        await using var _ = kit;
        var mail = (await kit.OutboxAsync()).Last();
        Assert.Equal("siti.aminah@gmail.com", mail.To);
        Assert.Contains(ticket.Number, mail.Subject);
        Assert.Contains("Mohon kirim tangkapan layar pesan kesalahan.", mail.TextBody);
        Assert.Contains("Kirim Informasi", mail.TextBody);
        var view = (await kit.Requester.OpenAsync(await kit.LatestTokenAsync(), "203.0.113.10")).View;
        Assert.Equal(TicketStatus.MenungguInformasi, view!.Status);
    }

    [Fact]
    public async Task Two_reminders_at_16_and_32_hours_then_closed_as_Selesai_at_48_hours()
    {
        var (kit, ticket) = await AskedAsync();
        await using var _ = kit;
        var mails = (await kit.OutboxAsync()).Count;

        kit.Clock.Advance(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await kit.FollowUps.RunDueAsync());
        kit.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await kit.FollowUps.RunDueAsync());
        Assert.Equal(0, await kit.FollowUps.RunDueAsync()); // once per due time
        var reminder = (await kit.OutboxAsync()).Last();
        Assert.Contains("Pengingat ke-1", reminder.Subject);
        Assert.Contains("Mohon kirim tangkapan layar pesan kesalahan.", reminder.TextBody);
        Assert.Equal(1, (await kit.TicketAsync(ticket.Number)).RemindersSent);

        kit.Clock.Advance(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await kit.FollowUps.RunDueAsync());
        kit.Clock.Advance(TimeSpan.FromSeconds(1)); // hour 32
        Assert.Equal(1, await kit.FollowUps.RunDueAsync());
        Assert.Contains("Pengingat ke-2", (await kit.OutboxAsync()).Last().Subject);

        kit.Clock.Advance(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await kit.FollowUps.RunDueAsync());
        Assert.Equal(TicketStatus.MenungguInformasi, (await kit.TicketAsync(ticket.Number)).Status);
        kit.Clock.Advance(TimeSpan.FromSeconds(1)); // hour 48
        Assert.Equal(1, await kit.FollowUps.RunDueAsync());
        var closed = await kit.TicketAsync(ticket.Number);
        Assert.Equal(TicketStatus.Selesai, closed.Status);
        Assert.True(closed.AutoClosed);
        Assert.Null(closed.NextFollowUpUtc);
        var last = (await kit.OutboxAsync()).Last();
        Assert.Contains("ditutup otomatis", last.Subject);
        Assert.Contains("buat laporan baru", last.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(mails + 3, (await kit.OutboxAsync()).Count);
        Assert.Equal(0, await kit.FollowUps.RunDueAsync());

        // The link still shows the status, but an answer is refused: a new report must be made.
        var refused = await kit.Requester.AnswerAsync(await kit.LatestTokenAsync(), "Maaf terlambat.", [], "203.0.113.10");
        Assert.Contains("buat laporan baru", refused.Errors[""]);
    }

    [Fact]
    public async Task An_answer_at_hour_47_stops_the_close_and_the_ticket_goes_back_to_the_agents()
    {
        var (kit, ticket) = await AskedAsync();
        await using var _ = kit;
        kit.Clock.Advance(TimeSpan.FromHours(16));
        await kit.FollowUps.RunDueAsync();
        kit.Clock.Advance(TimeSpan.FromHours(16));
        await kit.FollowUps.RunDueAsync();
        kit.Clock.Advance(TimeSpan.FromHours(15)); // hour 47
        var answered = await kit.Requester.AnswerAsync(await kit.LatestTokenAsync(), "Berikut tangkapan layarnya.", [Png()], "203.0.113.10");
        Assert.True(answered.Succeeded, string.Join("; ", answered.Errors.Values));
        var mails = (await kit.OutboxAsync()).Count;

        kit.Clock.Advance(TimeSpan.FromHours(2)); // past hour 48
        Assert.Equal(0, await kit.FollowUps.RunDueAsync());
        var back = await kit.TicketAsync(ticket.Number);
        Assert.Equal(TicketStatus.Diproses, back.Status);
        Assert.False(back.AutoClosed);
        Assert.Null(back.NextFollowUpUtc);
        Assert.NotNull(back.DueUtc);
        Assert.Equal(mails, (await kit.OutboxAsync()).Count);
        var detail = (await kit.Agents.GetAsync(kit.Agent, ticket.Id))!;
        var answer = detail.Messages.Single(m => m.Kind == MessageKind.RequesterAnswer);
        Assert.Equal("layar.png", Assert.Single(answer.Files).FileName);
    }

    [Fact]
    public async Task Follow_ups_missed_while_the_app_was_down_close_the_ticket_once()
    {
        var (kit, ticket) = await AskedAsync();
        await using var _ = kit;
        kit.Clock.Advance(TimeSpan.FromHours(60));
        Assert.Equal(1, await kit.FollowUps.RunDueAsync());
        var closed = await kit.TicketAsync(ticket.Number);
        Assert.Equal(TicketStatus.Selesai, closed.Status);
        Assert.Single(await kit.OutboxAsync(), m => m.Subject.Contains("ditutup otomatis"));
        Assert.DoesNotContain(await kit.OutboxAsync(), m => m.Subject.Contains("Pengingat"));
    }

    [Fact]
    public async Task Reminder_hours_come_from_the_settings()
    {
        await using var kit = await CreateAsync(Thursday10, new Dictionary<string, string?>
        {
            ["Helpdesk:ReminderHours:0"] = "4", ["Helpdesk:ReminderHours:1"] = "8", ["Helpdesk:AutoCloseHours"] = "12",
        });
        var ticket = await kit.SubmitAsync();
        await kit.Agents.AskForInformationAsync(kit.Agent, ticket.Id, "Mohon NPSN yang benar.");
        kit.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(1, await kit.FollowUps.RunDueAsync());
        kit.Clock.Advance(TimeSpan.FromHours(8));
        Assert.Equal(1, await kit.FollowUps.RunDueAsync()); // hour 12: the close (the second reminder's time passed with it)
        Assert.Equal(TicketStatus.Selesai, (await kit.TicketAsync(ticket.Number)).Status);
    }
}
