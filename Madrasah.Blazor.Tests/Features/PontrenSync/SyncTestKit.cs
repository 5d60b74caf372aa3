using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>
/// The demo data on a real SQLite file with the sync's services built by the app's own registrations (AddEmail,
/// AddPdf, AddPontrenSync) and a clock the test moves. The queue is worked by <see cref="SyncQueue.RunPendingAsync"/>
/// (no hosted runner in service tests).
/// </summary>
internal sealed class SyncTestKit : IAsyncDisposable
{
    private readonly AppServices _app;
    private readonly AsyncServiceScope _scope;

    /// <summary>Thursday 3 December 2026, 10:00 WIB.</summary>
    public static readonly DateTimeOffset Thursday10 = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);

    private SyncTestKit(IDictionary<string, string?>? settings)
    {
        Clock = new ManualClock(Thursday10);
        _app = new((services, configuration) =>
        {
            services.AddMadrasahTime();
            services.AddEmail(configuration);
            services.AddPdf(configuration);
            services.AddPontrenSync(configuration);
            services.AddSingleton<TimeProvider>(Clock);
        }, settings, migrate: false);
        _scope = _app.Provider.CreateAsyncScope();
    }

    public ManualClock Clock { get; }
    public TestDatabase Database => _app.Database;
    public IServiceProvider Services => _app.Provider;
    public SyncService Service => _scope.ServiceProvider.GetRequiredService<SyncService>();
    public SyncQueue Queue => _app.Provider.GetRequiredService<SyncQueue>();
    public SyncJob Job => _app.Provider.GetRequiredService<SyncJob>();
    public SyncTestHooks Hooks => _app.Provider.GetRequiredService<SyncTestHooks>();
    public SyncProgressRegistry Progress => _app.Provider.GetRequiredService<SyncProgressRegistry>();
    public UserScope Operator { get; private set; } = UserScope.Anonymous;
    public UserScope DistrictAdmin { get; private set; } = UserScope.Anonymous;
    public int AlHikmahId => Operator.InstitutionId!.Value;

    public static async Task<SyncTestKit> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var kit = new SyncTestKit(settings);
        await DemoSeed.CopyIntoAsync(kit.Database);
        await using (var db = kit.Database.CreateContext())
        {
            await db.Database.MigrateAsync();
            // Whatever demo rows the data page seeds: the tests start from an empty working copy.
            await db.Set<PontrenSantri>().ExecuteDeleteAsync();
            await db.Set<PontrenGtk>().ExecuteDeleteAsync();
            await db.Set<PontrenFacility>().ExecuteDeleteAsync();
        }
        kit.Operator = await DemoSeed.ScopeOfAsync(kit.Database, "operator@alhikmah.ponpes.id");
        kit.DistrictAdmin = await DemoSeed.ScopeOfAsync(kit.Database, "admin@kemenagsleman.go.id");
        return kit;
    }

    /// <summary>Another pesantren of Sleman (valid identity) and a scope of an operator of it (no account: no email).</summary>
    public async Task<UserScope> AddPesantrenAsync(string name, string statisticNumber)
    {
        await using var db = Database.CreateContext();
        var district = await db.Districts.FirstAsync(d => d.Code == "34.04");
        var institution = new Institution
        {
            DistrictId = district.Id, Type = InstitutionType.PondokPesantren, Name = name, StatisticNumber = statisticNumber,
            Address = "Jl. Kaliurang Km 14", Village = "Sardonoharjo", Subdistrict = "Ngaglik",
        };
        db.Add(institution);
        await db.SaveChangesAsync();
        return new UserScope("op-" + institution.Id, "op" + institution.Id, "Operator " + name, Roles.Operator, institution.Id, district.Id);
    }

    /// <summary>A valid NIK (Sleman, Ngaglik) unique per <paramref name="i"/> (0 … 250,000).</summary>
    public static string Nik(int i) => $"340407{1 + i / 9999 % 28:00}{1 + i % 12:00}{10 + i % 5:00}{i % 9999 + 1:0000}";

    public static PontrenSantri Santri(int institutionId, int i, string? name = null) => new()
    {
        InstitutionId = institutionId, Nik = Nik(i), FullName = name ?? $"Santri {i:00000}", Sex = i % 2 == 0 ? Sex.L : Sex.P,
        BirthPlace = "Sleman", BirthDate = new DateOnly(2010, 1, 1).AddDays(i % 1500), Level = i % 3 == 0 ? "Ula" : i % 3 == 1 ? "Wustha" : "Ulya",
        Source = RowSource.Import, UpdatedUtc = Thursday10.UtcDateTime,
    };

    /// <summary>Puts <paramref name="count"/> santri (indexes from <paramref name="first"/>) and, unless told otherwise, two GTK and two facility kinds in the working copy.</summary>
    public async Task FillWorkingCopyAsync(int institutionId, int count, int first = 0, bool staffAndFacilities = true)
    {
        await using var db = Database.CreateContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(Enumerable.Range(first, count).Select(i => Santri(institutionId, i)));
        if (staffAndFacilities)
            db.AddRange(
            new PontrenGtk { InstitutionId = institutionId, Nik = Nik(200_000 + institutionId * 10), FullName = "Ust. Abdullah Hakim", Sex = Sex.L,
                BirthDate = new DateOnly(1982, 5, 23), Position = "Ustadz", EmploymentStatus = "GTY", Source = RowSource.Manual },
            new PontrenGtk { InstitutionId = institutionId, Nik = Nik(200_001 + institutionId * 10), FullName = "Ustzh. Khadijah", Sex = Sex.P,
                BirthDate = new DateOnly(1995, 7, 8), Position = "Ustadzah", EmploymentStatus = "Honorer", Source = RowSource.Manual },
            new PontrenFacility { InstitutionId = institutionId, Kind = "Asrama santri", GoodCount = 6, LightlyDamagedCount = 1 },
            new PontrenFacility { InstitutionId = institutionId, Kind = "Ruang kelas", GoodCount = 12 });
        await db.SaveChangesAsync();
    }

    /// <summary>Requests a sync as <paramref name="scope"/> and runs the queue to its end; returns the run.</summary>
    public async Task<PontrenSyncRun> SyncAsync(UserScope scope)
    {
        var request = await Service.RequestAsync(scope);
        Assert.True(request.Succeeded, request.Message);
        await Queue.RunPendingAsync();
        return await RunAsync(request.RunId!.Value);
    }

    public async Task<PontrenSyncRun> RunAsync(int id)
    {
        await using var db = Database.CreateContext();
        return await db.Set<PontrenSyncRun>().AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public async Task<List<MasterSantri>> MasterSantriAsync(int institutionId)
    {
        await using var db = Database.CreateContext();
        return await db.Set<MasterSantri>().AsNoTracking().Where(s => s.InstitutionId == institutionId).OrderBy(s => s.Id).ToListAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<Receipt> ReceiptAsync(string number)
    {
        await using var db = Database.CreateContext();
        return await db.Set<Receipt>().AsNoTracking().SingleAsync(r => r.Number == number);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
