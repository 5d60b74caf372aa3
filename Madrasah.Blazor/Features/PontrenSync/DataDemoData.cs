using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>
/// Demo working copy of Pondok Pesantren Al-Hikmah Sleman: a few facilities, 30 santri and 6 GTK that pass the check,
/// so the demo can go straight to "Sinkronisasi" (and an operator can import or add more).
/// </summary>
public static class DataDemoData
{
    private static readonly (string Name, Sex Sex, string Place)[] Santri =
    [
        ("Ahmad Fadhil Ramadhan", Sex.L, "Sleman"), ("Aisyah Nur Fadilah", Sex.P, "Sleman"), ("Bagus Setiawan", Sex.L, "Bantul"),
        ("Citra Kirana Dewi", Sex.P, "Yogyakarta"), ("Dimas Arya Pratama", Sex.L, "Magelang"), ("Dzakiyah Husna", Sex.P, "Sleman"),
        ("Fahri Hidayatullah", Sex.L, "Klaten"), ("Fatimah Az-Zahra", Sex.P, "Sleman"), ("Galih Prasetyo", Sex.L, "Kulon Progo"),
        ("Hafizah Khairunnisa", Sex.P, "Gunungkidul"), ("Ilham Maulana", Sex.L, "Sleman"), ("Intan Permatasari", Sex.P, "Bantul"),
        ("Jundi Abdurrahman", Sex.L, "Sleman"), ("Khansa Salsabila", Sex.P, "Purworejo"), ("Luthfi Hakim", Sex.L, "Sleman"),
        ("Maryam Ulfa", Sex.P, "Temanggung"), ("Muhammad Rizki Akbar", Sex.L, "Sleman"), ("Nabila Putri Ramadhani", Sex.P, "Yogyakarta"),
        ("Naufal Ghifari", Sex.L, "Boyolali"), ("Nurul Hikmah", Sex.P, "Sleman"), ("Rafi Ahmad Syauqi", Sex.L, "Sleman"),
        ("Rahma Aulia", Sex.P, "Klaten"), ("Salman Alfarizi", Sex.L, "Magelang"), ("Syifa Nurhaliza", Sex.P, "Sleman"),
        ("Taufik Hidayat", Sex.L, "Wonosobo"), ("Ulfa Rahmawati", Sex.P, "Sleman"), ("Wildan Firdaus", Sex.L, "Bantul"),
        ("Yasmin Azzahra", Sex.P, "Sleman"), ("Yusuf Habibi", Sex.L, "Kebumen"), ("Zahra Amalia", Sex.P, "Sleman"),
    ];

    private static readonly string[] Levels = ["Ula", "Wustha", "Ulya"];

    public static async Task SeedAsync(MadrasahDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Name == "Pondok Pesantren Al-Hikmah Sleman", cancellationToken);
        if (institution is null || await db.Set<PontrenSantri>().AnyAsync(s => s.InstitutionId == institution.Id, cancellationToken)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        institution.SkNumber ??= "Kd.12.04/5/PP.00/0456/2012";
        institution.SkDate ??= new DateOnly(2012, 6, 18);
        institution.FoundedOn ??= new DateOnly(1998, 7, 12);

        foreach (var (kind, good, light, heavy) in new[]
                 {
                     ("Ruang belajar/kelas", 8, 2, 0), ("Asrama santri", 6, 1, 1), ("Masjid/Musala", 1, 0, 0),
                     ("Perpustakaan", 1, 0, 0), ("Kamar mandi/WC", 14, 3, 1), ("Dapur", 1, 0, 0), ("Aula", 1, 0, 0),
                 })
            db.Add(new PontrenFacility
            {
                InstitutionId = institution.Id, Kind = kind, GoodCount = good, LightlyDamagedCount = light, HeavilyDamagedCount = heavy, UpdatedUtc = now,
            });

        for (var n = 0; n < Santri.Length; n++)
        {
            var (name, sex, place) = Santri[n];
            var birth = new DateOnly(2008 + n % 7, 1 + n * 5 % 12, 1 + n * 7 % 28);
            db.Add(new PontrenSantri
            {
                InstitutionId = institution.Id, Nik = Nik("340407", birth, sex, n + 1), Nisn = n % 4 == 3 ? null : $"00{birth.Year % 100:00}{n + 101:000000}",
                FullName = name, Sex = sex, BirthPlace = place, BirthDate = birth, Level = Levels[n % 3],
                Source = n < 20 ? RowSource.Import : RowSource.Manual, UpdatedUtc = now,
            });
        }

        foreach (var (nip, nik, name, sex, birth, position, status, tmt) in new (string?, string, string, Sex, DateOnly, string, string, DateOnly?)[]
                 {
                     (null, "3404070203700003", "KH. Muhammad Ridwan", Sex.L, new(1970, 3, 2), "Pengasuh/Kiai", "Pengasuh", new(1998, 7, 12)),
                     (null, "3404072305820008", "Ust. Abdullah Hakim", Sex.L, new(1982, 5, 23), "Ustaz Kitab Kuning", "GTY", new(2006, 7, 1)),
                     (null, "3404074807950009", "Ustzh. Khadijah", Sex.P, new(1995, 7, 8), "Ustazah Tahfiz", "GTY", new(2018, 7, 16)),
                     ("198604122011011005", "3404071204860010", "Hanif Mahmudi, S.Pd.I.", Sex.L, new(1986, 4, 12), "Guru Bahasa Arab", "PNS", new(2011, 1, 1)),
                     ("199108262019032011", "3404076608910011", "Laila Mufidah, S.Ag.", Sex.P, new(1991, 8, 26), "Guru Fikih", "PPPK", new(2019, 3, 1)),
                     (null, "3404071010900012", "Sholihin", Sex.L, new(1990, 10, 10), "Tenaga Administrasi", "Honorer", new(2015, 8, 1)),
                 })
            db.Add(new PontrenGtk
            {
                InstitutionId = institution.Id, Nip = nip, Nik = nik, FullName = name, Sex = sex, BirthDate = birth, Position = position,
                EmploymentStatus = status, StartDate = tmt, Source = nip is null ? RowSource.Manual : RowSource.Simpeg, UpdatedUtc = now,
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A NIK of the given region code (6 digits) with the birth date (day + 40 for women) and serial.</summary>
    public static string Nik(string region, DateOnly birth, Sex sex, int serial) =>
        $"{region}{birth.Day + (sex == Sex.P ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}";
}
