using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Data;

/// <summary>A province (provinsi), by its Kemendagri code ("34").</summary>
public class Province
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Regency> Regencies { get; set; } = [];
}

/// <summary>A regency or city (kabupaten/kota), by its Kemendagri code ("34.04").</summary>
public class Regency
{
    public string Code { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public Province Province { get; set; } = null!;
    public string Name { get; set; } = "";
}

public class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.ToTable("Provinces");
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(2);
        b.Property(p => p.Name).HasMaxLength(100);
    }
}

public class RegencyConfiguration : IEntityTypeConfiguration<Regency>
{
    public void Configure(EntityTypeBuilder<Regency> b)
    {
        b.ToTable("Regencies");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(5);
        b.Property(r => r.ProvinceCode).HasMaxLength(2);
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasOne(r => r.Province).WithMany(p => p.Regencies).HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Loads the provinces and regencies shipped in Data/Reference (idn-area-data, ODbL) into an empty database.
/// Reference data, so it runs in every environment.
/// </summary>
public static class RegionData
{
    public static async Task SeedAsync(MadrasahDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Set<Province>().AnyAsync(cancellationToken)) return;
        foreach (var row in ReadCsv("provinces.csv"))
            db.Add(new Province { Code = row[0], Name = TitleCase(row[1]) });
        foreach (var row in ReadCsv("regencies.csv"))
            db.Add(new Regency { Code = row[0], ProvinceCode = row[1], Name = TitleCase(row[2]) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The 38 province codes, for identifier checks that need no database.</summary>
    public static readonly IReadOnlySet<string> ProvinceCodes = ReadCsv("provinces.csv").Select(r => r[0]).ToHashSet();

    /// <summary>"KABUPATEN SLEMAN" → "Kabupaten Sleman"; acronyms such as DKI stay upper case.</summary>
    public static string TitleCase(string name)
    {
        var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => w is "DKI" ? w : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant())));
    }

    private static IEnumerable<string[]> ReadCsv(string file)
    {
        using var stream = typeof(RegionData).Assembly.GetManifestResourceStream($"Madrasah.Blazor.Data.Reference.{file}")
            ?? throw new InvalidOperationException($"Embedded reference file {file} is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line.Split(',', 3);
    }
}
