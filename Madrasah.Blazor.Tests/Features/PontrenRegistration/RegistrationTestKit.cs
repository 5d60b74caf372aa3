using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenRegistration;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.PontrenRegistration;

/// <summary>
/// The demo data on a real SQLite file, the registration's services built by the app's own registrations
/// (<c>AddEmail</c>, <c>AddUploads</c>, <c>AddUserAccounts</c>, <c>AddPontrenRegistration</c>) and a clock the test moves.
/// </summary>
internal sealed class RegistrationTestKit : IAsyncDisposable
{
    private readonly AppServices _app;
    private readonly AsyncServiceScope _scope;

    /// <summary>Thursday 3 December 2026, 10:00 WIB.</summary>
    public static readonly DateTimeOffset Thursday10 = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);

    private RegistrationTestKit()
    {
        Clock = new ManualClock(Thursday10);
        _app = new((services, configuration) =>
        {
            services.AddMadrasahTime();
            services.AddEmail(configuration);
            services.AddUploads(configuration);
            services.AddUserAccounts(configuration);
            services.AddPontrenRegistration(configuration);
            services.AddSingleton<TimeProvider>(Clock);
        }, migrate: false);
        _scope = _app.Provider.CreateAsyncScope();
    }

    public ManualClock Clock { get; }
    public TestDatabase Database => _app.Database;
    public PontrenRegistrationService Registrations => _scope.ServiceProvider.GetRequiredService<PontrenRegistrationService>();
    public RegistrationQueueService Queue => _scope.ServiceProvider.GetRequiredService<RegistrationQueueService>();
    public UserScope DistrictAdmin { get; private set; } = UserScope.Anonymous;
    public int SlemanId { get; private set; }

    public static async Task<RegistrationTestKit> CreateAsync()
    {
        var kit = new RegistrationTestKit();
        await DemoSeed.CopyIntoAsync(kit.Database);
        await using (var db = kit.Database.CreateContext())
        {
            await db.Database.MigrateAsync();
            kit.SlemanId = await db.Districts.Where(d => d.Code == "34.04").Select(d => d.Id).SingleAsync();
        }
        kit.DistrictAdmin = await DemoSeed.ScopeOfAsync(kit.Database, "admin@kemenagsleman.go.id");
        return kit;
    }

    /// <summary>A complete, valid registration of an MDT in Sleman.</summary>
    public RegistrationForm ValidForm(string name = "MDT Nurul Huda", string statistic = "311234040077", string email = "operator.nurulhuda@gmail.com",
        string address = "Jl. Kaliurang Km 12, Dusun Candi", string village = "Sardonoharjo") =>
        new(InstitutionType.MDT, name, statistic, null, address, village, "Ngaglik", "34", SlemanId,
            new DateOnly(2009, 7, 1), "Kd.12.04/5/PP.00/123/2010", new DateOnly(2010, 3, 15), "Ahmad Fauzi", "3404071505900003", email);

    public static DocumentInput Pdf(string name = "dokumen.pdf") => new(name, "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray());

    public async Task<RegisterResult> RegisterAsync(RegistrationForm form)
    {
        var result = await Registrations.RegisterAsync(form, Pdf("piagam.pdf"), Pdf("surat-tugas.pdf"), "203.0.113.10");
        Assert.True(result.Succeeded, string.Join("; ", result.Form.Errors.Values));
        return result;
    }

    public static string TokenOf(RegisterResult result) => result.StatusPath![PontrenRegistrationService.StatusPathPrefix.Length..];

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
