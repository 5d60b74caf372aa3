using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

public class EmailSenderTests
{
    [Fact]
    public async Task Queued_message_is_delivered_to_a_real_smtp_server()
    {
        await using var server = await SmtpTestServer.StartNewAsync();
        await using var kit = new EmailTestKit(EmailTestKit.Smtp(server.Port));
        var sender = kit.Sender;
        var published = 0;
        using var _ = kit.Notifier.Subscribe(LiveTopics.Outbox, () => { Interlocked.Increment(ref published); return Task.CompletedTask; });

        var queued = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id", "Ibu Siti");
        Assert.Equal(1, await sender.DeliverDueAsync(CancellationToken.None));

        var mail = Assert.Single(server.ReadMessages());
        Assert.Equal("Uji pengiriman email", mail.Subject);
        var from = MimeKit.MailboxAddress.Parse(mail.From);
        Assert.Equal(("Madrasah Notifikasi", "notifikasi@madrasah.local"), (from.Name, from.Address));
        Assert.Contains("guru@contoh.sch.id", mail.To);
        Assert.Contains("Ibu Siti", mail.To);
        Assert.Contains("Halo Ibu Siti,", mail.TextBody);
        Assert.Contains("Buka Madrasah (http://localhost:5080/)", mail.TextBody);
        Assert.Contains("Mohon tidak membalas email ini.", mail.HtmlBody);
        Assert.StartsWith($"<outbox-{queued.Id}-", mail.MessageId);

        var sent = await kit.ReloadAsync(queued.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(kit.Clock.UtcNow, sent.SentUtc);
        Assert.Null(sent.LastError);
        // Watchers are told on the thread pool: wait (up to a deadline) for both notices rather than race them.
        for (var deadline = DateTime.UtcNow.AddSeconds(10); Volatile.Read(ref published) < 2 && DateTime.UtcNow < deadline;) await Task.Delay(20);
        Assert.True(published >= 2, "the queued message and its delivery both tell the outbox views");

        Assert.Equal(0, await sender.DeliverDueAsync(CancellationToken.None));
        Assert.Single(server.ReadMessages());
    }

    [Fact]
    public async Task Outage_keeps_every_message_pending_and_each_is_delivered_once_after_the_server_returns()
    {
        await using var server = await SmtpTestServer.StartNewAsync();
        await using var kit = new EmailTestKit(EmailTestKit.Smtp(server.Port));
        kit.Options.BatchSize = 2; // more messages than one batch
        var sender = kit.Sender;

        await kit.EnqueueTestEmailAsync("satu@contoh.sch.id", subject: "Pesan 1");
        Assert.Equal(1, await sender.DeliverDueAsync(CancellationToken.None));

        server.Stop();
        for (var i = 2; i <= 6; i++)
            await kit.EnqueueTestEmailAsync($"guru{i}@contoh.sch.id", subject: $"Pesan {i}");

        Assert.Equal(0, await sender.DeliverDueAsync(CancellationToken.None));
        var waiting = (await kit.AllAsync()).Where(m => m.Status != OutboxStatus.Sent).ToList();
        Assert.Equal(5, waiting.Count);
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.False(string.IsNullOrWhiteSpace(m.LastError));
            Assert.Equal(kit.Clock.UtcNow + TimeSpan.FromSeconds(5), m.NextAttemptUtc);
        });

        // Not due yet: nothing is tried.
        Assert.Equal(0, await sender.DeliverDueAsync(CancellationToken.None));
        Assert.All(await kit.AllAsync(), m => Assert.True(m.Status == OutboxStatus.Sent || m.Attempts == 1));

        // Due, still down: the wait doubles.
        kit.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await sender.DeliverDueAsync(CancellationToken.None));
        Assert.All((await kit.AllAsync()).Where(m => m.Status != OutboxStatus.Sent), m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(2, m.Attempts);
            Assert.Equal(kit.Clock.UtcNow + TimeSpan.FromSeconds(10), m.NextAttemptUtc);
        });

        await server.StartAsync();
        Assert.Equal(0, await sender.DeliverDueAsync(CancellationToken.None)); // back, but the retry is not due yet
        kit.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(5, await sender.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(0, await sender.DeliverDueAsync(CancellationToken.None));

        Assert.All(await kit.AllAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var subjects = server.ReadMessages().Select(m => m.Subject).Order().ToList();
        Assert.Equal(["Pesan 1", "Pesan 2", "Pesan 3", "Pesan 4", "Pesan 5", "Pesan 6"], subjects);
    }

    [Fact]
    public async Task Message_fails_after_max_attempts_and_Kirim_Ulang_puts_it_back_in_the_queue()
    {
        await using var server = new SmtpTestServer(); // not started: its port refuses connections
        await using var kit = new EmailTestKit(EmailTestKit.Smtp(server.Port, maxAttempts: 3));
        var sender = kit.Sender;
        var queued = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(0, await sender.DeliverDueAsync(CancellationToken.None));
            var message = await kit.ReloadAsync(queued.Id);
            Assert.Equal(attempt, message.Attempts);
            Assert.Equal(attempt < 3 ? OutboxStatus.Pending : OutboxStatus.Failed, message.Status);
            kit.Clock.Advance(kit.Options.RetryDelay(attempt));
        }
        kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await sender.DeliverDueAsync(CancellationToken.None));
        var failed = await kit.ReloadAsync(queued.Id);
        Assert.Equal((OutboxStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.NotNull(failed.LastError);
        Assert.Equal(failed.Id, Assert.Single(await kit.AdminService.ListUndeliveredAsync()).Id);
        Assert.Equal(new OutboxCounts(0, 0, 1), await kit.AdminService.CountAsync());

        Assert.True(await kit.AdminService.ResendAsync(EmailTestKit.AdminUser, queued.Id));

        var requeued = await kit.ReloadAsync(queued.Id);
        Assert.Equal((OutboxStatus.Pending, 0, kit.Clock.UtcNow), (requeued.Status, requeued.Attempts, requeued.NextAttemptUtc));
        await using (var db = kit.Database.CreateContext())
        {
            var entry = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "email.resend");
            Assert.Equal((EmailTestKit.AdminUser.UserId, nameof(OutboxMessage), queued.Id.ToString()), (entry.UserId, entry.EntityType, entry.EntityId));
        }

        await server.StartAsync();
        Assert.Equal(1, await sender.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(OutboxStatus.Sent, (await kit.ReloadAsync(queued.Id)).Status);
        Assert.Single(server.ReadMessages());
        Assert.False(await kit.AdminService.ResendAsync(EmailTestKit.AdminUser, queued.Id), "only a failed message can be sent again");
    }

    [Fact]
    public async Task Pickup_delivery_writes_an_eml_file_with_the_subject()
    {
        var folder = Directory.CreateTempSubdirectory("madrasah-pickup-").FullName;
        try
        {
            var pickup = Path.Combine(folder, "mail"); // missing: the transport creates it
            await using var kit = new EmailTestKit(new Dictionary<string, string?> { ["Email:Delivery"] = "Pickup", ["Email:PickupFolder"] = pickup });
            var queued = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id", "Ibu Siti", subject: "Uji pengiriman email — folder");

            Assert.Equal(1, await kit.Sender.DeliverDueAsync(CancellationToken.None));

            var file = Assert.Single(Directory.GetFiles(pickup, "*.eml"));
            var mail = ReceivedMail.Parse(await File.ReadAllTextAsync(file));
            Assert.Equal("Uji pengiriman email — folder", mail.Subject);
            Assert.Contains("guru@contoh.sch.id", mail.To);
            Assert.Contains("Halo Ibu Siti,", mail.TextBody);
            Assert.Contains("Halo Ibu Siti,", mail.HtmlBody);
            Assert.Equal(OutboxStatus.Sent, (await kit.ReloadAsync(queued.Id)).Status);
            Assert.Empty(Directory.GetFiles(pickup, "*.tmp")); // written under a temporary name, then renamed

            using var parsed = await MimeKit.MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
            Assert.IsType<MimeKit.MultipartAlternative>(parsed.Body);
            Assert.Equal(("Uji pengiriman email — folder", "guru@contoh.sch.id"), (parsed.Subject, parsed.To.Mailboxes.Single().Address));
            Assert.Contains("Halo Ibu Siti,", parsed.TextBody);
            Assert.Contains("Halo Ibu Siti,", parsed.HtmlBody);
            Assert.StartsWith($"outbox-{queued.Id}-", parsed.MessageId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Send_test_rejects_an_invalid_address_and_queues_a_valid_one()
    {
        await using var kit = new EmailTestKit(EmailTestKit.Smtp(25));

        await Assert.ThrowsAsync<ArgumentException>(() => kit.AdminService.SendTestAsync(EmailTestKit.AdminUser, "bukan alamat"));
        var message = await kit.AdminService.SendTestAsync(EmailTestKit.AdminUser, " admin@contoh.sch.id ");

        var saved = Assert.Single(await kit.AllAsync());
        Assert.Equal((message.Id, "admin@contoh.sch.id", TestEmail.Subject, OutboxStatus.Pending), (saved.Id, saved.To, saved.Subject, saved.Status));
    }
}
