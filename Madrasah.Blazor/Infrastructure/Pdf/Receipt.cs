using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// An issued document ("bukti"): its number, what it says, and the exact PDF handed out, kept unchanged so anyone
/// holding a copy can check it at /verifikasi/{Number} with the code printed on it. The row (number and content) is
/// committed first, with the change it belongs to; the PDF is drawn after the commit, outside any transaction, and
/// stored once (<see cref="IsDrawn"/>). Until then the receipt has no code, so nothing can verify it, and the first
/// download draws it: a receipt whose drawing was interrupted is never lost.
/// </summary>
public class Receipt
{
    public int Id { get; set; }
    /// <summary>"BPL-2026-000001": prefix of the kind, WIB year of issue, number within kind and year.</summary>
    public string Number { get; set; } = "";
    /// <summary>The kind's code, e.g. "institution-profile" (see <see cref="ReceiptKind"/>).</summary>
    public string Kind { get; set; } = "";
    /// <summary>Indonesian title, e.g. "Bukti Profil Lembaga".</summary>
    public string Title { get; set; } = "";
    public int? InstitutionId { get; set; }
    public int? DistrictId { get; set; }
    /// <summary>The institution's name when issued (a later rename does not change the receipt).</summary>
    public string? InstitutionName { get; set; }
    public DateTime IssuedUtc { get; set; }
    public string IssuedByName { get; set; } = "";
    /// <summary>The ordered label/value pairs shown on the verification page (JSON array of <see cref="ReceiptFact"/>).</summary>
    public string FactsJson { get; set; } = "[]";
    /// <summary>The extra tables of the PDF (JSON array of <see cref="ReceiptSection"/>), kept to draw it after the commit.</summary>
    public string SectionsJson { get; set; } = "[]";
    /// <summary>The PDF; empty until drawn.</summary>
    public byte[] PdfBytes { get; set; } = [];
    /// <summary>SHA-256 of <see cref="PdfBytes"/>, lower-case hex; empty until drawn.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>SHA-256 of the receipt's <see cref="VerificationCode"/> (the code itself is only on the PDF); empty until drawn.</summary>
    public string VerificationCodeHash { get; set; } = "";

    public bool IsDrawn => Sha256.Length > 0;
}

/// <summary>The last number handed out for one kind in one (WIB) year.</summary>
public class ReceiptCounter
{
    public string Kind { get; set; } = "";
    public int Year { get; set; }
    public int LastNumber { get; set; }
}

public class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.ToTable("Receipts");
        b.Property(r => r.Number).HasMaxLength(40);
        b.Property(r => r.Kind).HasMaxLength(60);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.InstitutionName).HasMaxLength(200);
        b.Property(r => r.IssuedByName).HasMaxLength(256);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.VerificationCodeHash).HasMaxLength(64);
        b.Ignore(r => r.IsDrawn);
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => new { r.InstitutionId, r.IssuedUtc });
    }
}

public class ReceiptCounterConfiguration : IEntityTypeConfiguration<ReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReceiptCounter> b)
    {
        b.ToTable("ReceiptCounters");
        b.HasKey(c => new { c.Kind, c.Year });
        b.Property(c => c.Kind).HasMaxLength(60);
    }
}
