using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>The two attendance sessions of a working day: "Presensi Masuk" (pagi) and "Presensi Pulang" (sore).</summary>
public enum AttendanceSession
{
    Pagi = 1,
    Sore = 2,
}

/// <summary>Where a record comes from: the web page, an attendance machine's file, or an accepted complaint.</summary>
public enum AttendanceSource
{
    Web = 1,
    Mesin = 2,
    Pengaduan = 3,
}

/// <summary>What the record says about the session: present, on duty elsewhere, on leave, or covered by a machine outage.</summary>
public enum AttendanceKind
{
    Hadir = 1,
    TugasLuar = 2,
    MesinError = 3,
    Cuti = 4,
}

/// <summary>
/// One session of one staff member on one WIB day. A session without a record is missing; an accepted complaint adds
/// the record it corrects (<see cref="Source"/> = Pengaduan, with the complaint's reference number).
/// </summary>
public class AttendanceRecord : IInstitutionOwned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;
    public int StaffId { get; set; }
    public Staff Staff { get; set; } = null!;

    /// <summary>The WIB calendar day.</summary>
    public DateOnly Date { get; set; }
    public AttendanceSession Session { get; set; }
    public AttendanceKind Kind { get; set; }
    public AttendanceSource Source { get; set; }
    /// <summary>When the staff member recorded it (UTC); null for a session corrected by a complaint.</summary>
    public DateTime? RecordedUtc { get; set; }
    /// <summary>The reference number of the accepted complaint that corrected this session, e.g. "ADU-2026-000123".</summary>
    public string? ComplaintNumber { get; set; }
}

public class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> b)
    {
        b.ToTable("AttendanceRecords");
        b.Property(r => r.ComplaintNumber).HasMaxLength(40);
        // One record per person, day and session: two clicks (or two tabs) cannot record a session twice.
        b.HasIndex(r => new { r.StaffId, r.Date, r.Session }).IsUnique();
        b.HasIndex(r => new { r.InstitutionId, r.Date });
        b.HasOne(r => r.Institution).WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Staff).WithMany().HasForeignKey(r => r.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A machine outage the personnel officer recorded: Mesin Error complaints for that day and session can be accepted together.</summary>
public class MachineOutage : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;
    public DateOnly Date { get; set; }
    public AttendanceSession Session { get; set; }
    public string Note { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedUtc { get; set; }
}

public class MachineOutageConfiguration : IEntityTypeConfiguration<MachineOutage>
{
    public void Configure(EntityTypeBuilder<MachineOutage> b)
    {
        b.ToTable("MachineOutages");
        b.Property(o => o.Note).HasMaxLength(AttendanceComplaint.ReasonMaxLength);
        b.Property(o => o.RecordedByName).HasMaxLength(200);
        b.HasIndex(o => new { o.InstitutionId, o.Date, o.Session }).IsUnique();
        b.HasOne(o => o.Institution).WithMany().HasForeignKey(o => o.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
