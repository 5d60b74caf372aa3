// "Verifikasi data lembaga" with 10,000 santri (issue 10, the data check cached per institution): what the page costs.
// From the repository root:
//   dotnet run --project scripts/PontrenDataPageBenchmark -c Release -- [santri=10000] [runs=15]
// Builds the app's own services (AddMadrasahData … AddPontrenData) over a fresh SQLite file in a temporary folder,
// seeds the demo data and puts <santri> generated santri into the working copy of Pondok Pesantren Al-Hikmah Sleman.
// Then, through the real PontrenDataService, <runs> times each, printing medians:
//  1. open: what the page reads when it opens on the santri tab (the overview with the check's problems and counts,
//     then the first page of 25 santri);
//  2. edit: saving one santri's change (SantriDialog → SaveSantriAsync) and the reload that follows (overview + page);
//  3. open again after the edit by another circuit of the same institution (the live reload of a second tab);
//  4. a search by name (page of matches with their row numbers in the whole list).
using System.Diagnostics;
using System.Globalization;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var santriCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var folder = Directory.CreateTempSubdirectory("madrasah-pontren-data-bench-").FullName;
Console.WriteLine($"{Environment.ProcessorCount} cores; santri = {santriCount:N0}; runs = {runs}; data in {folder}");

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Path"] = Path.Combine(folder, "madrasah.db"),
    ["DataProtection:KeyFolder"] = Path.Combine(folder, "keys"),
    ["Uploads:Folder"] = Path.Combine(folder, "uploads"),
    ["Email:PickupFolder"] = Path.Combine(folder, "mail"),
}).Build();
var environment = new BenchEnvironment(folder);
var services = new ServiceCollection();
services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole());
services.AddSingleton<IConfiguration>(configuration);
services.AddSingleton<IHostEnvironment>(environment);
services.AddMadrasahTime();
services.AddLiveUpdates();
services.AddMadrasahData(configuration, environment);
services.AddMadrasahIdentity(configuration, environment);
services.AddAudit();
services.AddDemoData();
services.AddPontrenData();
await using var provider = services.BuildServiceProvider();

var factory = provider.GetRequiredService<IDbContextFactory<MadrasahDbContext>>();
await using (var db = await factory.CreateDbContextAsync())
{
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
}
await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<IdentityBootstrap>().EnsureRolesAsync();
    await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
}

UserScope op;
int institutionId;
await using (var db = await factory.CreateDbContextAsync())
{
    var user = await db.Users.SingleAsync(u => u.Email == "operator@alhikmah.ponpes.id");
    institutionId = user.InstitutionId!.Value;
    var districtId = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.DistrictId).SingleAsync();
    op = new UserScope(user.Id, user.Email!, user.FullName, Roles.Operator, institutionId, districtId);
    await db.Set<PontrenSantri>().Where(s => s.InstitutionId == institutionId).ExecuteDeleteAsync();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    db.AddRange(Enumerable.Range(0, santriCount).Select(i => new PontrenSantri
    {
        InstitutionId = institutionId, Nik = $"340407{1 + i / 9999 % 28:00}{1 + i % 12:00}{10 + i % 5:00}{i % 9999 + 1:0000}",
        Nisn = i % 4 == 0 ? null : $"00{i:00000000}", FullName = $"Santri Uji {i:000000}", Sex = i % 2 == 0 ? Sex.L : Sex.P, BirthPlace = "Sleman",
        BirthDate = new DateOnly(2010, 1, 1).AddDays(i % 1500), Level = (i % 3) switch { 0 => "Ula", 1 => "Wustha", _ => "Ulya" },
        Source = RowSource.Import, UpdatedUtc = DateTime.UtcNow,
    }));
    await db.SaveChangesAsync();
}

// Two circuits of the same operator: each has its own scoped service (as each Blazor circuit does).
await using var circuit = provider.CreateAsyncScope();
await using var otherCircuit = provider.CreateAsyncScope();
var data = circuit.ServiceProvider.GetRequiredService<PontrenDataService>();
var otherData = otherCircuit.ServiceProvider.GetRequiredService<PontrenDataService>();
var firstPage = new DataQuery(PageSize: 25);

async Task<DataOverview> OpenAsync(PontrenDataService service)
{
    var overview = await service.LoadAsync(op) ?? throw new InvalidOperationException("No overview.");
    var page = await service.ListSantriAsync(op, firstPage);
    if (page.TotalCount != santriCount || overview.SantriCount != santriCount) throw new InvalidOperationException("Wrong counts.");
    return overview;
}

var edited = (await data.ListSantriAsync(op, new DataQuery(Search: "Santri Uji 004242"))).Items.Single();
var form = SantriForm.From(edited);

var cold = new List<double>();
var warm = new List<double>();
var edits = new List<double>();
var afterEdit = new List<double>();
var searches = new List<double>();
await OpenAsync(data); // warm-up (JIT, connection pool)
for (var r = 0; r < runs; r++)
{
    var watch = Stopwatch.StartNew();
    await OpenAsync(data);
    cold.Add(watch.Elapsed.TotalMilliseconds);

    watch.Restart();
    await OpenAsync(otherData);
    warm.Add(watch.Elapsed.TotalMilliseconds);

    form.BirthPlace = r % 2 == 0 ? "Bantul" : "Sleman";
    watch.Restart();
    var saved = await data.SaveSantriAsync(op, edited.Id, form);
    if (!saved.Succeeded) throw new InvalidOperationException(string.Join("; ", saved.Errors.Values));
    var overview = await OpenAsync(data);
    edits.Add(watch.Elapsed.TotalMilliseconds);
    if (overview.Problems.Any(p => p.IsBlocking)) throw new InvalidOperationException("Unexpected blocking problems.");

    watch.Restart();
    await OpenAsync(otherData);
    afterEdit.Add(watch.Elapsed.TotalMilliseconds);

    watch.Restart();
    var found = await data.ListSantriAsync(op, new DataQuery(Search: "Uji 0099"));
    searches.Add(watch.Elapsed.TotalMilliseconds);
    if (found.TotalCount != 100) throw new InvalidOperationException($"Search found {found.TotalCount}.");
}
Console.WriteLine($"Open (overview with check + first page of 25), first in its round: median {Median(cold):0.0} ms");
Console.WriteLine($"Open again by a second circuit, nothing changed:                 median {Median(warm):0.0} ms");
Console.WriteLine($"Save one santri's edit + the page's reload (overview + page):      median {Median(edits):0.0} ms");
Console.WriteLine($"Open by a second circuit right after that edit (live reload):     median {Median(afterEdit):0.0} ms");
Console.WriteLine($"Search by name (\"Uji 0099\", 100 matches, page of 25 with row numbers): median {Median(searches):0.0} ms");

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
try { Directory.Delete(folder, recursive: true); } catch (IOException) { }

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

sealed class BenchEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "Madrasah.Blazor";
    public string ContentRootPath { get; set; } = root;
    public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(root);
}
