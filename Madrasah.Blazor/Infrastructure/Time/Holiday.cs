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
        b.Property(h => h.Name).HasMaxLength(Validation.TextLimits.HolidayName);
        b.HasIndex(h => h.Date).IsUnique();
        b.HasData(Decree2026);
    }

    /// <summary>
    /// SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025: national holidays and collective leave of 2026, put into a new
    /// database by the initial migration. For 2027 only the fixed-date holidays: the administrator adds the rest at
    /// /admin/hari-libur once the decree is out.
    /// </summary>
    private static readonly Holiday[] Decree2026 =
    [
        new() { Id = 1, Date = new(2026, 1, 1), Name = "Tahun Baru 2026 Masehi", Kind = HolidayKind.LiburNasional },
        new() { Id = 2, Date = new(2026, 1, 16), Name = "Isra Mikraj Nabi Muhammad SAW", Kind = HolidayKind.LiburNasional },
        new() { Id = 3, Date = new(2026, 2, 16), Name = "Cuti Bersama Tahun Baru Imlek", Kind = HolidayKind.CutiBersama },
        new() { Id = 4, Date = new(2026, 2, 17), Name = "Tahun Baru Imlek 2577 Kongzili", Kind = HolidayKind.LiburNasional },
        new() { Id = 5, Date = new(2026, 3, 18), Name = "Cuti Bersama Hari Suci Nyepi", Kind = HolidayKind.CutiBersama },
        new() { Id = 6, Date = new(2026, 3, 19), Name = "Hari Suci Nyepi (Tahun Baru Saka 1948)", Kind = HolidayKind.LiburNasional },
        new() { Id = 7, Date = new(2026, 3, 20), Name = "Cuti Bersama Idul Fitri", Kind = HolidayKind.CutiBersama },
        new() { Id = 8, Date = new(2026, 3, 21), Name = "Hari Raya Idul Fitri 1447 Hijriah", Kind = HolidayKind.LiburNasional },
        new() { Id = 9, Date = new(2026, 3, 22), Name = "Hari Raya Idul Fitri 1447 Hijriah", Kind = HolidayKind.LiburNasional },
        new() { Id = 10, Date = new(2026, 3, 23), Name = "Cuti Bersama Idul Fitri", Kind = HolidayKind.CutiBersama },
        new() { Id = 11, Date = new(2026, 3, 24), Name = "Cuti Bersama Idul Fitri", Kind = HolidayKind.CutiBersama },
        new() { Id = 12, Date = new(2026, 4, 3), Name = "Wafat Yesus Kristus", Kind = HolidayKind.LiburNasional },
        new() { Id = 13, Date = new(2026, 4, 5), Name = "Kebangkitan Yesus Kristus (Paskah)", Kind = HolidayKind.LiburNasional },
        new() { Id = 14, Date = new(2026, 5, 1), Name = "Hari Buruh Internasional", Kind = HolidayKind.LiburNasional },
        new() { Id = 15, Date = new(2026, 5, 14), Name = "Kenaikan Yesus Kristus", Kind = HolidayKind.LiburNasional },
        new() { Id = 16, Date = new(2026, 5, 15), Name = "Cuti Bersama Kenaikan Yesus Kristus", Kind = HolidayKind.CutiBersama },
        new() { Id = 17, Date = new(2026, 5, 27), Name = "Hari Raya Idul Adha 1447 Hijriah", Kind = HolidayKind.LiburNasional },
        new() { Id = 18, Date = new(2026, 5, 28), Name = "Cuti Bersama Idul Adha", Kind = HolidayKind.CutiBersama },
        new() { Id = 19, Date = new(2026, 5, 31), Name = "Hari Raya Waisak 2570 BE", Kind = HolidayKind.LiburNasional },
        new() { Id = 20, Date = new(2026, 6, 1), Name = "Hari Lahir Pancasila", Kind = HolidayKind.LiburNasional },
        new() { Id = 21, Date = new(2026, 6, 16), Name = "1 Muharam Tahun Baru Islam 1448 Hijriah", Kind = HolidayKind.LiburNasional },
        new() { Id = 22, Date = new(2026, 8, 17), Name = "Proklamasi Kemerdekaan", Kind = HolidayKind.LiburNasional },
        new() { Id = 23, Date = new(2026, 8, 25), Name = "Maulid Nabi Muhammad SAW", Kind = HolidayKind.LiburNasional },
        new() { Id = 24, Date = new(2026, 12, 24), Name = "Cuti Bersama Kelahiran Yesus Kristus", Kind = HolidayKind.CutiBersama },
        new() { Id = 25, Date = new(2026, 12, 25), Name = "Kelahiran Yesus Kristus", Kind = HolidayKind.LiburNasional },
        new() { Id = 26, Date = new(2027, 1, 1), Name = "Tahun Baru 2027 Masehi", Kind = HolidayKind.LiburNasional },
        new() { Id = 27, Date = new(2027, 5, 1), Name = "Hari Buruh Internasional", Kind = HolidayKind.LiburNasional },
        new() { Id = 28, Date = new(2027, 6, 1), Name = "Hari Lahir Pancasila", Kind = HolidayKind.LiburNasional },
        new() { Id = 29, Date = new(2027, 8, 17), Name = "Proklamasi Kemerdekaan", Kind = HolidayKind.LiburNasional },
        new() { Id = 30, Date = new(2027, 12, 25), Name = "Kelahiran Yesus Kristus", Kind = HolidayKind.LiburNasional },
    ];
}
