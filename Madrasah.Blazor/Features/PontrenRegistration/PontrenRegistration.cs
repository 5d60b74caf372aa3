using Madrasah.Blazor.Components.Shared;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.PontrenRegistration;

public enum RegistrationStatus
{
    /// <summary>Sent, waiting in the district's queue.</summary>
    Menunggu = 0,
    /// <summary>Approved: the institution and the operator's account exist.</summary>
    Disetujui = 1,
    /// <summary>Rejected with a reason (emailed).</summary>
    Ditolak = 2,
}

/// <summary>
/// A pesantren's request to be registered (PD Pontren: Pondok Pesantren, MDT, LPQ; account type "pengelola lembaga"):
/// the institution's data as written in its SK/Piagam, the operator, and the two PDF documents. It waits in the
/// queue of its district (Kabupaten/Kota) in arrival order; the district admin approves (the institution and the
/// operator's account are created) or rejects it with a reason. The applicant follows it through the status link
/// whose token only the confirmation email and the confirmation screen carry (<see cref="AccessTokenHash"/>: SHA-256).
/// </summary>
public class PontrenRegistration
{
    public int Id { get; set; }
    /// <summary>"PP-2026-000012": told on screen and by email.</summary>
    public string Number { get; set; } = "";
    public RegistrationStatus Status { get; set; }

    public InstitutionType Category { get; set; }
    public string InstitutionName { get; set; } = "";
    /// <summary>The name reduced for the duplicate check (<see cref="RegistrationRules.NormalizeName"/>).</summary>
    public string NameKey { get; set; } = "";
    /// <summary>NSPP (Pondok Pesantren) or NPSMDT (MDT/LPQ).</summary>
    public string StatisticNumber { get; set; } = "";
    public string? Npsn { get; set; }
    public string Address { get; set; } = "";
    /// <summary>The address reduced for the duplicate check (<see cref="RegistrationRules.NormalizeAddress"/>).</summary>
    public string AddressKey { get; set; } = "";
    public string Village { get; set; } = "";
    public string Subdistrict { get; set; } = "";
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public DateOnly FoundedOn { get; set; }
    public string SkNumber { get; set; } = "";
    public DateOnly SkDate { get; set; }

    public string OperatorName { get; set; } = "";
    public string OperatorNik { get; set; } = "";
    public string OperatorEmail { get; set; } = "";

    public Guid SkUploadId { get; set; }
    public string SkFileName { get; set; } = "";
    public Guid AssignmentUploadId { get; set; }
    public string AssignmentFileName { get; set; } = "";

    public DateTime SubmittedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedByName { get; set; }
    public string? RejectionReason { get; set; }
    /// <summary>The institution created by the approval.</summary>
    public int? InstitutionId { get; set; }

    public string AccessTokenHash { get; set; } = "";
    /// <summary>Bumped by every change: two decisions on the same registration at once cannot both win.</summary>
    public int Version { get; set; }
}

public static class RegistrationLimits
{
    public const int SkNumber = 100;
    public const int Reason = 1000;
    /// <summary>Each document (SK/Piagam, surat tugas): a PDF of at most 2 MB.</summary>
    public const long DocumentBytes = 2 * 1024 * 1024;
}

public static class RegistrationStatusExtensions
{
    public static string Label(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Menunggu => "Menunggu persetujuan",
        RegistrationStatus.Disetujui => "Disetujui",
        RegistrationStatus.Ditolak => "Ditolak",
        _ => status.ToString(),
    };

    public static Tone Tone(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Menunggu => Components.Shared.Tone.Waiting,
        RegistrationStatus.Disetujui => Components.Shared.Tone.Success,
        _ => Components.Shared.Tone.Danger,
    };
}

public class PontrenRegistrationConfiguration : IEntityTypeConfiguration<PontrenRegistration>
{
    public void Configure(EntityTypeBuilder<PontrenRegistration> b)
    {
        b.ToTable("PontrenRegistrations");
        b.Property(r => r.Number).HasMaxLength(20);
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.InstitutionName).HasMaxLength(TextLimits.InstitutionName);
        b.Property(r => r.NameKey).HasMaxLength(TextLimits.InstitutionName);
        b.Property(r => r.StatisticNumber).HasMaxLength(20);
        b.Property(r => r.Npsn).HasMaxLength(8);
        b.Property(r => r.Address).HasMaxLength(TextLimits.Address);
        b.Property(r => r.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(r => r.Village).HasMaxLength(TextLimits.PlaceName);
        b.Property(r => r.Subdistrict).HasMaxLength(TextLimits.PlaceName);
        b.Property(r => r.SkNumber).HasMaxLength(RegistrationLimits.SkNumber);
        b.Property(r => r.OperatorName).HasMaxLength(TextLimits.PersonName);
        b.Property(r => r.OperatorNik).HasMaxLength(16);
        b.Property(r => r.OperatorEmail).HasMaxLength(TextLimits.Email);
        b.Property(r => r.SkFileName).HasMaxLength(255);
        b.Property(r => r.AssignmentFileName).HasMaxLength(255);
        b.Property(r => r.DecidedByName).HasMaxLength(TextLimits.PersonName);
        b.Property(r => r.RejectionReason).HasMaxLength(RegistrationLimits.Reason);
        b.Property(r => r.AccessTokenHash).HasMaxLength(64);
        b.HasIndex(r => r.AccessTokenHash).IsUnique();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.District).WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.SetNull);
        // The queue (and the applicant's position): a district's waiting registrations in arrival order.
        b.HasIndex(r => new { r.DistrictId, r.Status, r.SubmittedUtc });
        // The duplicate check: by statistic number, and by name/address within a district.
        b.HasIndex(r => new { r.StatisticNumber, r.Status });
        b.HasIndex(r => new { r.DistrictId, r.AddressKey });
    }
}
