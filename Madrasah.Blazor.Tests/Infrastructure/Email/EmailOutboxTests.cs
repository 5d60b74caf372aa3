using Madrasah.Blazor.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

public class EmailOutboxTests
{
    [Fact]
    public async Task Enqueue_only_adds_to_the_callers_context_until_it_saves()
    {
        await using var kit = new EmailTestKit(EmailTestKit.Smtp(25));

        await using var db = kit.Database.CreateContext();
        var message = await kit.Outbox.EnqueueAsync<TestEmail>(db, " guru@contoh.sch.id ", "Ibu Siti", TestEmail.Subject,
            new Dictionary<string, object?> { [nameof(TestEmail.CreatedUtc)] = kit.Clock.UtcNow });

        Assert.Empty(await kit.AllAsync());
        Assert.Equal(EntityState.Added, db.Entry(message).State);

        await db.SaveChangesAsync();
        var saved = Assert.Single(await kit.AllAsync());
        Assert.Equal("guru@contoh.sch.id", saved.To);
        Assert.Equal("Ibu Siti", saved.ToName);
        Assert.Equal(OutboxStatus.Pending, saved.Status);
        Assert.Equal(0, saved.Attempts);
        Assert.Equal(kit.Clock.UtcNow, saved.CreatedUtc);
        Assert.Equal(kit.Clock.UtcNow, saved.NextAttemptUtc);
        Assert.Equal(DateTimeKind.Utc, saved.NextAttemptUtc.Kind);
    }

    [Fact]
    public async Task Test_email_renders_in_the_layout_and_its_text_keeps_the_link()
    {
        await using var kit = new EmailTestKit(EmailTestKit.Smtp(25));

        var message = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id", "Ibu Siti");

        Assert.Contains(">Madrasah</td>", message.HtmlBody);
        Assert.Contains("Email ini dikirim otomatis oleh Madrasah. Mohon tidak membalas email ini.", message.HtmlBody);
        Assert.Contains("href=\"http://localhost:5080/\"", message.HtmlBody);
        Assert.Contains("Halo Ibu Siti,", message.TextBody);
        Assert.Contains("Buka Madrasah (http://localhost:5080/)", message.TextBody);
        Assert.Contains("22 November 2026 10.00 WIB", message.TextBody);
        Assert.Contains("Mohon tidak membalas email ini.", message.TextBody);
        Assert.DoesNotContain("<", message.TextBody);
    }
}
