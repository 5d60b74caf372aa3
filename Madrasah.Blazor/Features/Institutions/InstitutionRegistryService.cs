using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Institutions;

/// <summary>The "Tambah Lembaga" form's values.</summary>
public sealed record NewInstitution(
    int? DistrictId, InstitutionType? Type, string? Name, string? StatisticNumber, string? Npsn,
    string? Address, string? Village, string? Subdistrict, string? PostalCode, string? HeadName, string? HeadNik);

public sealed record RegistryRow(int Id, string Name, InstitutionType Type, string StatisticNumber, string? Npsn, string DistrictName, int Accounts);

/// <summary>The registry table's sortable columns: Kabupaten/Kota (then name), Nama Lembaga.</summary>
public enum RegistrySort { District, Name }

/// <summary>What the registry table asks for: a search term (name, NSM/NSPP or district), the sort, a 1-based page.</summary>
public sealed record RegistryQuery(string? Search = null, RegistrySort SortBy = RegistrySort.District, bool Descending = false, int Page = 1, int PageSize = 20);

public sealed record RegistryRowsPage(IReadOnlyList<RegistryRow> Items, int TotalCount);

public sealed record RegionChoice(string Code, string Name);

/// <summary>
/// Which districts and institutions exist: the system administrator adds districts (from the national list of
/// regencies) and institutions anywhere; a district admin adds institutions in its own district. Later changes of an
/// institution's identity data go through the approval chain, never through here.
/// </summary>
public sealed class InstitutionRegistryService(IDbContextFactory<MadrasahDbContext> factory, AuditLog audit)
{
    public static bool MayRegister(UserScope actor) => actor.Role is Roles.Admin or Roles.AdminKabKota;

    /// <summary>One page of the registered institutions the actor sees: searched, sorted.</summary>
    public async Task<RegistryRowsPage> ListAsync(UserScope actor, RegistryQuery query)
    {
        if (!MayRegister(actor)) return new([], 0);
        await using var db = await factory.CreateDbContextAsync();
        var institutions = db.Institutions.VisibleTo(actor);
        if (query.Search?.Trim() is { Length: > 0 } term)
        {
            var pattern = LikePattern.Containing(term);
            institutions = institutions.Where(i => EF.Functions.Like(i.Name, pattern, LikePattern.Escape) || EF.Functions.Like(i.StatisticNumber, pattern, LikePattern.Escape)
                                                   || EF.Functions.Like(i.District.Name, pattern, LikePattern.Escape));
        }
        var total = await institutions.CountAsync();
        var sorted = (query.SortBy, query.Descending) switch
        {
            (RegistrySort.Name, false) => institutions.OrderBy(i => i.Name),
            (RegistrySort.Name, true) => institutions.OrderByDescending(i => i.Name),
            (_, true) => institutions.OrderByDescending(i => i.District.Name).ThenBy(i => i.Name),
            _ => institutions.OrderBy(i => i.District.Name).ThenBy(i => i.Name),
        };
        var size = Math.Clamp(query.PageSize, 1, 100);
        var rows = await sorted.ThenBy(i => i.Id).Skip((Math.Max(query.Page, 1) - 1) * size).Take(size)
            .Select(i => new RegistryRow(i.Id, i.Name, i.Type, i.StatisticNumber, i.Npsn, i.District.Name, db.Users.Count(u => u.InstitutionId == i.Id)))
            .ToListAsync();
        return new(rows, total);
    }

    /// <summary>The districts a new institution may be put in: all for the administrator, its own for a district admin.</summary>
    public async Task<IReadOnlyList<RegionChoice>> DistrictChoicesAsync(UserScope actor)
    {
        if (!MayRegister(actor)) return [];
        await using var db = await factory.CreateDbContextAsync();
        var districts = actor.Role == Roles.Admin ? db.Districts : db.Districts.Where(d => d.Id == actor.DistrictId);
        return await districts.OrderBy(d => d.Name).Select(d => new RegionChoice(d.Id.ToString(), $"{d.Name} ({d.ProvinceName})")).ToListAsync();
    }

    /// <summary>Regencies of the national list that are not yet a district here (for "Tambah Kabupaten/Kota").</summary>
    public async Task<IReadOnlyList<RegionChoice>> NewDistrictChoicesAsync(UserScope actor)
    {
        if (actor.Role != Roles.Admin) return [];
        await using var db = await factory.CreateDbContextAsync();
        var taken = db.Districts.Select(d => d.Code);
        return await db.Set<Regency>().Where(r => !taken.Contains(r.Code)).OrderBy(r => r.Province.Name).ThenBy(r => r.Name)
            .Select(r => new RegionChoice(r.Code, $"{r.Name} ({r.Province.Name})")).ToListAsync();
    }

    /// <summary>"Tambah Kabupaten/Kota" (administrator only): a district office for one regency of the national list.</summary>
    public async Task<FormResult> AddDistrictAsync(UserScope actor, string? regencyCode)
    {
        if (actor.Role != Roles.Admin) return FormResult.Error("RegencyCode", "Hanya Administrator Sistem yang dapat menambah Kabupaten/Kota.");
        await using var db = await factory.CreateDbContextAsync();
        var regency = await db.Set<Regency>().Include(r => r.Province).FirstOrDefaultAsync(r => r.Code == regencyCode);
        if (regency is null) return FormResult.Error("RegencyCode", "Kabupaten/Kota wajib dipilih dari daftar.");
        if (await db.Districts.AnyAsync(d => d.Code == regency.Code)) return FormResult.Error("RegencyCode", $"{regency.Name} sudah terdaftar.");
        var district = new District { Code = regency.Code, Name = regency.Name, ProvinceCode = regency.ProvinceCode, ProvinceName = regency.Province.Name };
        await using var transaction = await db.Database.BeginTransactionAsync(); // the row and its audit entry (which needs its id) together
        db.Add(district);
        await db.SaveChangesAsync();
        audit.Record(db, actor, "registry.district-added", $"Kabupaten/Kota {district.Name} ({district.ProvinceName}) ditambahkan.",
            districtId: district.Id, entityType: nameof(District), entityId: district.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    /// <summary>"Simpan" of "Tambah Lembaga": the institution with its identity data, or a message per wrong field.</summary>
    public async Task<(FormResult Result, int? InstitutionId)> CreateAsync(UserScope actor, NewInstitution input)
    {
        var errors = new Dictionary<string, string>();
        await using var db = await factory.CreateDbContextAsync();
        var district = !MayRegister(actor) || input.DistrictId is not { } districtId ? null
            : await db.Districts.FirstOrDefaultAsync(d => d.Id == districtId && (actor.Role == Roles.Admin || d.Id == actor.DistrictId));
        if (district is null) errors[nameof(NewInstitution.DistrictId)] = "Kabupaten/Kota wajib dipilih dari daftar.";
        if (input.Type is not { } type || !Enum.IsDefined(type)) errors[nameof(NewInstitution.Type)] = "Jenjang / Jenis wajib dipilih.";

        var name = input.Name?.Trim() ?? "";
        if (TextRules.Check(name, "Nama Lembaga", TextLimits.InstitutionName, required: true) is { } nameError) errors[nameof(NewInstitution.Name)] = nameError;
        var label = input.Type is InstitutionType.PondokPesantren or InstitutionType.MDT or InstitutionType.LPQ ? "NSPP" : "NSM";
        var statistic = input.StatisticNumber?.Trim();
        if (Identifiers.CheckStatisticNumber(statistic, label) is { } statisticError) errors[nameof(NewInstitution.StatisticNumber)] = statisticError;
        var npsn = string.IsNullOrWhiteSpace(input.Npsn) ? null : input.Npsn.Trim();
        if (npsn is not null && Identifiers.CheckNpsn(npsn) is { } npsnError) errors[nameof(NewInstitution.Npsn)] = npsnError;
        var address = input.Address?.Trim() ?? "";
        if (TextRules.Check(address, "Alamat", TextLimits.Address, required: true) is { } addressError) errors[nameof(NewInstitution.Address)] = addressError;
        if (TextRules.Check(input.Village, "Desa/Kelurahan", TextLimits.PlaceName) is { } villageError) errors[nameof(NewInstitution.Village)] = villageError;
        if (TextRules.Check(input.Subdistrict, "Kecamatan", TextLimits.PlaceName) is { } subdistrictError) errors[nameof(NewInstitution.Subdistrict)] = subdistrictError;
        if (TextRules.Check(input.HeadName, "Nama Kepala Lembaga", TextLimits.PersonName) is { } headNameError) errors[nameof(NewInstitution.HeadName)] = headNameError;
        var postalCode = string.IsNullOrWhiteSpace(input.PostalCode) ? null : input.PostalCode.Trim();
        if (postalCode is not null && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
            errors[nameof(NewInstitution.PostalCode)] = "Kode Pos harus terdiri atas 5 digit angka.";
        var headNik = string.IsNullOrWhiteSpace(input.HeadNik) ? null : input.HeadNik.Trim();
        if (headNik is not null && Identifiers.CheckNik(headNik, "NIK Kepala Madrasah") is { } nikError) errors[nameof(NewInstitution.HeadNik)] = nikError;

        if (statistic is not null && !errors.ContainsKey(nameof(NewInstitution.StatisticNumber))
            && await db.Institutions.Where(i => i.StatisticNumber == statistic).Select(i => i.Name).FirstOrDefaultAsync() is { } sameNumber)
            errors[nameof(NewInstitution.StatisticNumber)] = $"{label} {statistic} sudah dipakai {sameNumber}.";
        if (npsn is not null && !errors.ContainsKey(nameof(NewInstitution.Npsn))
            && await db.Institutions.Where(i => i.Npsn == npsn).Select(i => i.Name).FirstOrDefaultAsync() is { } sameNpsn)
            errors[nameof(NewInstitution.Npsn)] = $"NPSN {npsn} sudah dipakai {sameNpsn}.";
        if (errors.Count > 0) return (new FormResult(errors), null);

        var institution = new Institution
        {
            DistrictId = district!.Id, Type = input.Type!.Value, Name = name, StatisticNumber = statistic!, Npsn = npsn,
            Address = address, Village = Trimmed(input.Village), Subdistrict = Trimmed(input.Subdistrict), PostalCode = postalCode,
            HeadName = Trimmed(input.HeadName), HeadNik = headNik,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Add(institution);
        await db.SaveChangesAsync();
        audit.Record(db, actor, "registry.institution-added",
            $"Lembaga {institution.Name} ({institution.Type.Label()}, {label} {institution.StatisticNumber}) ditambahkan di {district.Name}.",
            institutionId: institution.Id, districtId: district.Id, entityType: nameof(Institution), entityId: institution.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (FormResult.Success, institution.Id);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
