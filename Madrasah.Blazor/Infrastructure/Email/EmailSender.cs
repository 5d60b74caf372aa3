using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>
/// Delivers due pending messages, oldest first, in small batches. A message is marked Sent only after the
/// transport accepted it, and that mark is saved before the next message goes: a crash in between can at worst
/// send it again, never drop it. A failure waits a growing delay; after MaxAttempts the message is Failed.
/// Every app server runs a sender: each message is first claimed with one conditional update that moves its next
/// attempt <see cref="EmailOptions.ClaimSeconds"/> ahead, so exactly one sender takes it; a sender that stops before
/// it is done leaves the message due again once that time has passed.
/// </summary>
public sealed class EmailSender(
    IDbContextFactory<MadrasahDbContext> factory,
    IMailTransport transport,
    EmailOutbox outbox,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    ILogger<EmailSender> logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Email outbox run failed");
            }
            await outbox.WaitForWakeAsync(TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds)), stoppingToken);
        }
    }

    /// <summary>Delivers every message due now; returns how many were sent. The background loop calls this; tests call it directly.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken);
        var sent = 0;
        try
        {
            var o = options.Value;
            var batchSize = Math.Max(1, o.BatchSize);
            var attempted = new HashSet<long>();
            while (true)
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                var batch = await db.Set<OutboxMessage>()
                    .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now)
                    .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
                    .Take(batchSize)
                    .ToListAsync(cancellationToken);
                // A message whose retry is due again within this run (a tiny retry delay) waits for the next run.
                batch.RemoveAll(m => !attempted.Add(m.Id));
                if (batch.Count == 0) break;

                foreach (var message in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!await ClaimAsync(db, message, now, o, cancellationToken)) continue; // another server took it
                    if (await TryDeliverAsync(message, o, cancellationToken)) sent++;
                    await db.SaveChangesAsync(CancellationToken.None); // the outbox views are told after it commits
                }
                if (batch.Count < batchSize) break;
            }
        }
        finally
        {
            _oneRunAtATime.Release();
        }
        return sent;
    }

    private static async Task<bool> ClaimAsync(MadrasahDbContext db, OutboxMessage message, DateTime now, EmailOptions o, CancellationToken cancellationToken)
    {
        var until = now.AddSeconds(Math.Max(1, o.ClaimSeconds));
        return await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, until), cancellationToken) == 1;
    }

    private async Task<bool> TryDeliverAsync(OutboxMessage message, EmailOptions o, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(message, cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentUtc = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            logger.LogInformation("Email {Id} \"{Subject}\" sent to {To}", message.Id, message.Subject, message.To);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = Describe(ex);
            message.NextAttemptUtc = clock.GetUtcNow().UtcDateTime + o.RetryDelay(message.Attempts);
            if (message.Attempts >= o.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                logger.LogError(ex, "Email {Id} to {To} failed after {Attempts} attempts", message.Id, message.To, message.Attempts);
            }
            else
            {
                logger.LogWarning("Email {Id} to {To} failed (attempt {Attempts}), next at {Next:u}: {Error}",
                    message.Id, message.To, message.Attempts, message.NextAttemptUtc, message.LastError);
            }
            return false;
        }
    }

    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException) parts.Add(e.Message);
        var text = string.Join(" → ", parts.Distinct());
        return text.Length <= 2000 ? text : text[..2000];
    }
}
