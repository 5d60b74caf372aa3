using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.PontrenSync;

// The pesantren's own working copy of its data ("Verifikasi data lembaga"): what the operator enters, imports and
// checks. It may hold problems (the check lists them by section and row); a sync copies it, once the check finds no
// blocking error, into the district's master records (PontrenMaster.cs).

public enum Sex
{
    L = 1,
    P = 2,
}

/// <summary>Where a row of the working copy came from.</summary>
public enum RowSource
{
    Manual = 1,
    /// <summary>An Excel (.xlsx) or CSV import of santri.</summary>
    Import = 2,
    /// <summary>"Ambil data dari Simpeg": the personnel system's export.</summary>
    Simpeg = 3,
}

public static class PontrenLimits
{
    public const int Nik = 16;
    public const int Nisn = 10;
    public const int Nip = 18;
    public const int Level = 60;
    public const int Position = 120;
    public const int EmploymentStatus = 40;
    public const int FacilityKind = 80;
}

/// <summary>A santri of the pesantren as the operator keeps it.</summary>
public class PontrenSantri : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    /// <summary>16 digits when valid; kept as typed (trimmed) so the check can point at a bad one.</summary>
    public string Nik { get; set; } = "";
    /// <summary>NISN (10 digits) where the santri has one.</summary>
    public string? Nisn { get; set; }
    public string FullName { get; set; } = "";
    public Sex? Sex { get; set; }
    public string BirthPlace { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    /// <summary>Jenjang/tingkat (e.g. "Ula", "Wustha", "Ulya", "Kelas 1").</summary>
    public string Level { get; set; } = "";

    public RowSource Source { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A teacher or staff member (GTK) of the pesantren, entered by hand or taken from Simpeg.</summary>
public class PontrenGtk : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    public string? Nip { get; set; }
    public string Nik { get; set; } = "";
    public string FullName { get; set; } = "";
    public Sex? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>Jabatan (e.g. "Ustadz", "Guru Kelas", "Tenaga Administrasi").</summary>
    public string Position { get; set; } = "";
    /// <summary>Status kepegawaian (e.g. "PNS", "PPPK", "GTY", "Honorer").</summary>
    public string EmploymentStatus { get; set; } = "";
    /// <summary>TMT: the date the assignment took effect.</summary>
    public DateOnly? StartDate { get; set; }

    public RowSource Source { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>Sarana prasarana: how many of one kind of room or building the pesantren has, by condition.</summary>
public class PontrenFacility : IInstitutionOwned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    /// <summary>"Ruang kelas", "Asrama santri", "Masjid/Musala", "Perpustakaan", "Kamar mandi/WC", …</summary>
    public string Kind { get; set; } = "";
    public int GoodCount { get; set; }
    public int LightlyDamagedCount { get; set; }
    public int HeavilyDamagedCount { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

public class PontrenSantriConfiguration : IEntityTypeConfiguration<PontrenSantri>
{
    public void Configure(EntityTypeBuilder<PontrenSantri> b)
    {
        b.ToTable("PontrenSantri");
        b.Property(s => s.Nik).HasMaxLength(PontrenLimits.Nik);
        b.Property(s => s.Nisn).HasMaxLength(PontrenLimits.Nisn);
        b.Property(s => s.FullName).HasMaxLength(TextLimits.PersonName);
        b.Property(s => s.BirthPlace).HasMaxLength(TextLimits.PlaceName);
        b.Property(s => s.Level).HasMaxLength(PontrenLimits.Level);
        // Not unique: the same NIK twice is a problem the check shows with both rows, not an error on saving.
        b.HasIndex(s => new { s.InstitutionId, s.Nik });
        // The page's order and the check's (name, then id: SQLite keeps the rowid in every index entry): a page of 25 of
        // 10,000 santri is read in order, not sorted.
        b.HasIndex(s => new { s.InstitutionId, s.FullName });
        b.HasOne(s => s.Institution).WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PontrenGtkConfiguration : IEntityTypeConfiguration<PontrenGtk>
{
    public void Configure(EntityTypeBuilder<PontrenGtk> b)
    {
        b.ToTable("PontrenGtk");
        b.Property(g => g.Nip).HasMaxLength(PontrenLimits.Nip);
        b.Property(g => g.Nik).HasMaxLength(PontrenLimits.Nik);
        b.Property(g => g.FullName).HasMaxLength(TextLimits.PersonName);
        b.Property(g => g.Position).HasMaxLength(PontrenLimits.Position);
        b.Property(g => g.EmploymentStatus).HasMaxLength(PontrenLimits.EmploymentStatus);
        b.HasIndex(g => new { g.InstitutionId, g.Nip });
        b.HasIndex(g => new { g.InstitutionId, g.Nik });
        b.HasIndex(g => new { g.InstitutionId, g.FullName });
        b.HasOne(g => g.Institution).WithMany().HasForeignKey(g => g.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PontrenFacilityConfiguration : IEntityTypeConfiguration<PontrenFacility>
{
    public void Configure(EntityTypeBuilder<PontrenFacility> b)
    {
        b.ToTable("PontrenFacilities");
        b.Property(f => f.Kind).HasMaxLength(PontrenLimits.FacilityKind);
        b.HasIndex(f => new { f.InstitutionId, f.Kind }).IsUnique();
        b.HasOne(f => f.Institution).WithMany().HasForeignKey(f => f.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
