using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Audit;

public sealed class AuditQueryServiceTests : IAsyncLifetime
{
    private readonly AppServices _services = new();
    private UserScope _operatorA = null!, _operatorB = null!, _district = null!;
    private static readonly UserScope Admin = new("x", "x", "X", Roles.Admin, null, null);

    public async ValueTask InitializeAsync()
    {
        var a = await _services.Database.AddInstitutionAsync("MIN A", "111100000001");
        var b = await _services.Database.AddInstitutionAsync("MIN B", "111100000002");
        _operatorA = new UserScope("a", "op-a@contoh.id", "Operator A", Roles.Operator, a.Id, null);
        _operatorB = new UserScope("b", "op-b@contoh.id", "Operator B", Roles.Operator, b.Id, null);
        _district = new UserScope("d", "admin@kab.id", "Admin Kab", Roles.AdminKabKota, null, a.DistrictId);
        await RecordAsync(_operatorA, "test.a", "Kegiatan lembaga A");
        await RecordAsync(_operatorB, "test.b", "Kegiatan lembaga B");
        await RecordAsync(_district, "test.d", "Kegiatan kabupaten");
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task RecordAsync(UserScope actor, string action, string summary, DateTime? occurredUtc = null)
    {
        await using var db = _services.Database.CreateContext();
        var entry = _services.Provider.GetRequiredService<AuditLog>().Record(db, actor, action, summary);
        if (occurredUtc is { } at) entry.OccurredUtc = at;
        await db.SaveChangesAsync();
    }

    private async Task<AuditPage> PageAsync(UserScope scope, AuditQuery query)
    {
        await using var scopeServices = _services.Provider.CreateAsyncScope();
        return await scopeServices.ServiceProvider.GetRequiredService<AuditQueryService>().PageAsync(scope, query);
    }

    private async Task<string[]> SummariesFor(UserScope scope, string? search = null) =>
        (await PageAsync(scope, new AuditQuery(search, PageSize: 50))).Rows.Select(r => r.Summary).Order().ToArray();

    [Fact]
    public async Task A_summary_longer_than_its_column_is_shortened_not_refused()
    {
        await RecordAsync(_operatorA, "test.long", new string('x', 2500));
        var summary = (await SummariesFor(_operatorA)).Single(s => s.StartsWith('x'));
        Assert.Equal(AuditEntry.SummaryMaxLength, summary.Length);
        Assert.EndsWith("x…", summary);
    }

    [Fact]
    public async Task An_operator_sees_only_the_institutions_entries() =>
        Assert.Equal(["Kegiatan lembaga A"], await SummariesFor(_operatorA));

    [Fact]
    public async Task The_district_admin_sees_the_districts_institutions_and_own_entries() =>
        Assert.Equal(["Kegiatan kabupaten", "Kegiatan lembaga A", "Kegiatan lembaga B"], await SummariesFor(_district));

    [Fact]
    public async Task Staff_and_helpdesk_see_nothing()
    {
        Assert.Empty(await SummariesFor(_operatorA with { Role = Roles.Pegawai }));
        Assert.Empty(await SummariesFor(new UserScope("h", "h", "H", Roles.Helpdesk, null, null)));
    }

    [Fact]
    public async Task Search_narrows_and_the_admin_sees_everything()
    {
        Assert.Equal(3, (await SummariesFor(Admin)).Length);
        Assert.Equal(["Kegiatan lembaga B"], await SummariesFor(Admin, "lembaga B"));
    }

    [Fact]
    public async Task The_date_range_counts_whole_WIB_days_at_both_ends()
    {
        // 30 Nov 2026 23.30 WIB is 16.30 UTC; 2 Dec 2026 00.10 WIB is still 1 Dec 17.10 UTC.
        await RecordAsync(_operatorA, "test.day", "Akhir November", Wib.ToUtc(new DateTime(2026, 11, 30, 23, 30, 0)));
        await RecordAsync(_operatorA, "test.day", "Awal Desember", Wib.ToUtc(new DateTime(2026, 12, 1, 0, 5, 0)));
        await RecordAsync(_operatorA, "test.day", "Lewat tengah malam", Wib.ToUtc(new DateTime(2026, 12, 2, 0, 10, 0)));

        var page = await PageAsync(_operatorA, new AuditQuery("test.day", From: new DateOnly(2026, 12, 1), To: new DateOnly(2026, 12, 1)));
        Assert.Equal(["Awal Desember"], page.Rows.Select(r => r.Summary));
        page = await PageAsync(_operatorA, new AuditQuery("test.day", To: new DateOnly(2026, 11, 30)));
        Assert.Equal(["Akhir November"], page.Rows.Select(r => r.Summary));
        page = await PageAsync(_operatorA, new AuditQuery("test.day", From: new DateOnly(2026, 12, 2)));
        Assert.Equal(["Lewat tengah malam"], page.Rows.Select(r => r.Summary));
    }

    [Fact]
    public async Task Pages_are_cut_by_the_database_with_the_total_and_sorting_turns_round()
    {
        for (var i = 1; i <= 30; i++) await RecordAsync(_operatorB, "test.many", $"Entri {i:00}");

        var first = await PageAsync(Admin, new AuditQuery("test.many"));
        Assert.Equal(30, first.Total);
        Assert.Equal(25, first.Rows.Count);
        Assert.Equal("Entri 30", first.Rows[0].Summary); // newest first
        var second = await PageAsync(Admin, new AuditQuery("test.many", Page: 2));
        Assert.Equal(["Entri 05", "Entri 04", "Entri 03", "Entri 02", "Entri 01"], second.Rows.Select(r => r.Summary));
        Assert.Equal("Entri 01", (await PageAsync(Admin, new AuditQuery("test.many", Descending: false))).Rows[0].Summary);

        var byUser = await PageAsync(Admin, new AuditQuery(Sort: AuditSort.User, Descending: false, PageSize: 100));
        Assert.Equal(byUser.Rows.Select(r => r.UserName).Order(StringComparer.Ordinal), byUser.Rows.Select(r => r.UserName));
        var byInstitution = await PageAsync(Admin, new AuditQuery(Sort: AuditSort.Institution, Descending: true, PageSize: 100));
        Assert.Equal("MIN B", byInstitution.Rows[0].InstitutionName);
        Assert.Null(byInstitution.Rows[^1].InstitutionName); // the district's own entry has no institution
    }
}
