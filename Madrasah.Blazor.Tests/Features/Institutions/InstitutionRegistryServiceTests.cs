using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Institutions;

/// <summary>Districts and institutions added by the administrator and by a district admin, on the demo data.</summary>
public sealed class InstitutionRegistryServiceTests : IAsyncLifetime
{
    private static readonly UserScope Admin = new("adm", "admin@madrasah.demo.id", "Administrator Sistem", Roles.Admin, null, null);
    private readonly AppServices _app = new((services, _) => services.AddInstitutions());
    private UserScope _sleman = UserScope.Anonymous;
    private int _slemanId;

    public async ValueTask InitializeAsync()
    {
        await _app.SeedDemoDataAsync();
        await using var db = _app.Database.CreateContext();
        await RegionData.SeedAsync(db);
        _slemanId = (await db.Districts.SingleAsync()).Id;
        _sleman = new UserScope("kab", "admin@kemenagsleman.go.id", "Admin Sleman", Roles.AdminKabKota, null, _slemanId);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private InstitutionRegistryService Registry => _app.Provider.CreateScope().ServiceProvider.GetRequiredService<InstitutionRegistryService>();

    private NewInstitution MtsBaru(int districtId) => new(districtId, InstitutionType.MTs, "MTs Swasta Al-Falah", "121234040077", "20412345",
        "Jl. Godean Km 5", "Sidoarum", "Godean", "55564", "Drs. Hasan Basri", "3404071507700005");

    [Fact]
    public async Task The_administrator_adds_a_district_from_the_national_list_and_an_institution_in_it()
    {
        var choices = await Registry.NewDistrictChoicesAsync(Admin);
        Assert.Equal(513, choices.Count); // Sleman is there already
        Assert.DoesNotContain(choices, c => c.Code == "34.04");
        Assert.Contains(choices, c => c.Code == "34.02" && c.Name == "Kabupaten Bantul (Daerah Istimewa Yogyakarta)");

        Assert.True((await Registry.AddDistrictAsync(Admin, "34.02")).Succeeded);
        Assert.Equal("Kabupaten Bantul sudah terdaftar.", (await Registry.AddDistrictAsync(Admin, "34.02")).Errors["RegencyCode"]);
        Assert.Equal("Kabupaten/Kota wajib dipilih dari daftar.", (await Registry.AddDistrictAsync(Admin, "99.99")).Errors["RegencyCode"]);

        await using var db = _app.Database.CreateContext();
        var bantul = await db.Districts.SingleAsync(d => d.Code == "34.02");
        Assert.Equal(("Kabupaten Bantul", "34", "Daerah Istimewa Yogyakarta"), (bantul.Name, bantul.ProvinceCode, bantul.ProvinceName));

        var (result, id) = await Registry.CreateAsync(Admin, MtsBaru(bantul.Id));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        var institution = await db.Institutions.SingleAsync(i => i.Id == id);
        Assert.Equal(("MTs Swasta Al-Falah", bantul.Id, "3404071507700005"), (institution.Name, institution.DistrictId, institution.HeadNik));
        var entry = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "registry.institution-added");
        Assert.Equal("Lembaga MTs Swasta Al-Falah (MTs (Madrasah Tsanawiyah), NSM 121234040077) ditambahkan di Kabupaten Bantul.", entry.Summary);
        Assert.Equal((id, bantul.Id), (entry.InstitutionId, entry.DistrictId));
        Assert.Contains((await Registry.ListAsync(Admin, new RegistryQuery("Al-Falah"))).Items, r => r.Id == id && r.DistrictName == "Kabupaten Bantul");
    }

    [Fact]
    public async Task A_district_admin_adds_institutions_only_to_its_own_district()
    {
        Assert.Equal(["Kabupaten Sleman (Daerah Istimewa Yogyakarta)"], (await Registry.DistrictChoicesAsync(_sleman)).Select(c => c.Name));
        Assert.Empty(await Registry.NewDistrictChoicesAsync(_sleman));
        Assert.False((await Registry.AddDistrictAsync(_sleman, "34.02")).Succeeded);

        Assert.True((await Registry.AddDistrictAsync(Admin, "34.02")).Succeeded);
        await using (var db = _app.Database.CreateContext())
        {
            var bantulId = (await db.Districts.SingleAsync(d => d.Code == "34.02")).Id;
            Assert.Equal("Kabupaten/Kota wajib dipilih dari daftar.", (await Registry.CreateAsync(_sleman, MtsBaru(bantulId))).Result.Errors[nameof(NewInstitution.DistrictId)]);
        }
        Assert.True((await Registry.CreateAsync(_sleman, MtsBaru(_slemanId))).Result.Succeeded);
        Assert.Equal(4, (await Registry.ListAsync(_sleman, new RegistryQuery())).TotalCount);

        var operatorScope = new UserScope("op", "op", "Operator", Roles.Operator, 1, null);
        Assert.Empty((await Registry.ListAsync(operatorScope, new RegistryQuery())).Items);
        Assert.False((await Registry.CreateAsync(operatorScope, MtsBaru(_slemanId) with { StatisticNumber = "121234040078", Npsn = null })).Result.Succeeded);
    }

    [Fact]
    public async Task Each_wrong_field_gets_its_own_message_naming_it()
    {
        var (result, id) = await Registry.CreateAsync(Admin, new NewInstitution(null, null, "", "1234", "12", "", null, null, "5558", null, "3404"));
        Assert.Null(id);
        Assert.Equal("Kabupaten/Kota wajib dipilih dari daftar.", result.Errors[nameof(NewInstitution.DistrictId)]);
        Assert.Equal("Jenjang / Jenis wajib dipilih.", result.Errors[nameof(NewInstitution.Type)]);
        Assert.Equal("Nama Lembaga wajib diisi.", result.Errors[nameof(NewInstitution.Name)]);
        Assert.Equal("NSM harus terdiri atas 12 digit angka.", result.Errors[nameof(NewInstitution.StatisticNumber)]);
        Assert.Equal("NPSN harus terdiri atas 8 digit angka.", result.Errors[nameof(NewInstitution.Npsn)]);
        Assert.Equal("Alamat wajib diisi.", result.Errors[nameof(NewInstitution.Address)]);
        Assert.Equal("Kode Pos harus terdiri atas 5 digit angka.", result.Errors[nameof(NewInstitution.PostalCode)]);
        Assert.Equal("NIK Kepala Madrasah harus terdiri atas 16 digit angka.", result.Errors[nameof(NewInstitution.HeadNik)]);

        var pesantren = MtsBaru(_slemanId) with { Type = InstitutionType.PondokPesantren, StatisticNumber = "510034040123", Npsn = "60713201" };
        var taken = (await Registry.CreateAsync(Admin, pesantren)).Result;
        Assert.Equal("NSPP 510034040123 sudah dipakai Pondok Pesantren Al-Hikmah Sleman.", taken.Errors[nameof(NewInstitution.StatisticNumber)]);
        Assert.Equal("NPSN 60713201 sudah dipakai MIN 1 Sleman.", taken.Errors[nameof(NewInstitution.Npsn)]);

        await using var db = _app.Database.CreateContext();
        Assert.Equal(3, await db.Institutions.CountAsync());
    }

    [Fact]
    public async Task The_service_refuses_invisible_names_direction_overrides_other_digits_and_overlong_texts()
    {
        var input = MtsBaru(_slemanId) with
        {
            Name = "\u200B\u2060", Address = "Jl. Godean\u2066 Km 5\u2069", PostalCode = "\u0665\u0665\u0665\u0666\u0664",
            Village = new string('a', 121), HeadName = "Drs. Hasan\u202E Basri",
        };

        var (result, id) = await Registry.CreateAsync(_sleman, input);

        Assert.Null(id);
        Assert.Equal("Nama Lembaga harus memuat huruf atau angka yang terlihat, bukan hanya spasi atau karakter yang tidak terlihat.", result.Errors[nameof(NewInstitution.Name)]);
        Assert.Equal("Alamat tidak boleh memuat karakter pengatur arah teks yang tidak terlihat (mis. U+202E).", result.Errors[nameof(NewInstitution.Address)]);
        Assert.Equal("Kode Pos harus terdiri atas 5 digit angka.", result.Errors[nameof(NewInstitution.PostalCode)]);
        Assert.Equal("Desa/Kelurahan paling banyak 120 karakter.", result.Errors[nameof(NewInstitution.Village)]);
        Assert.StartsWith("Nama Kepala Lembaga tidak boleh memuat", result.Errors[nameof(NewInstitution.HeadName)]);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Institutions.AnyAsync(i => i.StatisticNumber == "121234040077"));
    }
}
