using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Institutions;

public sealed record InstitutionProfile(
    int Id, string Name, InstitutionType Type, string StatisticNumberLabel, string StatisticNumber, string? Npsn,
    string Address, string? Village, string? Subdistrict, string DistrictName, string ProvinceName, string? PostalCode,
    string? Phone, string? Email, string? Website, string? Accreditation, string? HeadName, string? HeadNik,
    int StudentCount, int TeacherCount, string? Facilities, int StaffCount)
{
    /// <summary>"Jl. …, Desa, Kec. …, Kabupaten, Provinsi 55281".</summary>
    public string FullAddress =>
        $"{Address}{(Village is null ? "" : $", {Village}")}{(Subdistrict is null ? "" : $", Kec. {Subdistrict}")}, {DistrictName}, {ProvinceName} {PostalCode}".TrimEnd();
}

public sealed record InstitutionListItem(int Id, string Name, InstitutionType Type, string StatisticNumber, string? Npsn, string Subdistrict, int StaffCount);

/// <summary>The district list's sortable columns: Nama Lembaga, Kecamatan, PTK.</summary>
public enum InstitutionSort { Name, Subdistrict, StaffCount }

/// <summary>What the district's institution list asks for: a search term (name, NSM/NSPP, NPSN or kecamatan), the sort, a 1-based page.</summary>
public sealed record InstitutionQuery(string? Search = null, InstitutionSort SortBy = InstitutionSort.Name, bool Descending = false, int Page = 1, int PageSize = 20);

public sealed record InstitutionPage(IReadOnlyList<InstitutionListItem> Items, int TotalCount);

/// <summary>A row of the staff table.</summary>
public sealed record StaffListItem(int Id, string FullName, string? Nip, string Position, StaffKind Kind, string? Email, bool EmailVerified);

public enum StaffSort { Name, Position }

/// <summary>
/// What the staff table asks for: a search term (name or position), the sort, a 1-based page, and optionally only
/// staff whose email is (or is not yet) verified.
/// </summary>
public sealed record StaffQuery(string? Search = null, StaffSort SortBy = StaffSort.Name, bool Descending = false, int Page = 1, int PageSize = 10,
    bool? EmailVerified = null);

public sealed record StaffPage(IReadOnlyList<StaffListItem> Items, int TotalCount);

/// <summary>Reads institutions and their staff, always through the user's scope.</summary>
public sealed class InstitutionService(IDbContextFactory<MadrasahDbContext> factory)
{
    /// <summary>
    /// Whether the institution's profile page shows it to the user: the same scope query as <see cref="GetProfileAsync"/>
    /// (the receipts printed on that page and the institution's files are downloaded by this rule, see InstitutionDownloadRules).
    /// </summary>
    public async Task<bool> IsVisibleAsync(UserScope scope, int institutionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Institutions.VisibleTo(scope).AnyAsync(i => i.Id == institutionId, cancellationToken);
    }

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
                i.Phone, i.Email, i.Website, i.Accreditation, i.HeadName, i.HeadNik, i.StudentCount, i.TeacherCount, i.Facilities, i.Staff.Count))
            .FirstOrDefaultAsync();
    }

    public async Task<IReadOnlyList<InstitutionListItem>> ListAsync(UserScope scope)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Institutions.VisibleTo(scope).OrderBy(i => i.Name)
            .Select(i => new InstitutionListItem(i.Id, i.Name, i.Type, i.StatisticNumber, i.Npsn, i.Subdistrict ?? "", i.Staff.Count))
            .ToListAsync();
    }

    /// <summary>One page of the institutions the user sees ("Lembaga di Kabupaten"): searched, sorted.</summary>
    public async Task<InstitutionPage> QueryAsync(UserScope scope, InstitutionQuery query)
    {
        await using var db = await factory.CreateDbContextAsync();
        var institutions = db.Institutions.VisibleTo(scope);
        if (query.Search?.Trim() is { Length: > 0 } term)
        {
            var pattern = LikePattern.Containing(term);
            institutions = institutions.Where(i => EF.Functions.Like(i.Name, pattern, LikePattern.Escape) || EF.Functions.Like(i.StatisticNumber, pattern, LikePattern.Escape)
                                                   || (i.Npsn != null && EF.Functions.Like(i.Npsn, pattern, LikePattern.Escape))
                                                   || (i.Subdistrict != null && EF.Functions.Like(i.Subdistrict, pattern, LikePattern.Escape)));
        }
        var total = await institutions.CountAsync();
        var sorted = (query.SortBy, query.Descending) switch
        {
            (InstitutionSort.Subdistrict, false) => institutions.OrderBy(i => i.Subdistrict == null).ThenBy(i => i.Subdistrict).ThenBy(i => i.Name),
            (InstitutionSort.Subdistrict, true) => institutions.OrderBy(i => i.Subdistrict == null).ThenByDescending(i => i.Subdistrict).ThenBy(i => i.Name),
            (InstitutionSort.StaffCount, false) => institutions.OrderBy(i => i.Staff.Count).ThenBy(i => i.Name),
            (InstitutionSort.StaffCount, true) => institutions.OrderByDescending(i => i.Staff.Count).ThenBy(i => i.Name),
            (_, true) => institutions.OrderByDescending(i => i.Name),
            _ => institutions.OrderBy(i => i.Name),
        };
        var size = Math.Clamp(query.PageSize, 1, 100);
        var items = await sorted.ThenBy(i => i.Id).Skip((Math.Max(query.Page, 1) - 1) * size).Take(size)
            .Select(i => new InstitutionListItem(i.Id, i.Name, i.Type, i.StatisticNumber, i.Npsn, i.Subdistrict ?? "", i.Staff.Count))
            .ToListAsync();
        return new InstitutionPage(items, total);
    }

    /// <summary>
    /// The name of the institution whose staff list the user asked for (their own when <paramref name="institutionId"/>
    /// is null), or null when it does not exist or lies outside the user's scope.
    /// </summary>
    public async Task<string?> GetStaffInstitutionNameAsync(UserScope scope, int? institutionId = null)
    {
        var id = institutionId ?? scope.InstitutionId;
        if (id is null) return null;
        await using var db = await factory.CreateDbContextAsync();
        return await db.Institutions.VisibleTo(scope).Where(i => i.Id == id).Select(i => i.Name).FirstOrDefaultAsync();
    }

    /// <summary>One page of an institution's staff: searched by name or position, sorted, within the user's scope.</summary>
    public async Task<StaffPage> QueryStaffAsync(UserScope scope, int? institutionId, StaffQuery query)
    {
        var id = institutionId ?? scope.InstitutionId;
        await using var db = await factory.CreateDbContextAsync();
        var staff = db.Staff.VisibleTo(scope).Where(s => s.InstitutionId == id);
        if (query.Search?.Trim() is { Length: > 0 } term)
        {
            var pattern = LikePattern.Containing(term);
            staff = staff.Where(s => EF.Functions.Like(s.FullName, pattern, LikePattern.Escape) || EF.Functions.Like(s.Position, pattern, LikePattern.Escape));
        }
        if (query.EmailVerified is { } verified) staff = staff.Where(s => s.EmailVerified == verified);
        var total = await staff.CountAsync();
        var sorted = (query.SortBy, query.Descending) switch
        {
            (StaffSort.Position, false) => staff.OrderBy(s => s.Position).ThenBy(s => s.FullName),
            (StaffSort.Position, true) => staff.OrderByDescending(s => s.Position).ThenBy(s => s.FullName),
            (_, true) => staff.OrderByDescending(s => s.FullName),
            _ => staff.OrderBy(s => s.FullName),
        };
        var size = Math.Clamp(query.PageSize, 1, 100);
        var items = await sorted.ThenBy(s => s.Id).Skip((Math.Max(query.Page, 1) - 1) * size).Take(size)
            .Select(s => new StaffListItem(s.Id, s.FullName, s.Nip, s.Position, s.Kind, s.Email, s.EmailVerified))
            .ToListAsync();
        return new StaffPage(items, total);
    }
}
