// Complaint submissions under load and "Bukti Pengaduan" PDFs per second (issue 11's benchmark). From the repository root:
//   dotnet run --project scripts/ComplaintBenchmark -c Release -- [staff=50] [rounds=10] [pdfs=200]
// Builds the app's own services (AddMadrasahData … AddAttendance) over a fresh SQLite file and upload folder in a
// temporary folder, seeds the demo data and <staff> staff members of MIN 1 Sleman, then runs <rounds> rounds in which
// every staff member submits a Tugas Luar complaint with a 300 KB PDF at the same moment (each round another day).
// First it times one submission stage by stage (content check, file write, fsync, rename, row inserts, reference number,
// outbox email, commit, live publish). It prints submissions per second per round (median) with the process's CPU time
// per submission (on a shared machine the wall clock also waits for a core), how the complaint writer batched them
// (group commit), "database is locked" errors, and checks that every accepted upload has its row and every row its
// file and that the reference numbers are unique and gap-free. Then it draws <pdfs> "Bukti Pengaduan" PDFs one after
// another on one thread (the writer alone, and the full first download: database read, drawing, stored PDF).
// Run it with `nice -n 10` on a shared machine; pdfs=0 skips the PDFs.
using System.Diagnostics;
using System.Globalization;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var staffCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var pdfCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
var folder = Directory.CreateTempSubdirectory("madrasah-complaint-bench-").FullName;
Console.WriteLine($"{Environment.ProcessorCount} cores; staff = {staffCount}; rounds = {rounds}; PDFs = {pdfCount}; data in {folder}");

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
services.AddUploads(configuration);
services.AddEmail(configuration);
services.AddPdf(configuration);
services.AddAttendance();
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

// The staff: MIN 1 Sleman's, each with an account id of their own (the service needs the staff row, not a password).
var scopes = new List<UserScope>();
await using (var db = await factory.CreateDbContextAsync())
{
    var min1 = await db.Institutions.SingleAsync(i => i.Name == "MIN 1 Sleman");
    for (var i = 0; i < staffCount; i++)
    {
        var userId = $"bench-{i:000}";
        db.Staff.Add(new Staff
        {
            InstitutionId = min1.Id, FullName = $"Pegawai Uji {i:000}", Nik = $"34040700000{i:00000}", Nip = $"1990010120150{i:00000}",
            BirthDate = new DateOnly(1990, 1, 1), Position = "Guru", Kind = StaffKind.Guru, UserId = userId,
        });
        scopes.Add(new UserScope(userId, $"pegawai{i}@uji.id", $"Pegawai Uji {i:000}", Roles.Pegawai, min1.Id, min1.DistrictId));
    }
    await db.SaveChangesAsync();
}

var pdf = new byte[300 * 1024];
Array.Fill(pdf, (byte)' ');
"%PDF-1.4\n"u8.CopyTo(pdf);
"\n%%EOF\n"u8.CopyTo(pdf.AsSpan(pdf.Length - 7));
var today = Wib.Today(TimeProvider.System);

// Warm-up: one submission (JIT, the first connection, the email template).
await SubmitAsync(scopes[0], today.AddDays(-60), AttendanceSession.Pagi);
var accepted = 1;

// One after another: the latency of one submission without contention, and of its email's rendering alone.
var sequentialCpu = Process.GetCurrentProcess().TotalProcessorTime;
var sequential = Stopwatch.StartNew();
for (var i = 0; i < 20; i++) await SubmitAsync(scopes[i], today.AddDays(-70), i % 2 == 0 ? AttendanceSession.Pagi : AttendanceSession.Sore);
sequential.Stop();
var sequentialCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - sequentialCpu).TotalMilliseconds / 20;
var outbox = provider.GetRequiredService<EmailOutbox>();
var renderWatch = Stopwatch.StartNew();
for (var i = 0; i < 20; i++)
    await outbox.RenderAsync<ComplaintEmail>(new Dictionary<string, object?>
    {
        [nameof(ComplaintEmail.Title)] = "Pengaduan ADU-2026-000001 telah diterima sistem", [nameof(ComplaintEmail.RecipientName)] = "Pegawai Uji",
        [nameof(ComplaintEmail.Lead)] = "Pengaduan Anda telah kami terima.", [nameof(ComplaintEmail.ComplaintId)] = 1,
        [nameof(ComplaintEmail.Rows)] = (IReadOnlyList<(string, string)>)[("Nomor Pengaduan", "ADU-2026-000001"), ("Nama", "Pegawai Uji")],
    });
renderWatch.Stop();
Console.WriteLine($"one at a time: {sequential.Elapsed.TotalMilliseconds / 20:0.0} ms per submission (CPU {sequentialCpuMs:0.0} ms); its email's rendering alone {renderWatch.Elapsed.TotalMilliseconds / 20:0.0} ms");
accepted += 20;

await BreakdownAsync(scopes, today.AddDays(-85));

var rates = new List<double>();
var cpuPerSubmission = new List<double>();
var locked = 0;
var failed = 0;
// Warm-up rounds, not counted (the JIT's second tier and the thread pool settle in the first few hundred submissions);
// their complaints are checked with the others below.
const int warmUpRounds = 2;
for (var round = -warmUpRounds; round < rounds; round++)
{
    var day = round < 0 ? today.AddDays(-40 + round) : today.AddDays(-1 - round / 2);
    var session = round % 2 == 0 ? AttendanceSession.Pagi : AttendanceSession.Sore;
    using var gate = new ManualResetEventSlim();
    var tasks = scopes.Select(scope => Task.Run(async () =>
    {
        gate.Wait();
        return await SubmitAsync(scope, day, session);
    })).ToList();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    gate.Set();
    var outcomes = await Task.WhenAll(tasks);
    watch.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / staffCount;
    var ok = outcomes.Count(o => o == Outcome.Accepted);
    accepted += ok;
    locked += outcomes.Count(o => o == Outcome.Locked);
    failed += outcomes.Count(o => o == Outcome.Failed);
    if (round < 0)
    {
        Console.WriteLine($"warm-up: {ok}/{staffCount} accepted in {watch.Elapsed.TotalMilliseconds:0} ms");
        continue;
    }
    cpuPerSubmission.Add(cpu);
    rates.Add(ok / watch.Elapsed.TotalSeconds);
    Console.WriteLine($"round {round + 1,2}: {ok}/{staffCount} accepted in {watch.Elapsed.TotalMilliseconds:0} ms = {ok / watch.Elapsed.TotalSeconds:0} submissions/s; CPU {cpu:0.0} ms per submission");
}

// Every accepted upload has its row and every row its file (and the evidence its complaint).
var uploadFolder = Path.Combine(folder, "uploads");
await using (var db = await factory.CreateDbContextAsync())
{
    var complaints = await db.Set<AttendanceComplaint>().CountAsync();
    var rows = await db.Set<StoredUpload>().Select(u => u.StoredName).ToListAsync();
    var files = Directory.EnumerateFiles(uploadFolder).Select(Path.GetFileName).ToHashSet();
    var orphanRows = rows.Count(r => !files.Contains(r));
    var orphanFiles = files.Count(f => !rows.Contains(f!));
    var withoutUpload = await db.Set<AttendanceComplaint>().CountAsync(c => !db.Set<StoredUpload>().Any(u => u.Id == c.EvidenceUploadId));
    var withoutReceipt = await db.Set<AttendanceComplaint>().CountAsync(c => !db.Set<Receipt>().Any(r => r.Number == c.SubmissionReceiptNumber));
    var numbers = (await db.Set<AttendanceComplaint>().Select(c => c.Number).ToListAsync())
        .Select(n => int.Parse(n[^6..], CultureInfo.InvariantCulture)).Order().ToList();
    var gapFree = numbers.Distinct().Count() == numbers.Count && numbers.Count > 0 && numbers[0] == 1 && numbers[^1] == numbers.Count;
    Console.WriteLine();
    Console.WriteLine($"submissions: median {Median(rates):0} per second over {rounds} rounds of {staffCount} at once (min {rates.Min():0}, max {rates.Max():0})");
    var writerStats = provider.GetRequiredService<ComplaintWriter>().Statistics;
    Console.WriteLine($"complaint writer: {writerStats.Requests} submissions in {writerStats.Batches} transactions (mean {(double)writerStats.Requests / writerStats.Batches:0.0} per batch), " +
        $"busy {writerStats.Busy.TotalMilliseconds / writerStats.Requests:0.00} ms per submission");
    Console.WriteLine($"CPU time of this process: median {Median(cpuPerSubmission):0.0} ms per submission (all threads; on a busy machine the wall clock waits for a core)");
    Console.WriteLine($"\"database is locked\" errors: {locked}; other failures: {failed}");
    Console.WriteLine($"accepted {accepted}, complaint rows {complaints}; upload rows without file {orphanRows}, files without row {orphanFiles} " +
        $"(failed saves leave files for UploadJanitor), complaints without upload {withoutUpload}, without receipt {withoutReceipt}");
    Console.WriteLine($"reference numbers: {numbers.Count}, unique and gap-free: {(gapFree ? "yes" : "NO")}");
}

// "Bukti Pengaduan" PDFs on one thread: the writer alone, then the first download (read, draw, store).
if (pdfCount > 0) await PdfsAsync();

SqliteConnection.ClearAllPools();
try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
return;

async Task PdfsAsync()
{
    var writer = provider.GetRequiredService<PdfReceiptWriter>();
    var receipts = provider.GetRequiredService<ReceiptService>();
    List<(int Id, string Number)> issued;
    await using (var db = await factory.CreateDbContextAsync())
        issued = await db.Set<Receipt>().Where(r => r.Kind == ComplaintService.ReceiptKind.Code && r.Sha256 == "").OrderBy(r => r.Id).Take(pdfCount)
            .Select(r => new ValueTuple<int, string>(r.Id, r.Number)).ToListAsync();
    var document = new ReceiptDocument("BPG-2026-000001", "Bukti Pengaduan", DateTime.UtcNow, "Pegawai Uji", "MIN 1 Sleman",
    [
        new("Nomor Pengaduan", "ADU-2026-000001"), new("Nama", "Nur Hidayah, S.Pd.I."), new("NIP", "199003052015032001"), new("Lembaga", "MIN 1 Sleman"),
        new("Jenis Pengaduan", "Tugas Luar"), new("Tanggal dan Sesi", "Senin, 30 November 2026 — Sore"), new("Alasan", "Rapat KKG di Kantor Kemenag Sleman."),
        new("Dikirim", "1 Desember 2026 08.15 WIB"), new("Status", "Diterima"), new("Diputuskan oleh", "Yuliana Sari (Petugas Kepegawaian), 1 Desember 2026 09.02 WIB"),
    ], [], "https://madrasah.example/verifikasi/BPG-2026-000001?kode=ABCD2345EFGH", "ABCD-2345-EFGH", "https://madrasah.example/verifikasi");
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
    Console.WriteLine($"Bukti Pengaduan writer alone: median {Median(writerCpuRates):0} PDFs per CPU-second (all threads of the process, GC included; " +
        $"{1000 / Median(writerCpuRates):0.00} ms of CPU per PDF); load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    var drawWatch = Stopwatch.StartNew();
    foreach (var (id, _) in issued) await receipts.DrawAsync(id);
    drawWatch.Stop();
    Console.WriteLine($"Bukti Pengaduan PDFs on one thread: writer alone median {Median(writerRates):0} per second (5 batches of {pdfCount / 5}); " +
        $"first download (read, draw, store) {issued.Count / drawWatch.Elapsed.TotalSeconds:0} per second over {issued.Count}");
}

async Task<Outcome> SubmitAsync(UserScope scope, DateOnly day, AttendanceSession session)
{
    try
    {
        await using var serviceScope = provider.CreateAsyncScope();
        var result = await serviceScope.ServiceProvider.GetRequiredService<ComplaintService>().SubmitAsync(scope,
            new ComplaintInput(ComplaintCategory.Pengaduan, ComplaintType.TugasLuar, day, null, session, "Rapat KKG di Kantor Kemenag Sleman.", pdf, "surat-tugas.pdf"));
        if (!result.Succeeded) Console.Error.WriteLine($"refused: {result.Error}");
        return result.Succeeded ? Outcome.Accepted : Outcome.Failed;
    }
    catch (Exception e) when (IsLocked(e))
    {
        return Outcome.Locked;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine(e.GetBaseException().Message);
        return Outcome.Failed;
    }
}

// Where the time of one submission goes, stage by stage, one at a time (median of 20 runs, each another staff member):
// the same steps as the service, through the app's components, on the same database file and upload folder.
async Task BreakdownAsync(List<UserScope> staff, DateOnly day)
{
    var numbers = provider.GetRequiredService<ReceiptNumberGenerator>();
    var receiptService = provider.GetRequiredService<ReceiptService>();
    var notifier = provider.GetRequiredService<Madrasah.Blazor.Infrastructure.Live.LiveNotifier>();
    var emails = provider.GetRequiredService<EmailOutbox>();
    var benchNumbers = new ReceiptKind("bench-complaint-number", "BEN", "Benchmark");
    var stages = new Dictionary<string, List<double>>();
    var folderPath = Path.Combine(folder, "uploads");
    Directory.CreateDirectory(folderPath);
    void Add(string stage, Stopwatch watch) => (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(watch.Elapsed.TotalMilliseconds);
    for (var i = 0; i < 20; i++)
    {
        var scope = staff[i];
        var watch = Stopwatch.StartNew();
        _ = UploadStore.Detect(pdf);
        _ = System.Security.Cryptography.SHA256.HashData(pdf);
        Add("1 PDF content check + SHA-256", watch);
        var temporary = Path.Combine(folderPath, $"tmp-{Guid.NewGuid():N}.part");
        watch.Restart();
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        await stream.WriteAsync(pdf);
        Add("2 file write (page cache)", watch);
        watch.Restart();
        stream.Flush(flushToDisk: true);
        await stream.DisposeAsync();
        Add("3 file fsync", watch);
        watch.Restart();
        var final = Path.Combine(folderPath, $"bench{Guid.NewGuid():N}.pdf");
        File.Move(temporary, final);
        using (var handle = File.OpenHandle(final)) { } // (the folder flush itself is measured by the service run)
        Add("4 rename", watch);
        File.Delete(final);

        await using var db = await factory.CreateDbContextAsync();
        var staffRow = await db.Staff.AsNoTracking().FirstAsync(s => s.UserId == scope.UserId);
        var institution = await db.Institutions.AsNoTracking().FirstAsync(x => x.Id == staffRow.InstitutionId);
        watch.Restart();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Add("5 BEGIN IMMEDIATE (no contention)", watch);
        var now = DateTime.UtcNow;
        watch.Restart();
        var number = await numbers.NextAsync(db, benchNumbers, now); // a kind of its own: the complaints' numbers stay gap-free
        Add("6 reference number allocation", watch);
        watch.Restart();
        var complaint = new AttendanceComplaint
        {
            InstitutionId = staffRow.InstitutionId, StaffId = staffRow.Id, SubmittedByUserId = scope.UserId, Number = number,
            Category = ComplaintCategory.Pengaduan, Type = ComplaintType.TugasLuar, Date = day, EndDate = day, Session = AttendanceSession.Pagi,
            Reason = "Rapat KKG di Kantor Kemenag Sleman.", EvidenceUploadId = Guid.NewGuid(), EvidenceFileName = "surat-tugas.pdf",
            EvidenceSizeBytes = pdf.Length, SubmittedUtc = now, Revision = 1,
        };
        db.Add(complaint);
        await db.SaveChangesAsync();
        Add("7 complaint row insert", watch);
        watch.Restart();
        await receiptService.AddAsync(db, new ReceiptRequest(ComplaintService.ReceiptKind, institution.Id, institution.DistrictId, institution.Name,
            [new("Nomor Pengaduan", number), new("Nama", staffRow.FullName)]), scope.FullName);
        Add("8 receipt row (number + insert)", watch);
        watch.Restart();
        await emails.EnqueueAsync<ComplaintEmail>(db, scope.UserName, scope.FullName, $"Pengaduan {number} telah diterima sistem", new Dictionary<string, object?>
        {
            [nameof(ComplaintEmail.Title)] = $"Pengaduan {number} telah diterima sistem", [nameof(ComplaintEmail.RecipientName)] = scope.FullName,
            [nameof(ComplaintEmail.Lead)] = "Pengaduan Anda telah kami terima.", [nameof(ComplaintEmail.ComplaintId)] = complaint.Id,
            [nameof(ComplaintEmail.Rows)] = (IReadOnlyList<(string, string)>)[("Nomor Pengaduan", number), ("Nama", staffRow.FullName)],
        }, institution.Id);
        Add("9 outbox email (render)", watch);
        watch.Restart();
        await db.SaveChangesAsync();
        Add("10 outbox + audit insert", watch);
        watch.Restart();
        await transaction.CommitAsync();
        Add("11 commit (WAL fsync, synchronous=FULL)", watch);
        watch.Restart();
        notifier.Publish(AttendanceTopics.Institution(institution.Id), AttendanceTopics.Staff(staffRow.Id), AttendanceTopics.Complaint(complaint.Id));
        Add("12 live publish", watch);
    }
    Console.WriteLine("one submission, stage by stage (median of 20, ms):");
    foreach (var (stage, values) in stages) Console.WriteLine($"  {stage,-42} {Median(values),7:0.00}");
    // The rows above were written straight, not through the service: remove them so the checks below count the service's only.
    await using var cleanup = await factory.CreateDbContextAsync();
    await cleanup.Set<AttendanceComplaint>().Where(c => c.Date == day).ExecuteDeleteAsync();
}

static bool IsLocked(Exception e) => e is SqliteException { SqliteErrorCode: 5 or 6 } || (e.InnerException is { } inner && IsLocked(inner));

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

enum Outcome { Accepted, Locked, Failed }

sealed class BenchEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "Madrasah.Blazor";
    public string ContentRootPath { get; set; } = root;
    public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(root);
}
