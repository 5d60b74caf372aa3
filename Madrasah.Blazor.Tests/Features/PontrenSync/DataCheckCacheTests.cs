using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using static Madrasah.Blazor.Tests.Features.PontrenSync.DataTestKit;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>
/// The check of "Verifikasi data lembaga" is kept per institution (<see cref="PontrenCheckCache"/>): views read the
/// whole working copy only after it changed, and what they show follows every edit and import at once, the WIB day,
/// and never another institution's rows.
/// </summary>
public class DataCheckCacheTests
{
    private static async Task<int> AddSantriDirectlyAsync(DataTestKit kit, int institutionId, string nik, string name, DateOnly birth)
    {
        await using var db = kit.Database.CreateContext();
        var santri = new PontrenSantri
        {
            InstitutionId = institutionId, Nik = nik, FullName = name, Sex = Sex.L, BirthPlace = "Sleman", BirthDate = birth, Level = "Ula",
            Source = RowSource.Import, UpdatedUtc = DateTime.UtcNow,
        };
        db.Add(santri);
        await db.SaveChangesAsync();
        return santri.Id;
    }

    private static async Task<UserScope> NewPesantrenOperatorAsync(DataTestKit kit, string name, string statisticNumber)
    {
        await using var db = kit.Database.CreateContext();
        var pesantren = new Institution
        {
            DistrictId = (await db.Institutions.FirstAsync(i => i.Id == kit.InstitutionId)).DistrictId, Type = InstitutionType.MDT,
            Name = name, StatisticNumber = statisticNumber, Address = "Jl. Kaliurang Km 12", Village = "Sardonoharjo", Subdistrict = "Ngaglik",
        };
        db.Add(pesantren);
        await db.SaveChangesAsync();
        return kit.Operator with { UserId = "operator-" + pesantren.Id, InstitutionId = pesantren.Id };
    }

    [Fact]
    public async Task Views_share_one_check_until_an_edit_or_an_import_changes_it()
    {
        await using var kit = await CreateAsync();
        // A row stored before the rules (a 15-digit NIK): the check finds it.
        var badId = await AddSantriDirectlyAsync(kit, kit.InstitutionId, "340407150590001", "Ahmad Rifa'i", new DateOnly(2011, 5, 15));
        var first = await kit.Data.LoadAsync(kit.Operator);
        Assert.NotNull(first);
        Assert.Equal(31, first.SantriCount);
        var problem = Assert.Single(first.Problems);
        Assert.Equal((DataSection.Santri, "NIK", badId), (problem.Section, problem.Field, problem.RowId));
        Assert.False(first.ReadyToSync);
        var loads = kit.Checks.Loads;

        // Another view (another circuit) reads the cached check.
        var again = await kit.DataOfNewCircuit().LoadAsync(kit.Operator);
        Assert.Equal(first.Problems, again!.Problems);
        Assert.Equal(loads, kit.Checks.Loads);

        // The edit that fixes the row: the next view shows the check passing.
        var fixedForm = ValidSantri("3404071505110001", "Ahmad Rifa'i");
        Assert.True((await kit.Data.SaveSantriAsync(kit.Operator, badId, fixedForm)).Succeeded);
        var afterEdit = await kit.Data.LoadAsync(kit.Operator);
        Assert.Empty(afterEdit!.Problems);
        Assert.True(afterEdit.ReadyToSync);
        Assert.Equal(loads + 1, kit.Checks.Loads);

        // A santri import adds two: the counts follow, in this circuit and in another one.
        var csv = string.Join("\n", SantriHeader,
            "3404075003120001;0121234567;Siti Maimunah;P;Sleman;10-03-2012;Wustha",
            "3404071708110002;;Umar Faruq;L;Bantul;17-08-2011;Ulya");
        Assert.True((await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(csv))).Saved);
        Assert.Equal(33, (await kit.DataOfNewCircuit().LoadAsync(kit.Operator))!.SantriCount);

        // A Simpeg import adds a GTK; deleting a santri counts too.
        var simpeg = string.Join("\n", "NIP,NIK,Nama,Jenis Kelamin,Tanggal Lahir,Jabatan,Status,TMT",
            "199203152020122001,3404075503920014,\"Nur Aini, S.Pd.\",P,15-03-1992,Guru Bahasa Indonesia,PPPK,01-12-2020");
        Assert.True((await kit.Data.ImportSimpegAsync(kit.Operator, "simpeg.csv", Csv(simpeg))).Saved);
        Assert.Equal(7, (await kit.Data.LoadAsync(kit.Operator))!.GtkCount);
        Assert.Null(await kit.Data.DeleteSantriAsync(kit.Operator, badId));
        var last = await kit.Data.LoadAsync(kit.Operator);
        Assert.Equal((32, 7), (last!.SantriCount, last.GtkCount));
        Assert.Equal(32, (await kit.Data.ListSantriAsync(kit.Operator, new())).TotalCount);
    }

    [Fact]
    public async Task A_birth_date_of_tomorrow_stops_being_a_problem_when_the_WIB_day_turns_without_any_write()
    {
        await using var kit = await CreateAsync();
        var tomorrow = DateOnly.FromDateTime(Thursday10.UtcDateTime).AddDays(1);
        await AddSantriDirectlyAsync(kit, kit.InstitutionId, "3404070412260001", "Bayi Esok", tomorrow);
        var today = await kit.Data.LoadAsync(kit.Operator);
        Assert.Equal("Tanggal lahir tidak boleh di masa depan.", Assert.Single(today!.Problems).Message);

        kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty((await kit.Data.LoadAsync(kit.Operator))!.Problems);
    }

    [Fact]
    public async Task Each_institution_has_its_own_check_and_an_edit_in_one_leaves_the_other_cached()
    {
        await using var kit = await CreateAsync();
        var other = await NewPesantrenOperatorAsync(kit, "MDT Nurul Huda", "311234040077");
        // The same NIK in both institutions is no problem of the check (the sync flags it), and each sees its own rows.
        var badId = await AddSantriDirectlyAsync(kit, other.InstitutionId!.Value, "3404075003120001", "Siti Maimunah", new DateOnly(2012, 3, 10));
        await AddSantriDirectlyAsync(kit, other.InstitutionId!.Value, "3404075003120001", "Siti M.", new DateOnly(2012, 3, 10));

        var alHikmah = await kit.Data.LoadAsync(kit.Operator);
        var nurulHuda = await kit.DataOfNewCircuit().LoadAsync(other);
        Assert.Equal((30, 6), (alHikmah!.SantriCount, alHikmah.GtkCount));
        Assert.DoesNotContain(alHikmah.Problems, p => p.Section is DataSection.Santri or DataSection.Gtk);
        Assert.Equal((2, 0), (nurulHuda!.SantriCount, nurulHuda.GtkCount));
        Assert.Equal(2, nurulHuda.Problems.Count(p => p.Section == DataSection.Santri && p.Field == "NIK"));
        Assert.Contains(nurulHuda.Problems, p => p.RowId == badId);
        var alHikmahIds = (await kit.SantriAsync()).Select(s => s.Id).ToHashSet();
        Assert.DoesNotContain(nurulHuda.Problems, p => p.RowId is { } id && alHikmahIds.Contains(id));

        // An edit in Al-Hikmah: its check is read again, Nurul Huda's stays cached and unchanged.
        var loads = kit.Checks.Loads;
        Assert.True((await kit.Data.SaveSantriAsync(kit.Operator, null, ValidSantri("3404071708110002", "Umar Faruq"))).Succeeded);
        Assert.Equal(31, (await kit.Data.LoadAsync(kit.Operator))!.SantriCount);
        Assert.Equal(loads + 1, kit.Checks.Loads);
        var nurulHudaAgain = await kit.Data.LoadAsync(other);
        Assert.Equal(nurulHuda.Problems, nurulHudaAgain!.Problems);
        Assert.Equal(loads + 1, kit.Checks.Loads);

        // And the other way round: Nurul Huda's fix does not touch Al-Hikmah's entry.
        Assert.Null(await kit.Data.DeleteSantriAsync(other, badId));
        Assert.DoesNotContain((await kit.Data.LoadAsync(other))!.Problems, p => p.Section == DataSection.Santri);
        Assert.Equal(31, (await kit.Data.LoadAsync(kit.Operator))!.SantriCount);
        Assert.Equal(loads + 2, kit.Checks.Loads);
    }
}
