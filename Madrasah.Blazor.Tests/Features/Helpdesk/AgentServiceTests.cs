using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Tests.Infrastructure;
using static Madrasah.Blazor.Tests.Features.Helpdesk.HelpdeskTestKit;

namespace Madrasah.Blazor.Tests.Features.Helpdesk;

public class AgentServiceTests
{
    [Fact]
    public async Task Only_agents_and_the_administrator_see_the_queue()
    {
        await using var kit = await CreateAsync();
        var ticket = await kit.SubmitAsync();
        var operatorScope = await DemoSeed.ScopeOfAsync(kit.Database, "operator@min1sleman.sch.id");
        Assert.Empty((await kit.Agents.ListAsync(operatorScope, new QueueQuery())).Rows);
        Assert.Null(await kit.Agents.GetAsync(operatorScope, ticket.Id));
        Assert.False((await kit.Agents.ReplyAsync(operatorScope, ticket.Id, "x", close: true)).Succeeded);
        Assert.Single((await kit.Agents.ListAsync(kit.Admin, new QueueQuery())).Rows);
    }

    [Fact]
    public async Task Assigning_notes_replying_and_closing()
    {
        await using var kit = await CreateAsync();
        var ticket = await kit.SubmitAsync(Pdf());
        Assert.Null(await kit.Agents.AssignAsync(kit.Agent, ticket.Id, kit.Agent.UserId));
        Assert.True((await kit.Agents.AddNoteAsync(kit.Agent, ticket.Id, "Cek data operator di EMIS.")).Succeeded);
        Assert.Equal("Catatan internal wajib diisi.", (await kit.Agents.AddNoteAsync(kit.Agent, ticket.Id, " ")).Errors[HelpdeskAgentService.BodyField]);
        Assert.True((await kit.Agents.ReplyAsync(kit.Agent, ticket.Id, "Akun sudah dibuka.", close: false)).Succeeded);
        var detail = (await kit.Agents.GetAsync(kit.Agent, ticket.Id))!;
        Assert.Equal(TicketStatus.Diproses, detail.Status);
        Assert.Equal("Tim Helpdesk", detail.AssignedTo);
        Assert.Equal([MessageKind.Event, MessageKind.InternalNote, MessageKind.Reply], detail.Messages.Select(m => m.Kind));
        Assert.Equal("surat-penunjukan.pdf", Assert.Single(detail.Files).FileName);
        Assert.Contains("Jawaban tim helpdesk", (await kit.OutboxAsync()).Last().Subject);

        Assert.True((await kit.Agents.ReplyAsync(kit.Agent, ticket.Id, "Laporan kami tutup.", close: true)).Succeeded);
        Assert.Equal(TicketStatus.Selesai, (await kit.TicketAsync(ticket.Number)).Status);
        Assert.Contains("Laporan selesai", (await kit.OutboxAsync()).Last().Subject);
        Assert.Empty((await kit.Agents.ListAsync(kit.Agent, new QueueQuery())).Rows); // open ones by default
        Assert.Single((await kit.Agents.ListAsync(kit.Agent, new QueueQuery(Status: TicketStatus.Selesai))).Rows);
        Assert.Contains("sudah Selesai", (await kit.Agents.ReplyAsync(kit.Agent, ticket.Id, "lagi", close: false)).Errors[""]);
    }

    [Fact]
    public async Task The_queue_shows_the_most_urgent_first_and_follows_every_change_of_status_and_due_time()
    {
        await using var kit = await CreateAsync(); // Thursday 10:00
        var first = await kit.SubmitAsync();
        kit.Clock.Advance(TimeSpan.FromHours(1));
        var second = await kit.SubmitAsync();
        kit.Clock.Advance(TimeSpan.FromHours(1));
        var third = await kit.SubmitAsync();
        async Task<string[]> Queue(QueueQuery? query = null) =>
            (await kit.Agents.ListAsync(kit.Agent, query ?? new QueueQuery())).Rows.Select(r => r.Number).ToArray();
        Assert.Equal([first.Number, second.Number, third.Number], await Queue());

        // The first one waits for the requester: its clock pauses, it goes after the running ones.
        Assert.True((await kit.Agents.AskForInformationAsync(kit.Agent, first.Id, "Mohon lampirkan SK.")).Succeeded);
        var firstToken = await kit.LatestTokenAsync();
        Assert.Equal([second.Number, third.Number, first.Number], await Queue());
        // The second one closes: out of the open queue, found under "Selesai".
        Assert.True((await kit.Agents.ReplyAsync(kit.Agent, second.Id, "Sudah kami perbaiki.", close: true)).Succeeded);
        Assert.Equal([third.Number, first.Number], await Queue());
        Assert.Equal([second.Number], await Queue(new QueueQuery(Status: TicketStatus.Selesai)));
        // The requester answers on Friday 12:00: the first one runs again with the 25 office hours it had left (due
        // Wednesday 10:00), after the third (due Tuesday 12:00), which alone is overdue on Tuesday 12:01.
        kit.Clock.Advance(TimeSpan.FromDays(1)); // Friday 12:00
        Assert.True((await kit.Requester.AnswerAsync(firstToken, "Terlampir.", [Pdf()], "203.0.113.10")).Succeeded);
        Assert.Equal(Wib(2026, 12, 9, 10), (await kit.TicketAsync(first.Number)).DueUtc);
        Assert.Equal([third.Number, first.Number], await Queue());
        kit.Clock.Advance(TimeSpan.FromDays(4).Add(TimeSpan.FromMinutes(1))); // Tuesday 12:01
        Assert.Equal([third.Number], await Queue(new QueueQuery(OverdueOnly: true)));
        Assert.Equal([third.Number], await Queue(new QueueQuery(OverdueOnly: true, ProvinceCode: "34")));
        Assert.Empty(await Queue(new QueueQuery(OverdueOnly: true, ProvinceCode: "31")));
        Assert.Equal(1, await kit.Agents.CountOpenAsync(kit.Agent)); // "Baru": the third; the first is "Diproses" again
    }

    [Fact]
    public async Task Every_email_of_a_ticket_carries_the_same_working_link()
    {
        await using var kit = await CreateAsync();
        var ticket = await kit.SubmitAsync();
        var first = await kit.LatestTokenAsync();
        await kit.Agents.ReplyAsync(kit.Agent, ticket.Id, "Sedang kami periksa.", close: false);
        Assert.Equal(first, await kit.LatestTokenAsync());
    }

    [Fact]
    public async Task The_queue_filters_by_status_category_province_and_search_and_pages_on_the_server()
    {
        await using var kit = await CreateAsync(settings: new Dictionary<string, string?> { ["Helpdesk:TicketsPerEmailPerHour"] = "30" });
        for (var i = 0; i < 25; i++) await kit.Requester.SubmitAsync(await kit.ValidFormAsync(), [], $"203.0.113.{i}");
        var other = await kit.ValidFormAsync() with { Email = "warga@yahoo.co.id", ProvinceCode = "31", RegencyCode = "31.71", UserType = TicketUserType.Masyarakat, BelajarIdAccount = null };
        var jakarta = await kit.Requester.SubmitAsync(other, [], "198.51.100.1");
        Assert.True(jakarta.Succeeded, string.Join("; ", jakarta.Form.Errors.Values));

        var first = await kit.Agents.ListAsync(kit.Agent, new QueueQuery(PageSize: 20));
        Assert.Equal(26, first.TotalCount);
        Assert.Equal(20, first.Rows.Count);
        Assert.Equal(6, (await kit.Agents.ListAsync(kit.Agent, new QueueQuery(Page: 2, PageSize: 20))).Rows.Count);
        Assert.Equal(jakarta.Number, Assert.Single((await kit.Agents.ListAsync(kit.Agent, new QueueQuery(ProvinceCode: "31"))).Rows).Number);
        Assert.Equal(jakarta.Number, Assert.Single((await kit.Agents.ListAsync(kit.Agent, new QueueQuery(Search: "yahoo"))).Rows).Number);
        var category = (await kit.ValidFormAsync()).CategoryId;
        Assert.Equal(26, (await kit.Agents.ListAsync(kit.Agent, new QueueQuery(CategoryId: category))).TotalCount);
        Assert.Equal(0, (await kit.Agents.ListAsync(kit.Agent, new QueueQuery(Status: TicketStatus.MenungguInformasi))).TotalCount);
    }

    [Fact]
    public async Task The_administrator_keeps_the_form_lists()
    {
        await using var kit = await CreateAsync();
        Assert.True((await kit.Topics.AddAsync(kit.Admin, null, "Kendala", "Presensi")).Succeeded);
        var added = (await kit.Topics.ListAllAsync()).Single(t => t.Name == "Presensi");
        Assert.DoesNotContain(await kit.Topics.ActiveChoicesAsync(), t => t.Id == added.Id); // no category yet
        Assert.True((await kit.Topics.AddAsync(kit.Admin, added.Id, null, "Presensi tidak tercatat")).Succeeded);
        Assert.Contains(await kit.Topics.ActiveChoicesAsync(), t => t.Label == "Kendala – Presensi");
        Assert.Equal("Kategori Masalah \"Presensi tidak tercatat\" sudah ada.", (await kit.Topics.AddAsync(kit.Admin, added.Id, null, "Presensi tidak tercatat")).Errors["Name"]);
        await kit.Topics.SetActiveAsync(kit.Admin, added.Id, false);
        Assert.DoesNotContain(await kit.Topics.ActiveChoicesAsync(), t => t.Id == added.Id);
        Assert.False((await kit.Topics.AddAsync(kit.Agent, null, "Kendala", "Lain")).Succeeded);
    }
}
