using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Infrastructure.Email;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// One email waiting to go out, or gone out. Added to the same context (and so the same transaction) as the
/// change that caused it, then delivered by <see cref="EmailSender"/>: a message exists exactly when its cause does.
/// Once saved it tells the outbox views, and wakes the sender when it is due (<see cref="ILiveTopicsSource"/>).
/// </summary>
public class OutboxMessage : ILiveTopicsSource
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string TextBody { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public OutboxStatus Status { get; set; }
    /// <summary>Failed delivery attempts so far (reset by "Kirim Ulang").</summary>
    public int Attempts { get; set; }
    /// <summary>The sender picks a pending message once this time has come.</summary>
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
    /// <summary>The institution the message concerns, when there is one (for scoped views).</summary>
    public int? InstitutionId { get; set; }

    IEnumerable<string> ILiveTopicsSource.LiveTopics(EntityEntry entry)
    {
        yield return Live.LiveTopics.Outbox;
        if (Status == OutboxStatus.Pending && (entry.State == EntityState.Added || entry.Property(nameof(Status)).IsModified))
            yield return Live.LiveTopics.OutboxDue;
    }
}

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        b.HasIndex(m => m.CreatedUtc);
        b.HasIndex(m => m.InstitutionId);
    }
}

public static class OutboxStatusExtensions
{
    public static string Label(this OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Menunggu",
        OutboxStatus.Sent => "Terkirim",
        OutboxStatus.Failed => "Gagal",
        _ => status.ToString(),
    };

    /// <summary>What the status means to the reader (StatusChip picks the colour).</summary>
    public static Tone Tone(this OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => Components.Shared.Tone.Waiting,
        OutboxStatus.Sent => Components.Shared.Tone.Success,
        _ => Components.Shared.Tone.Danger,
    };
}
