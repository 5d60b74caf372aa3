using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Data;

public enum StaffKind
{
    Guru = 1,
    Tendik = 2,
}

/// <summary>A teacher or staff member (PTK / pegawai) of one institution.</summary>
public class Staff : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    public string FullName { get; set; } = "";
    public string Nik { get; set; } = "";
    /// <summary>NIP, only for civil servants (ASN).</summary>
    public string? Nip { get; set; }
    public DateOnly BirthDate { get; set; }
    public string Position { get; set; } = "";
    public StaffKind Kind { get; set; }
    public string? Email { get; set; }
    public bool EmailVerified { get; set; }

    /// <summary>The sign-in account of this person, once one exists.</summary>
    public string? UserId { get; set; }

    public bool IsAsn => !string.IsNullOrEmpty(Nip);
}

public class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.Property(s => s.FullName).HasMaxLength(TextLimits.PersonName);
        b.Property(s => s.Nik).HasMaxLength(16);
        b.Property(s => s.Nip).HasMaxLength(18);
        b.Property(s => s.Position).HasMaxLength(120);
        b.Property(s => s.Email).HasMaxLength(TextLimits.Email);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasIndex(s => s.Nik).IsUnique();
        b.HasIndex(s => s.Nip).IsUnique();
        b.HasIndex(s => s.UserId);
        b.HasOne(s => s.Institution).WithMany(i => i.Staff).HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
