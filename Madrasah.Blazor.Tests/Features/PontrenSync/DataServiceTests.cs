using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using static Madrasah.Blazor.Tests.Features.PontrenSync.DataTestKit;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

public class DataServiceTests
{
    [Fact]
    public async Task The_demo_pesantren_shows_its_sections_and_passes_the_check()
    {
        await using var kit = await CreateAsync();
        var overview = await kit.Data.LoadAsync(kit.Operator);
        Assert.NotNull(overview);
        Assert.Equal("Pondok Pesantren Al-Hikmah Sleman", overview.Identity.Name);
        Assert.Equal("NSPP", overview.Identity.StatisticNumberLabel);
        Assert.Equal(30, overview.SantriCount);
        Assert.Equal(6, overview.GtkCount);
        Assert.Equal(FacilityKinds.All, overview.Facilities.Select(f => f.Kind));
        Assert.Equal(8, overview.Facilities.Single(f => f.Kind == "Ruang belajar/kelas").Good);
        Assert.Empty(overview.Problems);
        Assert.True(overview.ReadyToSync);
    }

    [Fact]
    public async Task Only_a_pesantren_operator_sees_or_changes_the_working_copy()
    {
        await using var kit = await CreateAsync();
        var santriId = (await kit.SantriAsync())[0].Id;
        foreach (var email in new[] { "operator@min1sleman.sch.id", "admin@kemenagsleman.go.id", "helpdesk@madrasah.demo.id", "admin@madrasah.demo.id" })
        {
            var other = await kit.ScopeOfAsync(email);
            Assert.Null(await kit.Data.LoadAsync(other));
            Assert.False(await kit.Data.IsPesantrenOperatorAsync(other));
            Assert.Empty((await kit.Data.ListSantriAsync(other, new())).Items);
            Assert.Equal(PontrenDataService.NotAllowedMessage, await kit.Data.DeleteSantriAsync(other, santriId));
            Assert.False((await kit.Data.SaveSantriAsync(other, santriId, ValidSantri())).Succeeded);
        }
        // An operator of another pesantren cannot reach Al-Hikmah's rows by their id.
        int otherPesantrenId;
        await using (var db = kit.Database.CreateContext())
        {
            var pesantren = new Madrasah.Blazor.Data.Institution
            {
                DistrictId = (await db.Institutions.FirstAsync(i => i.Id == kit.InstitutionId)).DistrictId, Type = Madrasah.Blazor.Data.InstitutionType.MDT,
                Name = "MDT Nurul Huda", StatisticNumber = "311234040077", Address = "Jl. Kaliurang", Village = "Sardonoharjo", Subdistrict = "Ngaglik",
            };
            db.Add(pesantren);
            await db.SaveChangesAsync();
            otherPesantrenId = pesantren.Id;
        }
        var stranger = kit.Operator with { UserId = "someone-else", InstitutionId = otherPesantrenId };
        Assert.True(await kit.Data.IsPesantrenOperatorAsync(stranger));
        Assert.Equal(PontrenDataService.SantriNotFoundMessage, await kit.Data.DeleteSantriAsync(stranger, santriId));
        Assert.Equal(PontrenDataService.SantriNotFoundMessage, (await kit.Data.SaveSantriAsync(stranger, santriId, ValidSantri())).Errors[""]);
        Assert.Equal(0, (await kit.Data.ListSantriAsync(stranger, new())).TotalCount);
        Assert.Equal(30, (await kit.SantriAsync()).Count);
    }

    [Fact]
    public async Task A_santri_is_checked_field_by_field_and_a_NIK_already_in_the_list_is_refused()
    {
        await using var kit = await CreateAsync();
        var bad = new SantriForm { Nik = "34040750031200", Nisn = "12345", FullName = " ", Sex = null, BirthPlace = "", BirthDate = new DateTime(2027, 1, 1), Level = "" };
        var errors = (await kit.Data.SaveSantriAsync(kit.Operator, null, bad)).Errors;
        Assert.Equal("NIK harus terdiri atas 16 digit angka.", errors[nameof(SantriForm.Nik)]);
        Assert.Equal("NISN harus terdiri atas 10 digit angka.", errors[nameof(SantriForm.Nisn)]);
        Assert.Equal("Nama lengkap wajib diisi.", errors[nameof(SantriForm.FullName)]);
        Assert.Equal("Jenis kelamin wajib diisi.", errors[nameof(SantriForm.Sex)]);
        Assert.Equal("Tempat lahir wajib diisi.", errors[nameof(SantriForm.BirthPlace)]);
        Assert.Equal("Tanggal lahir tidak boleh di masa depan.", errors[nameof(SantriForm.BirthDate)]);
        Assert.Equal("Jenjang wajib diisi.", errors[nameof(SantriForm.Level)]);
        Assert.Equal(30, (await kit.SantriAsync()).Count);

        var existing = (await kit.SantriAsync())[0];
        var duplicate = await kit.Data.SaveSantriAsync(kit.Operator, null, ValidSantri(nik: existing.Nik));
        Assert.Contains($"NIK {existing.Nik} sudah ada di daftar santri (atas nama {existing.FullName})", duplicate.Errors[nameof(SantriForm.Nik)]);

        Assert.True((await kit.Data.SaveSantriAsync(kit.Operator, null, ValidSantri(nik: "3404 0750 0312 0001"))).Succeeded);
        var added = (await kit.SantriAsync()).Single(s => s.FullName == "Siti Maimunah");
        Assert.Equal("3404075003120001", added.Nik);
        Assert.Equal(RowSource.Manual, added.Source);

        // Edited to another santri's NIK: refused; to its own: fine.
        Assert.False((await kit.Data.SaveSantriAsync(kit.Operator, added.Id, ValidSantri(nik: existing.Nik))).Succeeded);
        var edit = ValidSantri(name: "Siti Maimunah Azzahra");
        Assert.True((await kit.Data.SaveSantriAsync(kit.Operator, added.Id, edit)).Succeeded);
        Assert.Null(await kit.Data.DeleteSantriAsync(kit.Operator, added.Id));
        Assert.Equal(30, (await kit.SantriAsync()).Count);

        await using var db = kit.Database.CreateContext();
        var actions = await db.Set<AuditEntry>().Where(a => a.Action.StartsWith("pontren-data.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["pontren-data.santri-added", "pontren-data.santri-changed", "pontren-data.santri-deleted"], actions);
    }

    [Fact]
    public async Task The_santri_table_is_paged_on_the_server_with_the_row_numbers_the_problems_list_names()
    {
        await using var kit = await CreateAsync();
        var page2 = await kit.Data.ListSantriAsync(kit.Operator, new(Page: 2, PageSize: 10));
        Assert.Equal(30, page2.TotalCount);
        Assert.Equal(Enumerable.Range(11, 10), page2.Items.Select(r => r.Row));
        var ordered = (await kit.SantriAsync()).OrderBy(s => s.FullName, StringComparer.Ordinal).ThenBy(s => s.Id).ToList();
        Assert.Equal(ordered.Skip(10).Take(10).Select(s => s.Id), page2.Items.Select(r => r.Id));

        var found = await kit.Data.ListSantriAsync(kit.Operator, new(Search: "zahra"));
        Assert.Equal(["Fatimah Az-Zahra", "Yasmin Azzahra", "Zahra Amalia"], found.Items.Select(r => r.FullName));
        Assert.Equal(found.Items.Select(r => ordered.FindIndex(s => s.Id == r.Id) + 1), found.Items.Select(r => r.Row));

        // A problem's row number is the same row in the table.
        var target = ordered[24];
        await using (var db = kit.Database.CreateContext())
            await db.Set<PontrenSantri>().Where(s => s.Id == target.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.BirthPlace, ""));
        var problem = Assert.Single((await kit.Data.LoadAsync(kit.Operator))!.Problems);
        Assert.Equal((DataSection.Santri, 25, target.Id, "Tempat lahir"), (problem.Section, problem.Row, problem.RowId, problem.Field));
        var page3 = await kit.Data.ListSantriAsync(kit.Operator, new(Page: 3, PageSize: 10));
        Assert.Equal(target.Id, page3.Items.Single(r => r.Row == 25).Id);
    }

    [Fact]
    public async Task GTK_entry_refuses_a_NIP_or_NIK_already_in_the_list()
    {
        await using var kit = await CreateAsync();
        var existing = (await kit.GtkAsync()).First(g => g.Nip != null);
        var form = new GtkForm
        {
            Nip = existing.Nip, Nik = "3404071503880013", FullName = "Rahmat Hidayat", Sex = Sex.L, BirthDate = new DateTime(1988, 3, 15),
            Position = "Guru Tahfiz", EmploymentStatus = "GTY", StartDate = new DateTime(2014, 7, 1),
        };
        Assert.Contains($"NIP {existing.Nip} sudah ada di daftar GTK", (await kit.Data.SaveGtkAsync(kit.Operator, null, form)).Errors[nameof(GtkForm.Nip)]);
        form.Nip = "1988";
        Assert.Equal("NIP harus terdiri atas 18 digit angka.", (await kit.Data.SaveGtkAsync(kit.Operator, null, form)).Errors[nameof(GtkForm.Nip)]);
        form.Nip = null;
        form.Position = "";
        Assert.Equal("Jabatan wajib diisi.", (await kit.Data.SaveGtkAsync(kit.Operator, null, form)).Errors[nameof(GtkForm.Position)]);
        form.Position = "Guru Tahfiz";
        Assert.True((await kit.Data.SaveGtkAsync(kit.Operator, null, form)).Succeeded);
        Assert.Equal(7, (await kit.GtkAsync()).Count);
        Assert.Contains("sudah ada di daftar GTK", (await kit.Data.SaveGtkAsync(kit.Operator, null, form)).Errors[nameof(GtkForm.Nik)]);
    }

    [Fact]
    public async Task Facilities_are_counted_per_kind_and_condition()
    {
        await using var kit = await CreateAsync();
        var bad = await kit.Data.SaveFacilityAsync(kit.Operator, new() { Kind = "Laboratorium", Good = -1, HeavilyDamaged = 10_000 });
        Assert.Equal("Jumlah kondisi baik harus antara 0 dan 9.999.", bad.Errors[nameof(FacilityForm.Good)]);
        Assert.Equal("Jumlah rusak berat harus antara 0 dan 9.999.", bad.Errors[nameof(FacilityForm.HeavilyDamaged)]);
        Assert.False((await kit.Data.SaveFacilityAsync(kit.Operator, new() { Kind = "Kolam renang", Good = 1 })).Succeeded);

        Assert.True((await kit.Data.SaveFacilityAsync(kit.Operator, new() { Kind = "Laboratorium", Good = 1, LightlyDamaged = 1 })).Succeeded);
        Assert.True((await kit.Data.SaveFacilityAsync(kit.Operator, new() { Kind = "Aula" })).Succeeded); // all zero: none
        var rows = (await kit.Data.LoadAsync(kit.Operator))!.Facilities;
        Assert.Equal((1, 1, 0, true), rows.Single(f => f.Kind == "Laboratorium") is var lab ? (lab.Good, lab.LightlyDamaged, lab.HeavilyDamaged, lab.Entered) : default);
        Assert.False(rows.Single(f => f.Kind == "Aula").Entered);
    }
}
