// The helpdesk queue with many tickets, and the service-level arithmetic (issue 13's benchmark). From the repository root:
//   dotnet run --project scripts/HelpdeskBenchmark -c Release -- [tickets=10000] [runs=50]
// Through the app's own registrations and services on a real SQLite file (temporary folder): 10,000 tickets spread over
// the 38 provinces, the statuses and a year of submissions (a share of them overdue), then the agents' first queue
// page and a filtered page (province + overdue), each asked <runs> times (medians and 95th percentiles printed; the
// goal is 100 ms each). Then the due time (3 working days in office hours) of 10,000 submissions across a year with
// the national holidays and collective leave of 2026: time per ticket.
using System.Diagnostics;
using System.Globalization;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var folder = Directory.CreateTempSubdirectory("madrasah-helpdesk-bench-").FullName;
try
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Path"] = Path.Combine(folder, "madrasah.db"),
        ["DataProtection:KeyFolder"] = Path.Combine(folder, "keys"),
        ["Uploads:Folder"] = Path.Combine(folder, "uploads"),
        ["Email:PickupFolder"] = Path.Combine(folder, "mail"),
    }).Build();
    var environment = new BenchEnvironment(folder);
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddSingleton<IHostEnvironment>(environment);
    services.AddMadrasahTime();
    services.AddMadrasahData(configuration, environment);
    services.AddMadrasahIdentity(configuration, environment);
    services.AddAudit();
    services.AddEmail(configuration);
    services.AddUploads(configuration);
    services.AddHelpdesk(configuration);
    await using var provider = services.BuildServiceProvider();
    var factory = provider.GetRequiredService<IDbContextFactory<MadrasahDbContext>>();
    await using (var db = await factory.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await RegionData.SeedAsync(db);
    }

    var holidays = Holidays2026();
    var hours = new WorkingHours(holidays);
    var seeded = Stopwatch.StartNew();
    await SeedAsync(factory, hours, count);
    Console.WriteLine($"{count:N0} tickets seeded in {seeded.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores; {RuntimeInfo()}");

    await using var scope = provider.CreateAsyncScope();
    var agents = scope.ServiceProvider.GetRequiredService<HelpdeskAgentService>();
    var agent = new UserScope("bench", "helpdesk@bench", "Petugas", Roles.Helpdesk, null, null);

    await Measure("queue, first page (open tickets, most urgent first)", () => agents.ListAsync(agent, new QueueQuery()));
    await Measure("queue, filtered page (province 34 + overdue)", () => agents.ListAsync(agent, new QueueQuery(ProvinceCode: "34", OverdueOnly: true)));
    await Measure("queue, page 20 of all open", () => agents.ListAsync(agent, new QueueQuery(Page: 20)));

    // Due times: 10,000 submissions spread over 2026 (every ~52 minutes), with the year's holidays.
    var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    var step = TimeSpan.FromMinutes(365.0 * 24 * 60 / count);
    var submissions = Enumerable.Range(0, count).Select(i => start + step * i).ToArray();
    var checksum = 0L;
    var perTicket = new List<double>();
    for (var round = 0; round < 5; round++)
    {
        var watch = Stopwatch.StartNew();
        foreach (var submitted in submissions) checksum += ServiceLevel.Due(hours, submitted, 3).Ticks;
        watch.Stop();
        perTicket.Add(watch.Elapsed.TotalMicroseconds / count);
    }
    Console.WriteLine($"due time, {count:N0} tickets across 2026 with {holidays.Count} holidays: median {Median(perTicket):F2} µs per ticket " +
                      $"(rounds: {string.Join(", ", perTicket.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))}; checksum {checksum % 997})");

    async Task Measure(string what, Func<Task<QueuePage>> query)
    {
        var first = await query(); // warm-up (query compilation, page cache)
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var page = await query();
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (page.TotalCount != first.TotalCount) throw new InvalidOperationException("the data changed during the run");
        }
        times.Sort();
        Console.WriteLine($"{what}: {first.Rows.Count} rows of {first.TotalCount:N0}; median {Median(times):F1} ms, p95 {times[(int)(times.Count * 0.95) - 1]:F1} ms, max {times[^1]:F1} ms (goal ≤ 100 ms)");
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string RuntimeInfo() => $".NET {Environment.Version}, {(Debugger.IsAttached ? "debugger" : System.Reflection.Assembly.GetEntryAssembly()!.GetCustomAttributes(false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled) ? "Debug" : "Release")}";

/// <summary>National holidays and collective leave of 2026 (SKB 3 Menteri), as an administrator would enter them.</summary>
static HashSet<DateOnly> Holidays2026() =>
[
    new(2026, 1, 1), new(2026, 1, 16), new(2026, 2, 16), new(2026, 2, 17), new(2026, 3, 18), new(2026, 3, 19), new(2026, 3, 20),
    new(2026, 3, 23), new(2026, 3, 24), new(2026, 4, 3), new(2026, 5, 1), new(2026, 5, 14), new(2026, 5, 15), new(2026, 5, 27),
    new(2026, 5, 28), new(2026, 5, 31), new(2026, 6, 1), new(2026, 6, 16), new(2026, 8, 17), new(2026, 8, 25), new(2026, 12, 24),
    new(2026, 12, 25),
];

static async Task SeedAsync(IDbContextFactory<MadrasahDbContext> factory, WorkingHours hours, int count)
{
    await using var db = await factory.CreateDbContextAsync();
    var regencies = await db.Set<Regency>().AsNoTracking().Include(r => r.Province).ToListAsync();
    var categories = await db.Set<HelpdeskTopic>().AsNoTracking().Where(t => t.ParentId != null).ToListAsync();
    var random = new Random(13);
    var now = DateTime.UtcNow;
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = 0; i < count; i++)
    {
        var regency = regencies[random.Next(regencies.Count)];
        var category = categories[random.Next(categories.Count)];
        var submitted = now.AddMinutes(-random.Next(0, 365 * 24 * 60));
        var status = (TicketStatus)(random.Next(100) switch { < 15 => 0, < 35 => 1, < 45 => 2, _ => 3 });
        var token = HelpdeskLinks.NewToken();
        db.Add(new HelpdeskTicket
        {
            Number = $"HD-B-{i + 1:D6}", Email = $"pelapor{i}@gmail.com", Subject = $"Kendala nomor {i}", UserType = (TicketUserType)(1 + i % 6),
            ReportTypeId = category.ParentId!.Value, CategoryId = category.Id, OrganizationName = $"Madrasah {i}", ProvinceCode = regency.ProvinceCode,
            ProvinceName = regency.Province.Name, RegencyCode = regency.Code, RegencyName = regency.Name, Details = "Detail permasalahan.",
            Status = status, SubmittedUtc = submitted, UpdatedUtc = submitted,
            DueUtc = status is TicketStatus.Baru or TicketStatus.Diproses ? ServiceLevel.Due(hours, submitted, 3) : null,
            AccessTokenHash = HelpdeskLinks.HashToken(token),
        });
        if (i % 2000 == 1999)
        {
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
    await db.SaveChangesAsync();
}

sealed class BenchEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "Madrasah.Blazor";
    public string ContentRootPath { get; set; } = root;
    public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(root);
}
