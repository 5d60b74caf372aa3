using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Infrastructure.Uploads;

/// <summary>An uploaded file: kept outside wwwroot under a generated name, served only to users in its scope.</summary>
public class StoredUpload
{
    public Guid Id { get; set; }
    public string OriginalName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    /// <summary>Generated file name inside the upload folder; never derived from user input.</summary>
    public string StoredName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public int? InstitutionId { get; set; }
    public int? DistrictId { get; set; }
    public string UploadedByUserId { get; set; } = "";
    public DateTime UploadedUtc { get; set; }
}

public class StoredUploadConfiguration : IEntityTypeConfiguration<StoredUpload>
{
    public void Configure(EntityTypeBuilder<StoredUpload> b)
    {
        b.ToTable("Uploads");
        b.Property(u => u.OriginalName).HasMaxLength(255);
        b.Property(u => u.ContentType).HasMaxLength(100);
        b.Property(u => u.StoredName).HasMaxLength(100);
        b.Property(u => u.Sha256).HasMaxLength(64);
        b.Property(u => u.UploadedByUserId).HasMaxLength(450);
        b.HasIndex(u => u.InstitutionId);
    }
}
