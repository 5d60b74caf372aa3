using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Audit;

public sealed class AuditQueryServiceTests : IAsyncLifetime
{
    private readonly AppServices _app = new(); // AddAudit is among its registrations
    private UserScope _operatorA = null!, _operatorB = null!, _district = null!;

    public async ValueTask InitializeAsync()
    {
        var a = await _app.Database.AddInstitutionAsync("MIN A", "111100000001");
        var b = await _app.Database.AddInstitutionAsync("MIN B", "111100000002");
        _operatorA = new UserScope("a", "op-a@contoh.id", "Operator A", Roles.Operator, a.Id, null);
        _operatorB = new UserScope("b", "op-b@contoh.id", "Operator B", Roles.Operator, b.Id, null);
        _district = new UserScope("d", "admin@kab.id", "Admin Kab", Roles.AdminKabKota, null, a.DistrictId);
        var log = _app.Provider.GetRequiredService<AuditLog>();
        await using var db = _app.Database.CreateContext();
        log.Record(db, _operatorA, "test.a", "Kegiatan lembaga A");
        log.Record(db, _operatorB, "test.b", "Kegiatan lembaga B");
        log.Record(db, _district, "test.d", "Kegiatan kabupaten");
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<string[]> SummariesFor(UserScope scope, string? search = null)
    {
        await using var requestScope = _app.Provider.CreateAsyncScope();
        var (rows, _) = await requestScope.ServiceProvider.GetRequiredService<AuditQueryService>().PageAsync(scope, 1, 50, search);
        return rows.Select(r => r.Summary).Order().ToArray();
    }

    [Fact]
    public async Task A_summary_longer_than_its_column_is_shortened_not_refused()
    {
        await using (var db = _app.Database.CreateContext())
        {
            _app.Provider.GetRequiredService<AuditLog>().Record(db, _operatorA, "test.long", new string('x', 2500));
            await db.SaveChangesAsync();
        }
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
        var admin = new UserScope("x", "x", "X", Roles.Admin, null, null);
        Assert.Equal(3, (await SummariesFor(admin)).Length);
        Assert.Equal(["Kegiatan lembaga B"], await SummariesFor(admin, "lembaga B"));
    }
}
