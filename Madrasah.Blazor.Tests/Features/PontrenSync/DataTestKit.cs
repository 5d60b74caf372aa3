using System.Text;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>
/// The demo data on a real SQLite file (Al-Hikmah's working copy: 30 santri, 6 GTK, 7 facilities), the data service
/// built by the app's own <c>AddPontrenData()</c>, and a clock the test moves.
/// </summary>
internal sealed class DataTestKit : IAsyncDisposable
{
    private readonly AppServices _app;
    private readonly AsyncServiceScope _scope;

    /// <summary>Thursday 3 December 2026, 10:00 WIB.</summary>
    public static readonly DateTimeOffset Thursday10 = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);

    private DataTestKit()
    {
        Clock = new ManualClock(Thursday10);
        _app = new((services, _) =>
        {
            services.AddMadrasahTime();
            services.AddPontrenData();
            services.AddSingleton<TimeProvider>(Clock);
        }, migrate: false);
        _scope = _app.Provider.CreateAsyncScope();
    }

    public ManualClock Clock { get; }
    public TestDatabase Database => _app.Database;
    public PontrenDataService Data => _scope.ServiceProvider.GetRequiredService<PontrenDataService>();
    /// <summary>The data service of another circuit (its own scope), e.g. a second tab of the operator.</summary>
    public PontrenDataService DataOfNewCircuit() => _app.Provider.CreateScope().ServiceProvider.GetRequiredService<PontrenDataService>();
    public PontrenCheckCache Checks => _app.Provider.GetRequiredService<PontrenCheckCache>();
    public UserScope Operator { get; private set; } = UserScope.Anonymous;
    public int InstitutionId => Operator.InstitutionId!.Value;

    public static async Task<DataTestKit> CreateAsync()
    {
        var kit = new DataTestKit();
        await DemoSeed.CopyIntoAsync(kit.Database);
        await using (var db = kit.Database.CreateContext()) await db.Database.MigrateAsync();
        kit.Operator = await DemoSeed.ScopeOfAsync(kit.Database, "operator@alhikmah.ponpes.id");
        return kit;
    }

    public Task<UserScope> ScopeOfAsync(string email) => DemoSeed.ScopeOfAsync(Database, email);

    public async Task<List<PontrenSantri>> SantriAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<PontrenSantri>().AsNoTracking().Where(s => s.InstitutionId == InstitutionId).OrderBy(s => s.Id).ToListAsync();
    }

    public async Task<List<PontrenGtk>> GtkAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<PontrenGtk>().AsNoTracking().Where(g => g.InstitutionId == InstitutionId).OrderBy(g => g.Id).ToListAsync();
    }

    public static SantriForm ValidSantri(string nik = "3404075003120001", string name = "Siti Maimunah") => new()
    {
        Nik = nik, Nisn = "0121234567", FullName = name, Sex = Sex.P, BirthPlace = "Sleman", BirthDate = new DateTime(2012, 3, 10), Level = "Wustha",
    };

    public static byte[] Csv(string text, bool bom = false) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    public const string SantriHeader = "NIK;NISN;Nama Lengkap;Jenis Kelamin (L/P);Tempat Lahir;Tanggal Lahir (dd-mm-yyyy);Jenjang";

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
