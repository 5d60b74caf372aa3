using System.Diagnostics;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>
/// Crash safety with a real process kill: the app runs as its own OS process on its own database, a 10,000-santri sync
/// is killed with SIGKILL (<see cref="Process.Kill(bool)"/>) while it runs, and the master records are read back with a
/// plain SQLite connection. The app is started with the test hook <see cref="SyncTestHooks.DelayVariable"/> (honoured
/// in Development/Testing only) so each batch of 500 rows takes 250 ms and the kill lands mid-run.
/// </summary>
[Trait("Kind", "App")]
public sealed class SyncCrashTests(ITestOutputHelper output)
{
    private const int SantriCount = 10_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static Dictionary<string, string> Settings(string? databasePath = null)
    {
        var settings = new Dictionary<string, string>
        {
            [SyncTestHooks.DelayVariable] = "250",
            ["PontrenSync__BatchSize"] = "500",
            ["PontrenSync__PollSeconds"] = "1",
            ["Logging__LogLevel__Madrasah.Blazor.Features.PontrenSync.SyncJob"] = "Information",
        };
        if (databasePath is not null) settings["Database__Path"] = databasePath;
        return settings;
    }

    [Fact]
    public async Task Killing_the_process_during_a_sync_leaves_the_master_records_as_before_and_a_rerun_succeeds()
    {
        await using var first = await TestApp.StartAsync(Settings());
        await using var tools = Tools(first, first.DatabasePath);
        var op = await OperatorAsync(first);
        var institutionId = op.InstitutionId!.Value;

        // The working copy: 10,000 santri; a first sync puts them into the master records.
        await using (var db = first.CreateDbContext())
        {
            await db.Set<PontrenSantri>().Where(s => s.InstitutionId == institutionId).ExecuteDeleteAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(Enumerable.Range(0, SantriCount).Select(i => SyncTestKit.Santri(institutionId, i)));
            await db.SaveChangesAsync();
        }
        var previous = await RequestAsync(tools, op);
        await WaitForAsync(first, first.DatabasePath, previous, SyncStatus.Sukses);

        // Change half of them and add 500 more, so the killed run has real work to undo.
        await using (var db = first.CreateDbContext())
        {
            await db.Set<PontrenSantri>().Where(s => s.InstitutionId == institutionId && s.FullName.CompareTo("Santri 05000") < 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Level, "Ulya Baru"));
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(Enumerable.Range(SantriCount, 500).Select(i => SyncTestKit.Santri(institutionId, i)));
            await db.SaveChangesAsync();
        }
        var before = MasterRows(first.DatabasePath, institutionId);
        Assert.Equal(SantriCount, before.Count);

        var killed = await RequestAsync(tools, op);
        var processed = await WaitForProgressAsync(first, killed);
        await first.StopServerAsync(); // Process.Kill: SIGKILL on Linux
        output.WriteLine($"Killed run {killed} after {processed} rows.");

        Assert.Equal(before, MasterRows(first.DatabasePath, institutionId));
        Assert.Equal(SyncStatus.Berjalan, RunStatus(first.DatabasePath, killed).Status);

        // Restart on the same database: the run is "Gagal" (terputus), and a new sync succeeds with no duplicates.
        await using var second = await TestApp.StartAsync(Settings(first.DatabasePath));
        await WaitForAsync(second, first.DatabasePath, killed, SyncStatus.Gagal);
        Assert.Equal(SyncJob.InterruptedReason, RunStatus(first.DatabasePath, killed).Reasons);

        await using var tools2 = Tools(second, first.DatabasePath);
        var rerun = await RequestAsync(tools2, op);
        await WaitForAsync(second, first.DatabasePath, rerun, SyncStatus.Sukses);
        var after = MasterRows(first.DatabasePath, institutionId);
        Assert.Equal(SantriCount + 500, after.Count);
        Assert.Equal(after.Count, after.Select(r => r.Split('|')[1]).Distinct().Count());
        Assert.Equal(5_000, after.Count(r => r.Contains("|Ulya Baru|")));
        await using var check = first.CreateDbContext();
        var run = await check.Set<PontrenSyncRun>().AsNoTracking().SingleAsync(r => r.Id == rerun);
        Assert.Equal((500, 5_000, 5_000), (run.SantriAdded, run.SantriChanged, run.SantriUnchanged));
    }

    /// <summary>The sync's services (the app's own registrations) over the running app's database, to queue a run as its operator.</summary>
    private static AppServicesOver Tools(TestApp app, string databasePath)
    {
        var services = new ServiceCollection();
        var folder = Directory.CreateDirectory(Path.Combine(app.DataFolder, "tools-" + Guid.NewGuid().ToString("N"))).FullName;
        AppServices.Register(services, databasePath, folder, (s, configuration) =>
        {
            s.AddMadrasahTime();
            s.AddEmail(configuration);
            s.AddPdf(configuration);
            s.AddPontrenSync(configuration);
        });
        return new AppServicesOver(services.BuildServiceProvider());
    }

    private sealed class AppServicesOver(ServiceProvider provider) : IAsyncDisposable
    {
        public ServiceProvider Provider { get; } = provider;
        public ValueTask DisposeAsync() => Provider.DisposeAsync();
    }

    private static async Task<UserScope> OperatorAsync(TestApp app)
    {
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == "operator@alhikmah.ponpes.id");
        var districtId = await db.Institutions.Where(i => i.Id == user.InstitutionId).Select(i => i.DistrictId).SingleAsync();
        return new UserScope(user.Id, user.Email!, user.FullName, Roles.Operator, user.InstitutionId, districtId);
    }

    /// <summary>Queues a sync as the operator (the app's runner, polling every second, takes it).</summary>
    private static async Task<int> RequestAsync(AppServicesOver tools, UserScope op)
    {
        await using var scope = tools.Provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SyncService>().RequestAsync(op);
        Assert.True(result.Succeeded, result.Message);
        return result.RunId!.Value;
    }

    /// <summary>Waits (polling the database, as a watcher of another process must) until the run has <paramref name="status"/>.</summary>
    private static async Task WaitForAsync(TestApp app, string databasePath, int runId, SyncStatus status)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var (current, reasons) = RunStatus(databasePath, runId);
            if (current == status) return;
            if (current is SyncStatus.Sukses or SyncStatus.Gagal)
                Assert.Fail($"Run {runId} ended {current}, expected {status}: {reasons}\n{app.Log}");
            if (deadline.Elapsed > Patience) Assert.Fail($"Run {runId} is still {current} after {Patience}:\n{app.Log}");
            await Task.Delay(100); // another process's database: nothing to await on instead
        }
    }

    /// <summary>Waits until the app logs progress above 0 for the run (its progress is in its memory only).</summary>
    private static async Task<int> WaitForProgressAsync(TestApp app, int runId)
    {
        var pattern = new Regex($@"Sync run {runId}: (\d+) of (\d+) rows");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            var done = pattern.Matches(app.Log).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();
            var total = pattern.Matches(app.Log).Select(m => int.Parse(m.Groups[2].Value)).DefaultIfEmpty(0).Max();
            if (done > 0)
            {
                Assert.True(done < total, $"The run finished before the kill ({done} of {total}).");
                return done;
            }
            await Task.Delay(50); // another process's log: nothing to await on instead
        }
        Assert.Fail($"No progress of run {runId} within {Patience}:\n{app.Log}");
        return 0;
    }

    private static (SyncStatus Status, string? Reasons) RunStatus(string databasePath, int runId)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Status\", \"FailureReasons\" FROM \"PontrenSyncRuns\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return ((SyncStatus)reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>Every master santri row of the institution, every column that a sync writes, read with a plain SQLite connection.</summary>
    private static List<string> MasterRows(string databasePath, int institutionId)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "Nik", "Nisn", "FullName", "Sex", "BirthPlace", "BirthDate", "Level", "IsActive", "FirstSyncedUtc", "LastSyncedUtc", "LastSyncRunId"
            FROM "MasterSantri" WHERE "InstitutionId" = $id ORDER BY "Id"
            """;
        command.Parameters.AddWithValue("$id", institutionId);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        return rows;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
