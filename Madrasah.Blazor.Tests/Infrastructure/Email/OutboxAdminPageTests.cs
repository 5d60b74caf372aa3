using Bunit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

/// <summary>"Surat Keluar": counts, the queue with "Kirim Ulang", and the "Kirim Email Uji" form's field rules.</summary>
public sealed class OutboxAdminPageTests : ComponentTestContext
{
    private static readonly UserScope Admin = new("admin-1", "admin@madrasah.demo.id", "Administrator Sistem", Roles.Admin, null, null);

    public OutboxAdminPageTests()
        : base((services, configuration) => services.AddEmail(configuration)) =>
        SignInAs(Admin);

    private async Task<long> AddMessageAsync(OutboxStatus status, string to, string? error = null)
    {
        await using var db = Database.CreateContext();
        var message = new OutboxMessage
        {
            To = to, Subject = "Uji", HtmlBody = "<p>Uji</p>", TextBody = "Uji", Status = status, Attempts = status == OutboxStatus.Failed ? 8 : 0,
            CreatedUtc = DateTime.UtcNow, NextAttemptUtc = DateTime.UtcNow.AddMinutes(5), LastError = error,
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<List<OutboxMessage>> MessagesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task An_invalid_address_is_refused_beside_its_field_and_nothing_is_queued()
    {
        var page = Render<OutboxAdminPage>();

        page.Find("input[data-testid=test-address]").Type("bukan-email");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Alamat Email Tujuan: format alamat email tidak valid.", page.Find(".mud-input-helper-text.mud-input-error").TextContent));
        Assert.Empty(await MessagesAsync());
    }

    [Fact]
    public async Task A_test_email_is_queued_announced_and_the_field_emptied_without_an_error()
    {
        var providers = RenderMudProviders();
        var page = Render<OutboxAdminPage>();

        page.Find("input[data-testid=test-address]").Type("kepala.uji@contoh.sch.id");
        page.Find("form").Submit();

        providers.WaitForAssertion(() => Assert.Contains("Email uji untuk kepala.uji@contoh.sch.id masuk antrean pengiriman.", providers.Markup));
        Assert.Equal("kepala.uji@contoh.sch.id", Assert.Single(await MessagesAsync()).To);
        page.WaitForAssertion(() => Assert.Equal("", page.Find("input[data-testid=test-address]").GetAttribute("value") ?? ""));
        Assert.Empty(page.FindAll(".mud-input-error"));
        Assert.Equal("1", page.Find("[data-testid=count-pending]").TextContent);
    }

    [Fact]
    public async Task A_failed_message_shows_its_error_and_Kirim_Ulang_puts_it_back_in_the_queue()
    {
        await AddMessageAsync(OutboxStatus.Pending, "menunggu@contoh.sch.id");
        var failed = await AddMessageAsync(OutboxStatus.Failed, "gagal@contoh.sch.id", "550 Mailbox unavailable");
        var providers = RenderMudProviders();
        var page = Render<OutboxAdminPage>();

        var rows = page.FindAll("[data-testid=queue-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal(failed.ToString(), rows[0].GetAttribute("data-id")); // failed first: they need a decision
        Assert.Contains("status-danger", rows[0].QuerySelector("[data-testid=mail-status]")!.ClassList);
        Assert.Contains("status-waiting", rows[1].QuerySelector("[data-testid=mail-status]")!.ClassList);
        Assert.Contains("550 Mailbox unavailable", rows[0].TextContent);
        Assert.Null(rows[1].QuerySelector("[data-testid=resend]"));

        page.Find("[data-testid=resend]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Email dimasukkan kembali ke antrean pengiriman.", providers.Markup));
        var resent = (await MessagesAsync()).Single(m => m.Id == failed);
        Assert.Equal((OutboxStatus.Pending, 0), (resent.Status, resent.Attempts));
        page.WaitForAssertion(() => Assert.Equal("0", page.Find("[data-testid=count-failed]").TextContent));
    }
}
