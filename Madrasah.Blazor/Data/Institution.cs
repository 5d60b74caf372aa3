using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Data;

public enum InstitutionType
{
    MI = 1,
    MTs = 2,
    MA = 3,
    PondokPesantren = 4,
    MDT = 5,
    LPQ = 6,
}

/// <summary>A madrasah or pesantren: the unit whose data every user except district/helpdesk staff is scoped to.</summary>
public class Institution
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;

    public InstitutionType Type { get; set; }
    public string Name { get; set; } = "";

    /// <summary>NSM (madrasah) or NSPP (pesantren): the ministry's statistic number.</summary>
    public string StatisticNumber { get; set; } = "";
    public string? Npsn { get; set; }

    public string Address { get; set; } = "";
    public string? Village { get; set; }
    public string? Subdistrict { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Accreditation { get; set; }

    /// <summary>Pesantren: founding date and the SK/Piagam (number and date) the registration was approved on.</summary>
    public DateOnly? FoundedOn { get; set; }
    public string? SkNumber { get; set; }
    public DateOnly? SkDate { get; set; }

    public string? HeadName { get; set; }
    /// <summary>NIK of the head (Kepala Madrasah): with the registration code it opens the head's account registration.</summary>
    public string? HeadNik { get; set; }

    public int StudentCount { get; set; }
    public int TeacherCount { get; set; }
    public string? Facilities { get; set; }

    /// <summary>The hash of the head's registration code (RegistrationCodeService.HashCode): the code itself is shown once and not stored.</summary>
    public string? RegistrationCodeHash { get; set; }
    public DateTime? RegistrationCodeExpiresUtc { get; set; }

    /// <summary>Optimistic concurrency token: bumped on every write so stale approvals are detected.</summary>
    public int Version { get; set; }

    public List<Staff> Staff { get; set; } = [];

    public bool IsPesantren => Type is InstitutionType.PondokPesantren or InstitutionType.MDT or InstitutionType.LPQ;
    public string StatisticNumberLabel => IsPesantren ? "NSPP" : "NSM";
}

public static class InstitutionTypeNames
{
    public static string Label(this InstitutionType type) => type switch
    {
        InstitutionType.MI => "MI (Madrasah Ibtidaiyah)",
        InstitutionType.MTs => "MTs (Madrasah Tsanawiyah)",
        InstitutionType.MA => "MA (Madrasah Aliyah)",
        InstitutionType.PondokPesantren => "Pondok Pesantren",
        InstitutionType.MDT => "MDT (Madrasah Diniyah Takmiliyah)",
        InstitutionType.LPQ => "LPQ (Lembaga Pendidikan Al-Qur'an)",
        _ => type.ToString(),
    };

    /// <summary>"MI", "MTs", …: for tables, where the long label would wrap.</summary>
    public static string ShortLabel(this InstitutionType type) => type == InstitutionType.PondokPesantren ? "Pondok Pesantren" : type.ToString();
}

public class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(i => i.Name).HasMaxLength(TextLimits.InstitutionName);
        b.Property(i => i.StatisticNumber).HasMaxLength(20);
        b.Property(i => i.SkNumber).HasMaxLength(100);
        b.Property(i => i.Npsn).HasMaxLength(8);
        b.Property(i => i.Address).HasMaxLength(TextLimits.Address);
        b.Property(i => i.Village).HasMaxLength(TextLimits.PlaceName);
        b.Property(i => i.Subdistrict).HasMaxLength(TextLimits.PlaceName);
        b.Property(i => i.PostalCode).HasMaxLength(TextLimits.PostalCode);
        b.Property(i => i.Phone).HasMaxLength(TextLimits.Phone);
        b.Property(i => i.Email).HasMaxLength(TextLimits.Email);
        b.Property(i => i.Website).HasMaxLength(TextLimits.Website);
        b.Property(i => i.Accreditation).HasMaxLength(20);
        b.Property(i => i.HeadName).HasMaxLength(TextLimits.PersonName);
        b.Property(i => i.HeadNik).HasMaxLength(16);
        b.Property(i => i.Facilities).HasMaxLength(TextLimits.Facilities);
        b.Property(i => i.RegistrationCodeHash).HasMaxLength(64);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.StatisticNumber).IsUnique();
        b.HasIndex(i => i.Npsn).IsUnique();
        b.HasIndex(i => i.HeadNik);
        b.HasIndex(i => i.RegistrationCodeHash).IsUnique();
        b.HasOne(i => i.District).WithMany(d => d.Institutions).HasForeignKey(i => i.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}
