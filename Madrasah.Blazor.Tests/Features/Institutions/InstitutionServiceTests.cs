using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Institutions;

/// <summary>The staff table's search, sort and pages, and the identity block, on the demo data.</summary>
public sealed class InstitutionServiceTests : IAsyncLifetime
{
    private readonly AppServices _app = new((services, _) => services.AddInstitutions());
    private UserScope _min1 = UserScope.Anonymous, _mts3 = UserScope.Anonymous, _district = UserScope.Anonymous;
    private int _min1Id;

    public async ValueTask InitializeAsync()
    {
        await _app.SeedDemoDataAsync();
        await using var db = _app.Database.CreateContext();
        _min1Id = await db.Institutions.Where(i => i.Name == "MIN 1 Sleman").Select(i => i.Id).SingleAsync();
        var mts3 = await db.Institutions.SingleAsync(i => i.Name == "MTs Negeri 3 Sleman");
        _min1 = new UserScope("op1", "op1", "Operator MIN", Roles.Operator, _min1Id, null);
        _mts3 = new UserScope("op3", "op3", "Operator MTs", Roles.Operator, mts3.Id, null);
        _district = new UserScope("adm", "adm", "Admin", Roles.AdminKabKota, null, mts3.DistrictId);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private InstitutionService Service => _app.Provider.CreateScope().ServiceProvider.GetRequiredService<InstitutionService>();

    private async Task<string[]> NamesAsync(UserScope scope, StaffQuery query, int? institutionId = null) =>
        (await Service.QueryStaffAsync(scope, institutionId, query)).Items.Select(s => s.FullName).ToArray();

    [Fact]
    public async Task Names_sort_both_ways()
    {
        string[] ascending = ["Muhammad Iqbal, S.Pd.", "Nur Hidayah, S.Pd.I.", "Rina Marlina, S.Pd.", "Sutrisno"];
        Assert.Equal(ascending, await NamesAsync(_min1, new StaffQuery()));
        Assert.Equal(ascending.AsEnumerable().Reverse(), await NamesAsync(_min1, new StaffQuery(Descending: true)));
        // Guru Bahasa Inggris, Guru Kelas, Guru Matematika, Staf Tata Usaha
        Assert.Equal(["Rina Marlina, S.Pd.", "Nur Hidayah, S.Pd.I.", "Muhammad Iqbal, S.Pd.", "Sutrisno"],
            await NamesAsync(_min1, new StaffQuery(SortBy: StaffSort.Position)));
    }

    [Fact]
    public async Task Search_finds_name_or_position_in_any_case_and_counts_the_matches()
    {
        Assert.Equal(["Muhammad Iqbal, S.Pd."], await NamesAsync(_min1, new StaffQuery("iqbal")));
        Assert.Equal(["Sutrisno"], await NamesAsync(_min1, new StaffQuery("TATA USAHA")));
        var teachers = await Service.QueryStaffAsync(_min1, null, new StaffQuery(" guru ", PageSize: 2));
        Assert.Equal(3, teachers.TotalCount);
        Assert.Equal(2, teachers.Items.Count);
        Assert.Empty(await NamesAsync(_min1, new StaffQuery("%")));   // a wildcard typed is a literal character
    }

    [Fact]
    public async Task Pages_follow_the_sort()
    {
        var second = await Service.QueryStaffAsync(_min1, null, new StaffQuery(Page: 2, PageSize: 3));
        Assert.Equal(4, second.TotalCount);
        Assert.Equal(["Sutrisno"], second.Items.Select(s => s.FullName));
        var lastDescending = await Service.QueryStaffAsync(_min1, null, new StaffQuery(Descending: true, Page: 2, PageSize: 3));
        Assert.Equal(["Muhammad Iqbal, S.Pd."], lastDescending.Items.Select(s => s.FullName));
    }

    [Fact]
    public async Task Another_institutions_staff_stay_out_of_reach()
    {
        Assert.Null(await Service.GetStaffInstitutionNameAsync(_mts3, _min1Id));
        var page = await Service.QueryStaffAsync(_mts3, _min1Id, new StaffQuery());
        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);

        Assert.Equal("MIN 1 Sleman", await Service.GetStaffInstitutionNameAsync(_district, _min1Id));
        Assert.Equal(4, (await Service.QueryStaffAsync(_district, _min1Id, new StaffQuery())).TotalCount);
        Assert.Null(await Service.GetStaffInstitutionNameAsync(_district)); // a district has no own staff list
    }

    [Fact]
    public async Task Staff_can_be_narrowed_to_verified_or_not_yet_verified_emails()
    {
        await using (var db = _app.Database.CreateContext())
        {
            (await db.Staff.SingleAsync(s => s.FullName == "Nur Hidayah, S.Pd.I.")).EmailVerified = true;
            await db.SaveChangesAsync();
        }
        Assert.Equal(["Nur Hidayah, S.Pd.I."], await NamesAsync(_min1, new StaffQuery(EmailVerified: true)));
        var waiting = await Service.QueryStaffAsync(_min1, null, new StaffQuery(EmailVerified: false));
        Assert.Equal((3, false), (waiting.TotalCount, waiting.Items.Any(s => s.EmailVerified)));
    }

    [Fact]
    public async Task The_district_list_is_searched_sorted_and_paged_within_the_district()
    {
        string[] Names(InstitutionPage page) => page.Items.Select(i => i.Name).ToArray();

        var all = await Service.QueryAsync(_district, new InstitutionQuery());
        Assert.Equal(["MIN 1 Sleman", "MTs Negeri 3 Sleman", "Pondok Pesantren Al-Hikmah Sleman"], Names(all));
        Assert.Equal(4, all.Items[0].StaffCount);
        Assert.Equal(["MIN 1 Sleman", "Pondok Pesantren Al-Hikmah Sleman"], Names(await Service.QueryAsync(_district, new InstitutionQuery("ngaglik"))));
        Assert.Equal(["MTs Negeri 3 Sleman"], Names(await Service.QueryAsync(_district, new InstitutionQuery("20403212")))); // NPSN
        // Kecamatan Sleman before Ngaglik when turned round; by name within one kecamatan.
        Assert.Equal(["MTs Negeri 3 Sleman", "MIN 1 Sleman", "Pondok Pesantren Al-Hikmah Sleman"],
            Names(await Service.QueryAsync(_district, new InstitutionQuery(SortBy: InstitutionSort.Subdistrict, Descending: true))));
        Assert.Equal("MIN 1 Sleman", Names(await Service.QueryAsync(_district, new InstitutionQuery(SortBy: InstitutionSort.StaffCount, Descending: true)))[0]);
        var second = await Service.QueryAsync(_district, new InstitutionQuery(Page: 2, PageSize: 2));
        Assert.Equal(3, second.TotalCount);
        Assert.Equal(["Pondok Pesantren Al-Hikmah Sleman"], Names(second));

        Assert.Equal(["MTs Negeri 3 Sleman"], Names(await Service.QueryAsync(_mts3, new InstitutionQuery()))); // an operator sees its own only
    }

    [Fact]
    public async Task The_identity_block_carries_the_heads_NIK()
    {
        Assert.Equal("3404071211750001", (await Service.GetProfileAsync(_min1))!.HeadNik);
    }
}
