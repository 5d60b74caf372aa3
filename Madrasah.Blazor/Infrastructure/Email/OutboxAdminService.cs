using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Email;

public sealed record OutboxCounts(int Pending, int Sent, int Failed);

/// <summary>A message as the outbox views list it (without its bodies).</summary>
public sealed record OutboxListItem(
    long Id, string To, string? ToName, string Subject, OutboxStatus Status, DateTime CreatedUtc,
    int Attempts, DateTime NextAttemptUtc, DateTime? SentUtc, string? LastError);

/// <summary>What the outbox pages show and do: counts, the queue, "Kirim Ulang", "Kirim Email Uji", the development mailbox.</summary>
public sealed class OutboxAdminService(IDbContextFactory<MadrasahDbContext> factory, EmailOutbox outbox, AuditLog audit, TimeProvider clock)
{
    public async Task<OutboxCounts> CountAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var counts = await db.Set<OutboxMessage>().GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count);
        return new OutboxCounts(counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Sent), counts.GetValueOrDefault(OutboxStatus.Failed));
    }

    /// <summary>Failed messages first (they need a decision), then pending ones by their next attempt.</summary>
    public async Task<IReadOnlyList<OutboxListItem>> ListUndeliveredAsync(int take = 200)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await Project(db.Set<OutboxMessage>().Where(m => m.Status != OutboxStatus.Sent)
                .OrderByDescending(m => m.Status == OutboxStatus.Failed).ThenBy(m => m.NextAttemptUtc).ThenBy(m => m.Id))
            .Take(take).ToListAsync();
    }

    /// <summary>Every message, newest first (the development mailbox).</summary>
    public async Task<IReadOnlyList<OutboxListItem>> ListRecentAsync(int take = 100)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await Project(db.Set<OutboxMessage>().OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id))
            .Take(take).ToListAsync();
    }

    public async Task<OutboxMessage?> FindAsync(long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
    }

    /// <summary>"Kirim Ulang": a failed message goes back to the queue with a fresh count of attempts. False when it is not failed.</summary>
    public async Task<bool> ResendAsync(UserScope actor, long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id && m.Status == OutboxStatus.Failed);
        if (message is null) return false;
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(db, actor, "email.resend", $"Email \"{message.Subject}\" kepada {message.To} dikirim ulang.",
            institutionId: message.InstitutionId, entityType: nameof(OutboxMessage), entityId: message.Id);
        await db.SaveChangesAsync(); // pending again: the sender wakes once it commits
        return true;
    }

    /// <summary>"Kirim Email Uji": queues <see cref="TestEmail"/> to the address. Throws <see cref="ArgumentException"/> (Indonesian message) for an invalid address.</summary>
    public async Task<OutboxMessage> SendTestAsync(UserScope actor, string address)
    {
        if (Validation.Identifiers.CheckEmail(address) is not null)
            throw new ArgumentException("Alamat email tidak valid.", nameof(address));
        var to = address!.Trim();
        await using var db = await factory.CreateDbContextAsync();
        var message = await outbox.EnqueueAsync<TestEmail>(db, to, null, TestEmail.Subject,
            new Dictionary<string, object?> { [nameof(TestEmail.CreatedUtc)] = clock.GetUtcNow().UtcDateTime });
        audit.Record(db, actor, "email.test", $"Email uji dikirim ke {to}.", entityType: nameof(OutboxMessage));
        await db.SaveChangesAsync();
        return message;
    }

    private static IQueryable<OutboxListItem> Project(IQueryable<OutboxMessage> messages) =>
        messages.Select(m => new OutboxListItem(m.Id, m.To, m.ToName, m.Subject, m.Status, m.CreatedUtc, m.Attempts, m.NextAttemptUtc, m.SentUtc, m.LastError));
}
