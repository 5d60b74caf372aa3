using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Infrastructure.Uploads;
using static Madrasah.Blazor.Tests.Features.Helpdesk.HelpdeskTestKit;

namespace Madrasah.Blazor.Tests.Features.Helpdesk;

public class RequesterServiceTests
{
    [Fact]
    public async Task Sending_stores_the_ticket_with_its_files_and_emails_the_number_and_the_secure_link()
    {
        await using var kit = await CreateAsync();
        var ticket = await kit.SubmitAsync(Pdf(), Png());
        Assert.Equal("HD-2026-000001", ticket.Number);
        Assert.Equal(TicketStatus.Baru, ticket.Status);
        Assert.Equal(["surat-penunjukan.pdf", "layar.png"], ticket.Attachments.OrderBy(a => a.Id).Select(a => a.FileName));
        Assert.Equal("siti@admin.sd.belajar.id", ticket.BelajarIdAccount);
        Assert.Equal("Kabupaten Sleman", ticket.RegencyName);
        Assert.Equal("Surat Penunjukan sebagai Admin/Operator", ticket.ChecklistTicked);

        var mail = Assert.Single(await kit.OutboxAsync());
        Assert.Equal("siti.aminah@gmail.com", mail.To);
        Assert.Contains("HD-2026-000001", mail.Subject);
        Assert.Contains("8 Desember 2026 10.00 WIB", mail.TextBody);
        Assert.Equal(43, (await kit.LatestTokenAsync()).Length);

        var second = await kit.SubmitAsync();
        Assert.Equal("HD-2026-000002", second.Number);
        var queue = await kit.Agents.ListAsync(kit.Agent, new QueueQuery());
        Assert.Equal(2, queue.TotalCount);
    }

    [Fact]
    public async Task The_secure_link_carries_256_random_bits_and_opens_only_its_own_ticket()
    {
        await using var kit = await CreateAsync();
        var first = await kit.SubmitAsync();
        var firstToken = await kit.LatestTokenAsync();
        var second = await kit.SubmitAsync();
        var secondToken = await kit.LatestTokenAsync();
        Assert.NotEqual(firstToken, secondToken);
        Assert.True(HelpdeskLinks.IsWellFormed(firstToken));
        Assert.Equal(32, Convert.FromBase64String(firstToken.Replace('-', '+').Replace('_', '/') + "=").Length); // 256 bits

        Assert.Equal(first.Number, (await kit.Requester.OpenAsync(firstToken, "198.51.100.1")).View!.Number);
        Assert.Equal(second.Number, (await kit.Requester.OpenAsync(secondToken, "198.51.100.1")).View!.Number);
        var altered = (firstToken[0] == 'A' ? 'B' : 'A') + firstToken[1..];
        Assert.Null((await kit.Requester.OpenAsync(altered, "198.51.100.1")).View);
        Assert.Null((await kit.Requester.OpenAsync(first.Number, "198.51.100.1")).View);
        // The stored hash is not the token.
        Assert.NotEqual(firstToken, first.AccessTokenHash);
        Assert.DoesNotContain(firstToken, first.AccessTokenSealed);
    }

    [Fact]
    public async Task The_requester_sees_replies_but_never_internal_notes()
    {
        await using var kit = await CreateAsync();
        var ticket = await kit.SubmitAsync();
        await kit.Agents.AddNoteAsync(kit.Agent, ticket.Id, "Catatan: cek di Dapodik dulu.");
        await kit.Agents.ReplyAsync(kit.Agent, ticket.Id, "Akun Anda sudah kami buka kembali.", close: true);
        var view = (await kit.Requester.OpenAsync(await kit.LatestTokenAsync(), "198.51.100.1")).View!;
        Assert.Equal(TicketStatus.Selesai, view.Status);
        var message = Assert.Single(view.Messages);
        Assert.Equal("Akun Anda sudah kami buka kembali.", message.Body);
        Assert.Equal("Tim Helpdesk", message.From);
    }

    [Fact]
    public async Task The_form_is_rate_limited_per_client_and_per_address()
    {
        await using var kit = await CreateAsync(settings: new Dictionary<string, string?> { ["Helpdesk:TicketsPerClientPerHour"] = "2", ["Helpdesk:TicketsPerEmailPerHour"] = "5" });
        var form = await kit.ValidFormAsync();
        Assert.True((await kit.Requester.SubmitAsync(form, [], "203.0.113.7")).Succeeded);
        Assert.True((await kit.Requester.SubmitAsync(form, [], "203.0.113.7")).Succeeded);
        var refused = await kit.Requester.SubmitAsync(form, [], "203.0.113.7");
        Assert.False(refused.Succeeded);
        Assert.Contains("Terlalu banyak laporan", refused.Form.Errors[""]);
        Assert.NotNull(refused.RetryAfter);
        Assert.True((await kit.Requester.SubmitAsync(form, [], "203.0.113.8")).Succeeded); // another client
        kit.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await kit.Requester.SubmitAsync(form, [], "203.0.113.7")).Succeeded);
    }

    [Fact]
    public async Task The_secure_link_is_rate_limited_per_client()
    {
        await using var kit = await CreateAsync(settings: new Dictionary<string, string?> { ["Helpdesk:LinkRequestsPerClientPer10Minutes"] = "3" });
        await kit.SubmitAsync();
        var token = await kit.LatestTokenAsync();
        for (var i = 0; i < 3; i++) Assert.NotNull((await kit.Requester.OpenAsync("x" + i, "198.51.100.9")).View is null ? "" : null);
        var limited = await kit.Requester.OpenAsync(token, "198.51.100.9");
        Assert.Null(limited.View);
        Assert.NotNull(limited.RetryAfter);
        Assert.NotNull((await kit.Requester.OpenAsync(token, "198.51.100.10")).View);
    }

    [Fact]
    public async Task Requester_files_are_downloadable_by_agents_only()
    {
        var rule = new HelpdeskUploadAccess();
        var requesterFile = new Madrasah.Blazor.Infrastructure.Identity.InstitutionRef(null, null, HelpdeskUploadAccess.RequesterOwner);
        Assert.True(await rule.MayReadAsync(Principal("Helpdesk"), requesterFile, default));
        Assert.False(await rule.MayReadAsync(Principal("Operator"), requesterFile, default));
        Assert.False(await rule.MayReadAsync(Principal("Helpdesk"), requesterFile with { OwnerUserId = "someone" }, default));
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string role) =>
        new(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Role, role)], "test"));
}
