using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Infrastructure.Audit;

/// <summary>One state change: who did what, when, to which record, in which institution.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public int? InstitutionId { get; set; }
    public int? DistrictId { get; set; }
    /// <summary>A dotted action code, e.g. "identity.signin" or "approvals.head-approved".</summary>
    public string Action { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>Human-readable summary in Indonesian, at most <see cref="SummaryMaxLength"/> characters.</summary>
    public string Summary { get; set; } = "";

    public const int SummaryMaxLength = 2000;
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(80);
        b.Property(a => a.EntityType).HasMaxLength(80);
        b.Property(a => a.EntityId).HasMaxLength(80);
        b.Property(a => a.Summary).HasMaxLength(AuditEntry.SummaryMaxLength);
        b.HasIndex(a => a.OccurredUtc);
        b.HasIndex(a => new { a.InstitutionId, a.OccurredUtc });
        b.HasIndex(a => new { a.DistrictId, a.OccurredUtc });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
