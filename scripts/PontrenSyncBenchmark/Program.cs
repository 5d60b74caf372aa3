// PD-Pontren sync of 10,000 generated santri (issue 10's benchmark) and "Tanda Terima Sinkronisasi" PDFs per second.
// From the repository root:
//   dotnet run --project scripts/PontrenSyncBenchmark -c Release -- [santri=10000] [runs=5] [naiveRuns=3] [pdfs=500]
// Builds the app's own services (AddMadrasahData … AddPontrenSync) over a fresh SQLite file in a temporary folder,
// seeds the demo data, puts <santri> generated santri into the working copy of Pondok Pesantren Al-Hikmah Sleman and:
//  1. the real sync (SyncService.RequestAsync + the queue: check, compare, one transaction of batches, receipt row,
//     email, receipt PDF after the commit), <runs> times from empty master records, and <runs> times again unchanged;
//  2. a naive version in the same run: the same rows, looked up one by one and saved with one SaveChanges per row;
// printing the median times and the ratio (goals: real ≤ 3 s, ≥ 20× the naive version). Then it draws <pdfs>
// "Tanda Terima Sinkronisasi" PDFs one after another on one thread (goal ≥ 300 per second).
using System.Diagnostics;
using System.Globalization;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var santriCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var naiveRuns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var pdfCount = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 500;
var folder = Directory.CreateTempSubdirectory("madrasah-pontren-sync-bench-").FullName;
Console.WriteLine($"{Environment.ProcessorCount} cores; santri = {santriCount:N0}; runs = {runs}; naive runs = {naiveRuns}; PDFs = {pdfCount}; data in {folder}");

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
services.AddMadrasahData(configuration, environment);
services.AddMadrasahIdentity(configuration, environment);
services.AddAudit();
services.AddDemoData();
services.AddEmail(configuration);
services.AddPdf(configuration);
services.AddPontrenSync(configuration);
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

var queue = provider.GetRequiredService<SyncQueue>();
async Task<(double Seconds, PontrenSyncRun Run)> RealSyncAsync()
{
    var watch = Stopwatch.StartNew();
    await using var scope = provider.CreateAsyncScope();
    var request = await scope.ServiceProvider.GetRequiredService<SyncService>().RequestAsync(op);
    if (!request.Succeeded) throw new InvalidOperationException(request.Message);
    await queue.RunPendingAsync();
    var seconds = watch.Elapsed.TotalSeconds;
    await using var db = await factory.CreateDbContextAsync();
    var run = await db.Set<PontrenSyncRun>().AsNoTracking().SingleAsync(r => r.Id == request.RunId);
    if (run.Status != SyncStatus.Sukses) throw new InvalidOperationException($"Sync failed: {run.FailureReasons}");
    return (seconds, run);
}

async Task ClearMasterAsync()
{
    await using var db = await factory.CreateDbContextAsync();
    await db.Set<MasterSantri>().ExecuteDeleteAsync();
    await db.Set<MasterGtk>().ExecuteDeleteAsync();
    await db.Set<MasterFacility>().ExecuteDeleteAsync();
}

// 1. The real sync: from empty master records (all added), then unchanged.
var fresh = new List<double>();
var unchanged = new List<double>();
for (var r = 0; r < runs; r++)
{
    await ClearMasterAsync();
    var (seconds, run) = await RealSyncAsync();
    fresh.Add(seconds);
    if (run.SantriAdded != santriCount) throw new InvalidOperationException($"Expected {santriCount} added, got {run.SantriAdded}.");
    var (again, rerun) = await RealSyncAsync();
    unchanged.Add(again);
    if (rerun.SantriUnchanged != santriCount) throw new InvalidOperationException($"Expected {santriCount} unchanged, got {rerun.SantriUnchanged}.");
}
Console.WriteLine($"Real sync of {santriCount:N0} santri into empty master records: median {Median(fresh):0.000} s ({string.Join(", ", fresh.Select(s => s.ToString("0.000", CultureInfo.InvariantCulture)))})");
Console.WriteLine($"Real sync again, all unchanged:                       median {Median(unchanged):0.000} s");

// 2. The naive version: each row looked up and saved on its own (one SaveChanges, so one transaction, per row).
var naive = new List<double>();
for (var r = 0; r < naiveRuns; r++)
{
    await ClearMasterAsync();
    var watch = Stopwatch.StartNew();
    await using (var db = await factory.CreateDbContextAsync())
    {
        var rows = await db.Set<PontrenSantri>().AsNoTracking().Where(s => s.InstitutionId == institutionId).OrderBy(s => s.FullName).ToListAsync();
        var now = DateTime.UtcNow;
        foreach (var s in rows)
        {
            var other = await db.Set<MasterSantri>().AnyAsync(m => m.IsActive && m.InstitutionId != institutionId && m.Nik == s.Nik);
            var existing = await db.Set<MasterSantri>().FirstOrDefaultAsync(m => m.InstitutionId == institutionId && m.Nik == s.Nik);
            if (existing is null)
                db.Add(new MasterSantri { InstitutionId = institutionId, Nik = s.Nik, Nisn = s.Nisn, FullName = s.FullName, Sex = s.Sex!.Value, BirthPlace = s.BirthPlace,
                    BirthDate = s.BirthDate!.Value, Level = s.Level, FirstSyncedUtc = now, LastSyncedUtc = now });
            else
            {
                existing.FullName = s.FullName;
                existing.LastSyncedUtc = now;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            _ = other;
        }
    }
    naive.Add(watch.Elapsed.TotalSeconds);
    Console.WriteLine($"  naive run {r + 1}: {watch.Elapsed.TotalSeconds:0.000} s");
}
Console.WriteLine($"Naive sync (row by row SaveChanges):                  median {Median(naive):0.000} s");
Console.WriteLine($"Ratio naive / real: {Median(naive) / Median(fresh):0.0}× (goal ≥ 20×); real ≤ 3 s: {(Median(fresh) <= 3 ? "yes" : "NO")}");

// 3. "Tanda Terima Sinkronisasi" PDFs on one thread: the writer alone, then issue + first draw (row, number, PDF stored).
var writer = provider.GetRequiredService<PdfReceiptWriter>();
var receipts = provider.GetRequiredService<ReceiptService>();
var links = provider.GetRequiredService<ReceiptLinks>();
PontrenSyncRun lastRun;
Institution institution;
await using (var db = await factory.CreateDbContextAsync())
{
    lastRun = await db.Set<PontrenSyncRun>().AsNoTracking().Where(r => r.Status == SyncStatus.Sukses).OrderByDescending(r => r.Id).FirstAsync();
    institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == institutionId);
}
var request = SyncJob.ReceiptRequest(lastRun, institution);
var code = VerificationCode.New();
var document = new ReceiptDocument("TTS-2026-000001", request.Kind.Title, DateTime.UtcNow, op.FullName, institution.Name, request.Facts, request.Sections!,
    links.VerificationUrl("TTS-2026-000001", code), VerificationCode.Group(code), links.VerificationPageUrl);
for (var i = 0; i < 20; i++) writer.Write(document); // warm-up
var writerRates = new List<double>();
var writerCpuRates = new List<double>(); // per second of this process's CPU time: what one core gives, whatever else runs
for (var batch = 0; batch < 5; batch++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < pdfCount / 5; i++) writer.Write(document);
    writerRates.Add(pdfCount / 5 / watch.Elapsed.TotalSeconds);
    writerCpuRates.Add(pdfCount / 5 / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}
Console.WriteLine($"Tanda Terima Sinkronisasi writer alone: median {Median(writerCpuRates):0} PDFs per CPU-second (all threads of the process, GC included; " +
    $"{1000 / Median(writerCpuRates):0.00} ms of CPU per PDF); load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
var issueRates = new List<double>();
for (var batch = 0; batch < 5; batch++)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < pdfCount / 5; i++) await receipts.IssueAsync(request, op.FullName);
    issueRates.Add(pdfCount / 5 / watch.Elapsed.TotalSeconds);
}
Console.WriteLine($"Tanda Terima Sinkronisasi PDFs on one thread: writer alone median {Median(writerRates):0} per second; " +
                  $"issued and drawn (number, row, PDF stored) median {Median(issueRates):0} per second (5 batches of {pdfCount / 5}; goal ≥ 300/s)");

SqliteCleanup();
try { Directory.Delete(folder, recursive: true); } catch (IOException) { }

static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

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
