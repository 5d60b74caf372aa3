using Madrasah.Blazor.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Infrastructure.Time;

public enum HolidayKind
{
    LiburNasional = 1,
    CutiBersama = 2,
}

/// <summary>
/// A day the offices are closed: a national holiday or collective leave (cuti bersama), set each year by the
/// joint ministerial decree (SKB 3 Menteri) and kept up to date by the administrator.
/// </summary>
public class Holiday
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    public HolidayKind Kind { get; set; }

    public static string KindLabel(HolidayKind kind) => kind == HolidayKind.CutiBersama ? "Cuti Bersama" : "Libur Nasional";

    /// <summary>What the kind means to the reader (StatusChip picks the colour).</summary>
    public static Tone KindTone(HolidayKind kind) => kind == HolidayKind.CutiBersama ? Tone.Info : Tone.Danger;
}

public class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> b)
    {
        b.ToTable("Holidays");
        b.Property(h => h.Name).HasMaxLength(150);
        b.HasIndex(h => h.Date).IsUnique();
    }
}
