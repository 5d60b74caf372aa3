using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Institutions;

public sealed record InstitutionProfile(
    int Id, string Name, InstitutionType Type, string StatisticNumberLabel, string StatisticNumber, string? Npsn,
    string Address, string? Village, string? Subdistrict, string DistrictName, string ProvinceName, string? PostalCode,
    string? Phone, string? Email, string? Website, string? Accreditation, string? HeadName,
    int StudentCount, int TeacherCount, string? Facilities, int StaffCount)
{
    /// <summary>"Jl. …, Desa, Kec. …, Kabupaten, Provinsi 55281".</summary>
    public string FullAddress =>
        $"{Address}{(Village is null ? "" : $", {Village}")}{(Subdistrict is null ? "" : $", Kec. {Subdistrict}")}, {DistrictName}, {ProvinceName} {PostalCode}".TrimEnd();
}

public sealed record InstitutionListItem(int Id, string Name, InstitutionType Type, string StatisticNumber, string? Npsn, string Subdistrict, int StaffCount);

/// <summary>A row of the staff table (settable: BootstrapBlazor's Table binds its columns).</summary>
public sealed class StaffListItem
{
    public int Id { get; set; }
    public string FullName { get; set; } = "";
    public string? Nip { get; set; }
    public string Position { get; set; } = "";
    public StaffKind Kind { get; set; }
    public string? Email { get; set; }
    public bool EmailVerified { get; set; }
}

/// <summary>Reads institutions and their staff, always through the user's scope.</summary>
public sealed class InstitutionService(IDbContextFactory<MadrasahDbContext> factory)
{
    /// <summary>The institution, or null when it does not exist or lies outside the user's scope (the page says "not found" for both).</summary>
    public async Task<InstitutionProfile?> GetProfileAsync(UserScope scope, int? institutionId = null)
    {
        var id = institutionId ?? scope.InstitutionId;
        if (id is null) return null;
        await using var db = await factory.CreateDbContextAsync();
        return await db.Institutions.VisibleTo(scope).Where(i => i.Id == id)
            .Select(i => new InstitutionProfile(
                i.Id, i.Name, i.Type, i.Type == InstitutionType.PondokPesantren || i.Type == InstitutionType.MDT || i.Type == InstitutionType.LPQ ? "NSPP" : "NSM",
                i.StatisticNumber, i.Npsn, i.Address, i.Village, i.Subdistrict, i.District.Name, i.District.ProvinceName, i.PostalCode,
                i.Phone, i.Email, i.Website, i.Accreditation, i.HeadName, i.StudentCount, i.TeacherCount, i.Facilities, i.Staff.Count))
            .FirstOrDefaultAsync();
    }

    public async Task<IReadOnlyList<InstitutionListItem>> ListAsync(UserScope scope)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Institutions.VisibleTo(scope).OrderBy(i => i.Name)
            .Select(i => new InstitutionListItem(i.Id, i.Name, i.Type, i.StatisticNumber, i.Npsn, i.Subdistrict ?? "", i.Staff.Count))
            .ToListAsync();
    }

    public async Task<IReadOnlyList<StaffListItem>> ListStaffAsync(UserScope scope, int? institutionId = null)
    {
        var id = institutionId ?? scope.InstitutionId;
        await using var db = await factory.CreateDbContextAsync();
        return await db.Staff.VisibleTo(scope).Where(s => s.InstitutionId == id).OrderBy(s => s.FullName)
            .Select(s => new StaffListItem { Id = s.Id, FullName = s.FullName, Nip = s.Nip, Position = s.Position, Kind = s.Kind, Email = s.Email, EmailVerified = s.EmailVerified })
            .ToListAsync();
    }
}
