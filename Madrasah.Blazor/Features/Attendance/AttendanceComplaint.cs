using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>The two menus of "Laporan": a complaint about a missing session, or a report of absence (leave).</summary>
public enum ComplaintCategory
{
    Pengaduan = 1,
    Ketidakhadiran = 2,
}

/// <summary>"Jenis Pengaduan": Tugas Luar or Mesin Error under Pengaduan; the leave types under Ketidakhadiran.</summary>
public enum ComplaintType
{
    TugasLuar = 1,
    MesinError = 2,
    CutiTahunan = 10,
    CutiSakit = 11,
    CutiAlasanPenting = 12,
    CutiMelahirkan = 13,
    CutiBesar = 14,
}

public enum ComplaintStatus
{
    Menunggu = 0,
    Diterima = 1,
    Ditolak = 2,
}

/// <summary>
/// A staff member's complaint about a session without an attendance record (Tugas Luar, Mesin Error) or report of
/// leave over a range of days, with a PDF as evidence, decided by the institution's personnel officer. Accepting it
/// adds the attendance records it covers, marked with <see cref="Number"/>.
/// </summary>
public class AttendanceComplaint : IInstitutionOwned
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    /// <summary>The reference number shown on every screen about it, e.g. "ADU-2026-000123".</summary>
    public string Number { get; set; } = "";
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;
    public int StaffId { get; set; }
    public Staff Staff { get; set; } = null!;
    public string SubmittedByUserId { get; set; } = "";

    public ComplaintCategory Category { get; set; }
    public ComplaintType Type { get; set; }
    /// <summary>The (first) day concerned, WIB.</summary>
    public DateOnly Date { get; set; }
    /// <summary>The last day of a leave; equal to <see cref="Date"/> for a complaint.</summary>
    public DateOnly EndDate { get; set; }
    /// <summary>The session of a complaint; null for leave (every session of the range).</summary>
    public AttendanceSession? Session { get; set; }
    public string Reason { get; set; } = "";
    public Guid EvidenceUploadId { get; set; }
    public string EvidenceFileName { get; set; } = "";
    public long EvidenceSizeBytes { get; set; }

    public ComplaintStatus Status { get; set; }
    public DateTime SubmittedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionReason { get; set; }

    /// <summary>The "Bukti Pengaduan" issued at submission.</summary>
    public string? SubmissionReceiptNumber { get; set; }
    /// <summary>The "Bukti Pengaduan" issued with the decision (it shows the decision and the officer).</summary>
    public string? DecisionReceiptNumber { get; set; }

    /// <summary>Optimistic concurrency: of two officers deciding at once only one wins.</summary>
    public int Revision { get; set; }

    public string? LatestReceiptNumber => DecisionReceiptNumber ?? SubmissionReceiptNumber;
}

public class AttendanceComplaintConfiguration : IEntityTypeConfiguration<AttendanceComplaint>
{
    public void Configure(EntityTypeBuilder<AttendanceComplaint> b)
    {
        b.ToTable("AttendanceComplaints");
        b.Property(c => c.Number).HasMaxLength(40);
        b.Property(c => c.SubmittedByUserId).HasMaxLength(450);
        b.Property(c => c.Reason).HasMaxLength(AttendanceComplaint.ReasonMaxLength);
        b.Property(c => c.EvidenceFileName).HasMaxLength(255);
        b.Property(c => c.DecidedByUserId).HasMaxLength(450);
        b.Property(c => c.DecidedByName).HasMaxLength(200);
        b.Property(c => c.DecisionReason).HasMaxLength(AttendanceComplaint.ReasonMaxLength);
        b.Property(c => c.SubmissionReceiptNumber).HasMaxLength(40);
        b.Property(c => c.DecisionReceiptNumber).HasMaxLength(40);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.Ignore(c => c.LatestReceiptNumber);
        b.HasIndex(c => c.Number).IsUnique();
        // At most one open or accepted complaint per person, day and session, even when two are sent at once.
        b.HasIndex(c => new { c.StaffId, c.Date, c.Session }).IsUnique().HasFilter("\"Status\" <> 2 AND \"Session\" IS NOT NULL");
        b.HasIndex(c => new { c.InstitutionId, c.Status, c.SubmittedUtc });
        b.HasIndex(c => c.SubmissionReceiptNumber);
        b.HasIndex(c => c.DecisionReceiptNumber);
        b.HasIndex(c => c.EvidenceUploadId); // /berkas asks ComplaintEvidenceAccess about every file
        b.HasOne(c => c.Institution).WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Staff).WithMany().HasForeignKey(c => c.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
