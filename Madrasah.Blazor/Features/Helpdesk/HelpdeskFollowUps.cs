using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.Helpdesk;

/// <summary>
/// The follow-ups of "Menunggu informasi": the reminders (default 16 and 32 hours after the question) and the
/// automatic close as "Selesai" (48 hours). Their due time is a column of the ticket (<see cref="HelpdeskTicket.NextFollowUpUtc"/>),
/// so they survive a restart; each runs once per due time: it is saved with the ticket's concurrency token, and an
/// answer or an agent's change that came first wins (the follow-up is then dropped).
/// </summary>
public sealed class HelpdeskFollowUps(
    IDbContextFactory<MadrasahDbContext> factory,
    EmailOutbox outbox,
    AuditLog audit,
    HelpdeskLinks links,
    IOptions<HelpdeskOptions> options,
    TimeProvider clock,
    ILogger<HelpdeskFollowUps> logger)
{
    private static readonly UserScope System = UserScope.Anonymous;
    public const int Batch = 100;

    /// <summary>Runs every follow-up due now; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var ran = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<int> due;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
                due = await db.Set<HelpdeskTicket>().Where(t => t.Status == TicketStatus.MenungguInformasi && t.NextFollowUpUtc <= now)
                    .OrderBy(t => t.NextFollowUpUtc).Select(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
            var done = 0;
            foreach (var id in due)
                if (await RunOneAsync(id, now, cancellationToken)) done++;
            ran += done;
            if (due.Count < Batch || done == 0) return ran;
        }
    }

    /// <summary>When the next follow-up is due (null: none scheduled).</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<HelpdeskTicket>().Where(t => t.Status == TicketStatus.MenungguInformasi && t.NextFollowUpUtc != null)
            .MinAsync(t => t.NextFollowUpUtc, cancellationToken);
    }

    private async Task<bool> RunOneAsync(int id, DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Set<HelpdeskTicket>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is not { Status: TicketStatus.MenungguInformasi, NextFollowUpUtc: { } dueAt, InfoRequestedUtc: { } asked } || dueAt > now) return false;
        var closeAt = asked.AddHours(settings.AutoCloseHours);
        var question = await db.Set<HelpdeskMessage>().Where(m => m.TicketId == id && m.Kind == MessageKind.InfoRequest)
            .OrderByDescending(m => m.CreatedUtc).Select(m => m.Body).FirstOrDefaultAsync(cancellationToken);
        if (now >= closeAt || ticket.RemindersSent >= settings.Reminders.Count)
        {
            HelpdeskTransitions.Close(ticket, now, automatically: true);
            ticket.Messages.Add(new HelpdeskMessage { Kind = MessageKind.Event, AuthorName = "Sistem", CreatedUtc = now,
                Body = $"Ditutup otomatis (Selesai): tidak ada jawaban pelapor dalam {settings.AutoCloseHours} jam." });
            await outbox.EnqueueAsync<HelpdeskEmail>(db, ticket.Email, null, $"[{ticket.Number}] Laporan ditutup otomatis: {ticket.Subject}",
                HelpdeskEmail.Parameters(HelpdeskEmailKind.AutoClosed, ticket.Number, ticket.Subject, null, null, links.PathOf(ticket)));
            audit.Record(db, System, "helpdesk.auto-closed", $"Laporan {ticket.Number} ditutup otomatis: informasi yang diminta tidak dijawab dalam {settings.AutoCloseHours} jam.",
                entityType: nameof(HelpdeskTicket), entityId: ticket.Number);
        }
        else
        {
            ticket.RemindersSent++;
            ticket.NextFollowUpUtc = HelpdeskTransitions.NextFollowUp(asked, ticket.RemindersSent, settings);
            HelpdeskTransitions.Touch(ticket, now);
            ticket.Messages.Add(new HelpdeskMessage { Kind = MessageKind.Event, AuthorName = "Sistem", CreatedUtc = now,
                Body = $"Pengingat ke-{ticket.RemindersSent} dikirim ke pelapor." });
            await outbox.EnqueueAsync<HelpdeskEmail>(db, ticket.Email, null, $"[{ticket.Number}] Pengingat ke-{ticket.RemindersSent}: informasi tambahan dibutuhkan",
                HelpdeskEmail.Parameters(HelpdeskEmailKind.Reminder, ticket.Number, ticket.Subject, question, null, links.PathOf(ticket), closeAt));
            audit.Record(db, System, "helpdesk.reminded", $"Laporan {ticket.Number}: pengingat ke-{ticket.RemindersSent} dikirim ke pelapor.",
                entityType: nameof(HelpdeskTicket), entityId: ticket.Number);
        }
        db.PublishAfterCommit(HelpdeskTopics.Queue, HelpdeskTopics.Ticket(id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Follow-up of helpdesk ticket {Id} dropped: the ticket changed meanwhile", id);
            return false;
        }
    }
}

/// <summary>Runs <see cref="HelpdeskFollowUps"/> in the app: at start (catching up what fell due while it was down), then at each due time (checked at least every minute).</summary>
public sealed class HelpdeskFollowUpRunner(HelpdeskFollowUps followUps, TimeProvider clock, ILogger<HelpdeskFollowUpRunner> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = MaxWait;
            try
            {
                await followUps.RunDueAsync(stoppingToken);
                if (await followUps.NextDueAsync(stoppingToken) is { } next)
                {
                    var until = next - clock.GetUtcNow().UtcDateTime;
                    if (until < wait) wait = until < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : until;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Helpdesk follow-ups failed");
            }
            try { await Task.Delay(wait, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
