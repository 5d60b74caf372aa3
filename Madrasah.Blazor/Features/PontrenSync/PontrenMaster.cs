using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.PontrenSync;

// The district's master records ("data pusat"): what the last successful sync of each institution applied. A sync
// writes them in one transaction, so they always show one whole sync of an institution, never part of one.
// Rows are keyed by (institution, NIK); the same santri NIK active in two institutions stays two rows and is flagged.

/// <summary>A santri in the district's master records.</summary>
public class MasterSantri : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    public string Nik { get; set; } = "";
    public string? Nisn { get; set; }
    public string FullName { get; set; } = "";
    public Sex Sex { get; set; }
    public string BirthPlace { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string Level { get; set; } = "";
    /// <summary>False once a later sync no longer has this santri (kept, not deleted: the history stays readable).</summary>
    public bool IsActive { get; set; } = true;

    public DateTime FirstSyncedUtc { get; set; }
    public DateTime LastSyncedUtc { get; set; }
    /// <summary>The sync that last added or changed this row.</summary>
    public int LastSyncRunId { get; set; }
}

/// <summary>A teacher or staff member (GTK) in the district's master records.</summary>
public class MasterGtk : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    public string? Nip { get; set; }
    public string Nik { get; set; } = "";
    public string FullName { get; set; } = "";
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    public string Position { get; set; } = "";
    public string EmploymentStatus { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public bool IsActive { get; set; } = true;

    public DateTime FirstSyncedUtc { get; set; }
    public DateTime LastSyncedUtc { get; set; }
    public int LastSyncRunId { get; set; }
}

/// <summary>One kind of facility of an institution in the district's master records.</summary>
public class MasterFacility : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    public string Kind { get; set; } = "";
    public int GoodCount { get; set; }
    public int LightlyDamagedCount { get; set; }
    public int HeavilyDamagedCount { get; set; }
    public DateTime LastSyncedUtc { get; set; }
    public int LastSyncRunId { get; set; }
}

public enum SyncStatus
{
    /// <summary>Waiting in the queue (behind other institutions' syncs).</summary>
    Antre = 0,
    /// <summary>Running: <see cref="PontrenSyncRun.Processed"/> of <see cref="PontrenSyncRun.Total"/>.</summary>
    Berjalan = 1,
    Sukses = 2,
    /// <summary>Failed with reasons, or interrupted (the process stopped while it ran): nothing of it was applied.</summary>
    Gagal = 3,
}

/// <summary>
/// One sync ("Sinkronisasi") of an institution: queued, run in the background, and its result with counts per
/// section. At most one run per institution is <see cref="SyncStatus.Antre"/> or <see cref="SyncStatus.Berjalan"/>
/// at a time (a filtered unique index enforces it).
/// </summary>
public class PontrenSyncRun : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    public SyncStatus Status { get; set; }
    public DateTime RequestedUtc { get; set; }
    public string RequestedByUserId { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }

    /// <summary>Rows to process (santri + GTK + facilities) and how many are done: the progress bar.</summary>
    public int Total { get; set; }
    public int Processed { get; set; }

    public int SantriAdded { get; set; }
    public int SantriChanged { get; set; }
    public int SantriUnchanged { get; set; }
    public int SantriRemoved { get; set; }
    public int SantriFlagged { get; set; }
    public int GtkAdded { get; set; }
    public int GtkChanged { get; set; }
    public int GtkUnchanged { get; set; }
    public int GtkRemoved { get; set; }
    public int FacilitiesChanged { get; set; }

    /// <summary>Why it failed, one reason per line (Indonesian), for "Gagal".</summary>
    public string? FailureReasons { get; set; }
    /// <summary>The "Tanda Terima Sinkronisasi" issued for a successful sync.</summary>
    public int? ReceiptId { get; set; }
    public string? ReceiptNumber { get; set; }

    public int Version { get; set; }

    public bool IsOpen => Status is SyncStatus.Antre or SyncStatus.Berjalan;
}

/// <summary>A row a sync flagged rather than merged, e.g. a santri NIK that is active in another institution too.</summary>
public class PontrenSyncFlag
{
    public int Id { get; set; }
    public int SyncRunId { get; set; }
    public PontrenSyncRun SyncRun { get; set; } = null!;
    /// <summary>"Santri" or "GTK".</summary>
    public string Section { get; set; } = "";
    public string Nik { get; set; } = "";
    public string FullName { get; set; } = "";
    /// <summary>Indonesian, e.g. "NIK ini juga aktif di Pondok Pesantren Al-Falah (NSPP 510034040001)."</summary>
    public string Message { get; set; } = "";
}

public class MasterSantriConfiguration : IEntityTypeConfiguration<MasterSantri>
{
    public void Configure(EntityTypeBuilder<MasterSantri> b)
    {
        b.ToTable("MasterSantri");
        b.Property(s => s.Nik).HasMaxLength(PontrenLimits.Nik);
        b.Property(s => s.Nisn).HasMaxLength(PontrenLimits.Nisn);
        b.Property(s => s.FullName).HasMaxLength(TextLimits.PersonName);
        b.Property(s => s.BirthPlace).HasMaxLength(TextLimits.PlaceName);
        b.Property(s => s.Level).HasMaxLength(PontrenLimits.Level);
        b.HasIndex(s => new { s.InstitutionId, s.Nik }).IsUnique();
        // Cross-institution duplicates: the same NIK active elsewhere.
        b.HasIndex(s => new { s.Nik, s.IsActive });
        b.HasOne(s => s.Institution).WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class MasterGtkConfiguration : IEntityTypeConfiguration<MasterGtk>
{
    public void Configure(EntityTypeBuilder<MasterGtk> b)
    {
        b.ToTable("MasterGtk");
        b.Property(g => g.Nip).HasMaxLength(PontrenLimits.Nip);
        b.Property(g => g.Nik).HasMaxLength(PontrenLimits.Nik);
        b.Property(g => g.FullName).HasMaxLength(TextLimits.PersonName);
        b.Property(g => g.Position).HasMaxLength(PontrenLimits.Position);
        b.Property(g => g.EmploymentStatus).HasMaxLength(PontrenLimits.EmploymentStatus);
        b.HasIndex(g => new { g.InstitutionId, g.Nik }).IsUnique();
        b.HasIndex(g => new { g.Nik, g.IsActive });
        b.HasOne(g => g.Institution).WithMany().HasForeignKey(g => g.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class MasterFacilityConfiguration : IEntityTypeConfiguration<MasterFacility>
{
    public void Configure(EntityTypeBuilder<MasterFacility> b)
    {
        b.ToTable("MasterFacilities");
        b.Property(f => f.Kind).HasMaxLength(PontrenLimits.FacilityKind);
        b.HasIndex(f => new { f.InstitutionId, f.Kind }).IsUnique();
        b.HasOne(f => f.Institution).WithMany().HasForeignKey(f => f.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PontrenSyncRunConfiguration : IEntityTypeConfiguration<PontrenSyncRun>
{
    public void Configure(EntityTypeBuilder<PontrenSyncRun> b)
    {
        b.ToTable("PontrenSyncRuns");
        b.Property(r => r.RequestedByUserId).HasMaxLength(450);
        b.Property(r => r.RequestedByName).HasMaxLength(TextLimits.PersonName);
        b.Property(r => r.FailureReasons).HasMaxLength(4000);
        b.Property(r => r.ReceiptNumber).HasMaxLength(40);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsOpen);
        // One queued or running sync per institution, whatever races the requests.
        b.HasIndex(r => r.InstitutionId).IsUnique().HasFilter("\"Status\" IN (0, 1)").HasDatabaseName("IX_PontrenSyncRuns_OneOpenPerInstitution");
        b.HasIndex(r => new { r.InstitutionId, r.RequestedUtc });
        // The queue: open runs in request order.
        b.HasIndex(r => new { r.Status, r.RequestedUtc });
        b.HasOne(r => r.Institution).WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PontrenSyncFlagConfiguration : IEntityTypeConfiguration<PontrenSyncFlag>
{
    public void Configure(EntityTypeBuilder<PontrenSyncFlag> b)
    {
        b.ToTable("PontrenSyncFlags");
        b.Property(f => f.Section).HasMaxLength(20);
        b.Property(f => f.Nik).HasMaxLength(PontrenLimits.Nik);
        b.Property(f => f.FullName).HasMaxLength(TextLimits.PersonName);
        b.Property(f => f.Message).HasMaxLength(500);
        b.HasIndex(f => f.SyncRunId);
        b.HasOne(f => f.SyncRun).WithMany().HasForeignKey(f => f.SyncRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
