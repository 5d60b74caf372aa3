using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Data;

/// <summary>
/// Demo data for a fresh Development database: one district, two madrasahs, one pesantren, a few staff
/// each and one account per role. Runs only when the database has no district yet, after the roles exist
/// (<see cref="Infrastructure.Identity.IdentityBootstrap"/>).
/// The accounts and their password are listed in README.md.
/// </summary>
public sealed class DemoData(
    IDbContextFactory<MadrasahDbContext> factory,
    UserManager<ApplicationUser> userManager,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const string Password = "Demo#Sleman2026";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Districts.AnyAsync(cancellationToken)) return;

        var sleman = new District { Code = "34.04", Name = "Kabupaten Sleman", ProvinceCode = "34", ProvinceName = "Daerah Istimewa Yogyakarta" };
        var mi = new Institution
        {
            District = sleman, Type = InstitutionType.MI, Name = "MIN 1 Sleman", StatisticNumber = "111134040001", Npsn = "60713201",
            Address = "Jl. Kaliurang Km 7", Village = "Sinduharjo", Subdistrict = "Ngaglik", PostalCode = "55581",
            Phone = "0274-880001", Email = "min1sleman@kemenag.go.id", Accreditation = "A",
            HeadName = "Drs. H. Ahmad Fauzi, M.Pd.I.", HeadNik = "3404071211750001",
            StudentCount = 412, TeacherCount = 24, Facilities = "18 ruang kelas, perpustakaan, musala, laboratorium komputer",
        };
        var mts = new Institution
        {
            District = sleman, Type = InstitutionType.MTs, Name = "MTs Negeri 3 Sleman", StatisticNumber = "121134040003", Npsn = "20403212",
            Address = "Jl. Magelang Km 12", Village = "Caturharjo", Subdistrict = "Sleman", PostalCode = "55515",
            Phone = "0274-868002", Email = "mtsn3sleman@kemenag.go.id", Accreditation = "A",
            HeadName = "Hj. Siti Rahmawati, S.Ag., M.Pd.", HeadNik = "3404015508780002",
            StudentCount = 586, TeacherCount = 38, Facilities = "21 ruang kelas, laboratorium IPA, perpustakaan, masjid",
        };
        var pontren = new Institution
        {
            District = sleman, Type = InstitutionType.PondokPesantren, Name = "Pondok Pesantren Al-Hikmah Sleman", StatisticNumber = "510034040123", Npsn = "70012345",
            Address = "Dusun Karangmojo, Jl. Palagan Km 9", Village = "Sariharjo", Subdistrict = "Ngaglik", PostalCode = "55581",
            Phone = "0812-2700-1234", Email = "alhikmah.sleman@gmail.com",
            HeadName = "KH. Muhammad Ridwan", HeadNik = "3404070203700003",
            StudentCount = 230, TeacherCount = 17, Facilities = "Asrama putra dan putri, masjid, aula, dapur umum",
        };
        db.AddRange(sleman, mi, mts, pontren);
        db.Staff.AddRange(
            NewStaff(mi, "Nur Hidayah, S.Pd.I.", "3404074503900002", "199003052015032001", "Guru Kelas", StaffKind.Guru, "nur.hidayah@guru.demo.id"),
            NewStaff(mi, "Muhammad Iqbal, S.Pd.", "3404071211870001", "198711122010031007", "Guru Matematika", StaffKind.Guru, "iqbal@guru.demo.id"),
            NewStaff(mi, "Rina Marlina, S.Pd.", "3404075107920003", null, "Guru Bahasa Inggris", StaffKind.Guru, "rina.marlina@guru.demo.id"),
            NewStaff(mi, "Sutrisno", "3404070101800004", "198001012005011003", "Staf Tata Usaha", StaffKind.Tendik, null),
            NewStaff(mts, "Fatimah Azzahra, S.Pd.", "3404016209880005", "198809222014032002", "Guru IPA", StaffKind.Guru, "fatimah@guru.demo.id"),
            NewStaff(mts, "Agus Salim, S.Ag.", "3404011506850006", "198506152009011004", "Guru Akidah Akhlak", StaffKind.Guru, null),
            NewStaff(mts, "Dewi Lestari", "3404014410930007", null, "Staf Perpustakaan", StaffKind.Tendik, null),
            NewStaff(pontren, "Ust. Abdullah Hakim", "3404072305820008", null, "Ustaz Kitab Kuning", StaffKind.Guru, null),
            NewStaff(pontren, "Ustzh. Khadijah", "3404074807950009", null, "Ustazah Tahfiz", StaffKind.Guru, null));
        await db.SaveChangesAsync(cancellationToken);

        await CreateUserAsync("operator@min1sleman.sch.id", "Siti Aminah", Roles.Operator, mi.Id, null);
        await CreateUserAsync("kepala@min1sleman.sch.id", "Drs. H. Ahmad Fauzi, M.Pd.I.", Roles.KepalaMadrasah, mi.Id, null, nik: mi.HeadNik);
        await CreateUserAsync("operator@mtsn3sleman.sch.id", "Bambang Wijaya", Roles.Operator, mts.Id, null);
        await CreateUserAsync("operator@alhikmah.ponpes.id", "Ahmad Zaini", Roles.Operator, pontren.Id, null);
        await CreateUserAsync("admin@kemenagsleman.go.id", "Hendra Kurniawan, S.Kom.", Roles.AdminKabKota, null, sleman.Id);
        var teacher = await CreateUserAsync("nur.hidayah@guru.demo.id", "Nur Hidayah, S.Pd.I.", Roles.Pegawai, mi.Id, null, nik: "3404074503900002");
        await CreateUserAsync("kepegawaian@min1sleman.sch.id", "Yuliana Sari", Roles.PetugasKepegawaian, mi.Id, null);
        await CreateUserAsync("helpdesk@madrasah.demo.id", "Tim Helpdesk", Roles.Helpdesk, null, null);
        await CreateUserAsync("admin@madrasah.demo.id", "Administrator Sistem", Roles.Admin, null, null);

        var staff = await db.Staff.SingleAsync(s => s.Nik == "3404074503900002", cancellationToken);
        staff.UserId = teacher.Id;
        await db.SaveChangesAsync(cancellationToken);
        await Features.Helpdesk.HelpdeskDemoData.SeedAsync(db, clock, cancellationToken);
        await Features.Attendance.AttendanceDemoData.SeedAsync(db, clock, cancellationToken);
        await Features.PontrenSync.DataDemoData.SeedAsync(db, clock, cancellationToken);
        logger.LogInformation("Demo data seeded: 1 district, 3 institutions, 9 accounts (password {Password})", Password);
    }

    private static Staff NewStaff(Institution institution, string name, string nik, string? nip, string position, StaffKind kind, string? email) => new()
    {
        Institution = institution, FullName = name, Nik = nik, Nip = nip, Position = position, Kind = kind, Email = email,
        BirthDate = Infrastructure.Validation.Identifiers.ReadNik(nik, new DateOnly(2026, 1, 1))!.Value.BirthDate,
    };

    private async Task<ApplicationUser> CreateUserAsync(string email, string name, string role, int? institutionId, int? districtId, string? nik = null)
    {
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = name, Nik = nik,
            InstitutionId = institutionId, DistrictId = districtId, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await userManager.CreateAsync(user, Password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        await userManager.AddToRoleAsync(user, role);
        return user;
    }
}

public static class DemoDataServiceCollectionExtensions
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddScoped<DemoData>();
}
