using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Data;

/// <summary>A Kabupaten/Kota: the level of the district office of the Ministry of Religious Affairs.</summary>
public class District
{
    public int Id { get; set; }

    /// <summary>Region code as in the NIK, e.g. "34.04".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public string ProvinceName { get; set; } = "";

    public List<Institution> Institutions { get; set; } = [];
}

public class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.Property(d => d.Code).HasMaxLength(8);
        b.Property(d => d.Name).HasMaxLength(120);
        b.Property(d => d.ProvinceCode).HasMaxLength(4);
        b.Property(d => d.ProvinceName).HasMaxLength(120);
        b.HasIndex(d => d.Code).IsUnique();
    }
}
