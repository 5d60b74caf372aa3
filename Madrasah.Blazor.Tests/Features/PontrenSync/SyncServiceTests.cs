using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using static Madrasah.Blazor.Tests.Features.PontrenSync.SyncTestKit;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

public class SyncServiceTests
{
    [Fact]
    public async Task A_sync_applies_the_working_copy_with_counts_a_receipt_and_an_email()
    {
        await using var kit = await CreateAsync();
        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 30);

        var run = await kit.SyncAsync(kit.Operator);

        Assert.Equal(SyncStatus.Sukses, run.Status);
        Assert.Equal((30, 0, 0, 0, 0), (run.SantriAdded, run.SantriChanged, run.SantriUnchanged, run.SantriRemoved, run.SantriFlagged));
        Assert.Equal((2, 0), (run.GtkAdded, run.GtkChanged));
        Assert.Equal(2, run.FacilitiesChanged);
        Assert.Equal((34, 34), (run.Processed, run.Total));
        Assert.Equal(Thursday10.UtcDateTime, run.FinishedUtc);
        Assert.Equal(30, (await kit.MasterSantriAsync(kit.AlHikmahId)).Count(s => s.IsActive));

        Assert.StartsWith("TTS-2026-", run.ReceiptNumber);
        var receipt = await kit.ReceiptAsync(run.ReceiptNumber!);
        Assert.True(receipt.IsDrawn);
        Assert.Equal(kit.AlHikmahId, receipt.InstitutionId);
        var text = PdfTestKit.PdfToFlatText(receipt.PdfBytes);
        foreach (var expected in new[] { "Tanda Terima Sinkronisasi", run.ReceiptNumber!, "Pondok Pesantren Al-Hikmah Sleman", "510034040123", "3 Desember 2026 10.00 WIB",
                     "Ahmad Zaini", "30 ditambahkan, 0 diubah, 0 tetap, 0 dinonaktifkan, 0 ditandai" })
            Assert.Contains(expected, text);

        var mail = Assert.Single(await kit.OutboxAsync());
        Assert.Equal("operator@alhikmah.ponpes.id", mail.To);
        Assert.Contains("sukses", mail.Subject);
        Assert.Contains(run.ReceiptNumber!, mail.HtmlBody);
    }

    [Fact]
    public async Task A_santri_NIK_active_in_another_pesantren_is_flagged_written_for_both_and_never_merged()
    {
        await using var kit = await CreateAsync();
        var other = await kit.AddPesantrenAsync("Pondok Pesantren Al-Falah", "510034040001");
        await kit.FillWorkingCopyAsync(other.InstitutionId!.Value, 10, first: 0);
        Assert.Equal(SyncStatus.Sukses, (await kit.SyncAsync(other)).Status);

        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 10, first: 5);
        var run = await kit.SyncAsync(kit.Operator);

        Assert.Equal(SyncStatus.Sukses, run.Status);
        Assert.Equal(5, run.SantriFlagged);
        Assert.Equal(10, run.SantriAdded);
        var flags = await kit.Service.FlagsAsync(kit.Operator, run.Id);
        Assert.Equal(Enumerable.Range(5, 5).Select(Nik).Order(), flags.Select(f => f.Nik).Order());
        Assert.All(flags, f => Assert.Contains("Pondok Pesantren Al-Falah (NSPP 510034040001)", f.Message));
        // Both institutions keep their own row for the shared NIK.
        Assert.Equal(10, (await kit.MasterSantriAsync(other.InstitutionId.Value)).Count(s => s.IsActive));
        Assert.Equal(10, (await kit.MasterSantriAsync(kit.AlHikmahId)).Count(s => s.IsActive));
        // The other institution's flags are nobody else's business.
        Assert.Empty(await kit.Service.FlagsAsync(other, run.Id));
    }

    [Fact]
    public async Task A_sync_that_fails_midway_leaves_the_master_records_exactly_as_they_were()
    {
        await using var kit = await CreateAsync(new Dictionary<string, string?> { ["PontrenSync:BatchSize"] = "100" });
        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 1000);
        var first = await kit.SyncAsync(kit.Operator);
        var before = await kit.MasterSantriAsync(kit.AlHikmahId);

        // Change everything: rename the first half, remove 100, add 500.
        await using (var db = kit.Database.CreateContext())
        {
            await db.Set<PontrenSantri>().Where(s => s.FullName.CompareTo("Santri 00500") < 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.FullName, x => x.FullName + " Baru"));
            await db.Set<PontrenSantri>().Where(s => s.FullName.CompareTo("Santri 00900") >= 0).ExecuteDeleteAsync();
        }
        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 500, first: 5000, staffAndFacilities: false);
        await using (var db = kit.Database.CreateContext())
            await db.Set<PontrenGtk>().Where(g => g.InstitutionId == kit.AlHikmahId).OrderBy(g => g.Id).Take(2).ExecuteDeleteAsync();
        kit.Hooks.AfterBatchAsync = (_, processed) => processed >= 700 ? throw new InvalidOperationException("Uji: gagal di tengah") : Task.CompletedTask;
        var failed = await kit.SyncAsync(kit.Operator);

        Assert.Equal(SyncStatus.Gagal, failed.Status);
        Assert.Equal(SyncJob.SystemFailureReason, failed.FailureReasons);
        Assert.Null(failed.ReceiptNumber);
        var after = await kit.MasterSantriAsync(kit.AlHikmahId);
        Assert.Equal(before.Select(Snapshot), after.Select(Snapshot));
        await using (var db = kit.Database.CreateContext())
        {
            Assert.Equal(1, await db.Set<Receipt>().CountAsync(r => r.Kind == SyncJob.ReceiptKind.Code));
            Assert.Equal(0, await db.Set<PontrenSyncFlag>().CountAsync());
        }
        Assert.Contains(await kit.OutboxAsync(), m => m.Subject.Contains("gagal"));

        // Run again without the fault: it applies, and the receipt number follows the first one without a gap.
        kit.Hooks.AfterBatchAsync = null;
        var again = await kit.SyncAsync(kit.Operator);
        Assert.Equal(SyncStatus.Sukses, again.Status);
        Assert.Equal((500, 500, 400, 100), (again.SantriAdded, again.SantriChanged, again.SantriUnchanged, again.SantriRemoved));
        Assert.Equal(first.ReceiptNumber![..^6] + "000002", again.ReceiptNumber);
    }

    private static string Snapshot(MasterSantri s) => $"{s.Id}|{s.Nik}|{s.FullName}|{s.Level}|{s.IsActive}|{s.LastSyncRunId}|{s.LastSyncedUtc:O}";

    [Fact]
    public async Task Two_syncs_of_one_institution_never_run_at_once()
    {
        await using var kit = await CreateAsync();
        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 20);

        var requests = await Task.WhenAll(kit.Service.RequestAsync(kit.Operator), kit.Service.RequestAsync(kit.Operator));
        Assert.Single(requests, r => r.Succeeded);
        Assert.Equal(SyncService.AlreadyOpen, Assert.Single(requests, r => !r.Succeeded).Message);

        // Even a row written past the service cannot open a second run: the filtered unique index refuses it.
        await using (var db = kit.Database.CreateContext())
        {
            db.Add(new PontrenSyncRun { InstitutionId = kit.AlHikmahId, Status = SyncStatus.Berjalan, RequestedUtc = Thursday10.UtcDateTime, RequestedByUserId = "x" });
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(DatabaseEngine.IsUniqueViolation(error), error.InnerException?.Message);
        }

        // Another institution queues beside it; the runner runs both, each institution alone.
        var other = await kit.AddPesantrenAsync("Pondok Pesantren Al-Falah", "510034040001");
        await kit.FillWorkingCopyAsync(other.InstitutionId!.Value, 20, first: 100);
        Assert.True((await kit.Service.RequestAsync(other)).Succeeded);
        var seen = new List<int[]>();
        kit.Hooks.AfterBatchAsync = (_, _) =>
        {
            lock (seen) seen.Add([.. kit.Queue.RunningInstitutions]);
            return Task.CompletedTask;
        };
        await kit.Queue.RunPendingAsync();

        Assert.NotEmpty(seen);
        Assert.All(seen, running => Assert.Equal(running.Length, running.Distinct().Count()));
        await using var check = kit.Database.CreateContext();
        Assert.Equal(2, await check.Set<PontrenSyncRun>().CountAsync(r => r.Status == SyncStatus.Sukses));
        Assert.Equal(0, await check.Set<PontrenSyncRun>().CountAsync(r => r.Status == SyncStatus.Antre || r.Status == SyncStatus.Berjalan));
    }

    [Fact]
    public async Task Running_an_unchanged_copy_again_gives_all_unchanged_and_no_duplicates()
    {
        await using var kit = await CreateAsync();
        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 50);
        await kit.SyncAsync(kit.Operator);
        kit.Clock.Advance(TimeSpan.FromHours(1));

        var again = await kit.SyncAsync(kit.Operator);

        Assert.Equal(SyncStatus.Sukses, again.Status);
        Assert.Equal((0, 0, 50, 0, 0), (again.SantriAdded, again.SantriChanged, again.SantriUnchanged, again.SantriRemoved, again.SantriFlagged));
        Assert.Equal((0, 0, 2, 0), (again.GtkAdded, again.GtkChanged, again.GtkUnchanged, again.GtkRemoved));
        Assert.Equal(0, again.FacilitiesChanged);
        Assert.Equal(50, (await kit.MasterSantriAsync(kit.AlHikmahId)).Count);
    }

    [Fact]
    public async Task Removed_santri_become_inactive_and_count_as_added_when_they_return()
    {
        await using var kit = await CreateAsync();
        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 10);
        await kit.SyncAsync(kit.Operator);
        await using (var db = kit.Database.CreateContext())
            await db.Set<PontrenSantri>().Where(s => s.Nik == Nik(1) || s.Nik == Nik(2) || s.Nik == Nik(3)).ExecuteDeleteAsync();
        await using (var db = kit.Database.CreateContext())
            await db.Set<PontrenFacility>().Where(f => f.Kind == "Ruang kelas").ExecuteDeleteAsync();

        var run = await kit.SyncAsync(kit.Operator);

        Assert.Equal((0, 7, 3), (run.SantriAdded, run.SantriUnchanged, run.SantriRemoved));
        Assert.Equal(1, run.FacilitiesChanged);
        var master = await kit.MasterSantriAsync(kit.AlHikmahId);
        Assert.Equal(10, master.Count);
        Assert.Equal([Nik(1), Nik(2), Nik(3)], master.Where(s => !s.IsActive).Select(s => s.Nik).Order());
        await using (var db = kit.Database.CreateContext())
            Assert.Equal(["Asrama santri"], await db.Set<MasterFacility>().Where(f => f.InstitutionId == kit.AlHikmahId).Select(f => f.Kind).ToListAsync());

        await using (var db = kit.Database.CreateContext())
        {
            db.Add(Santri(kit.AlHikmahId, 2));
            await db.SaveChangesAsync();
        }
        var back = await kit.SyncAsync(kit.Operator);
        Assert.Equal((1, 7, 0), (back.SantriAdded, back.SantriUnchanged, back.SantriRemoved));
        Assert.Equal(8, (await kit.MasterSantriAsync(kit.AlHikmahId)).Count(s => s.IsActive));
    }

    [Fact]
    public async Task A_request_with_a_blocking_problem_is_refused_and_a_problem_found_at_run_time_fails_with_reasons()
    {
        await using var kit = await CreateAsync();
        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 5);
        await using (var db = kit.Database.CreateContext())
            await db.Set<PontrenSantri>().Where(s => s.Nik == Nik(0)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Nik, "34040712"));

        var refused = await kit.Service.RequestAsync(kit.Operator);
        Assert.False(refused.Succeeded);
        Assert.Contains("1 masalah", refused.Message);
        Assert.Contains("Verifikasi data lembaga", refused.Message);

        await using (var db = kit.Database.CreateContext())
            await db.Set<PontrenSantri>().Where(s => s.Nik == "34040712").ExecuteUpdateAsync(s => s.SetProperty(x => x.Nik, Nik(0)));
        var request = await kit.Service.RequestAsync(kit.Operator);
        Assert.True(request.Succeeded);
        // The data changes while the run waits in the queue: the run checks again.
        await using (var db = kit.Database.CreateContext())
            await db.Set<PontrenSantri>().Where(s => s.Nik == Nik(3)).ExecuteUpdateAsync(s => s.SetProperty(x => x.BirthDate, new DateOnly(2027, 1, 1)));
        await kit.Queue.RunPendingAsync();

        var run = await kit.RunAsync(request.RunId!.Value);
        Assert.Equal(SyncStatus.Gagal, run.Status);
        Assert.Contains("Santri baris 4 — Tanggal lahir: Tanggal lahir tidak boleh di masa depan.", run.FailureReasons);
        Assert.Empty(await kit.MasterSantriAsync(kit.AlHikmahId));
    }

    [Fact]
    public async Task Runs_a_stopped_process_left_running_become_failed_and_queued_runs_stay_queued()
    {
        await using var kit = await CreateAsync();
        var other = await kit.AddPesantrenAsync("Pondok Pesantren Al-Falah", "510034040001");
        await using (var db = kit.Database.CreateContext())
        {
            db.Add(new PontrenSyncRun { InstitutionId = kit.AlHikmahId, Status = SyncStatus.Berjalan, RequestedUtc = Thursday10.UtcDateTime, RequestedByUserId = kit.Operator.UserId, RequestedByName = "Ahmad Zaini" });
            db.Add(new PontrenSyncRun { InstitutionId = other.InstitutionId!.Value, Status = SyncStatus.Antre, RequestedUtc = Thursday10.UtcDateTime, RequestedByUserId = "x" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await kit.Job.RecoverInterruptedAsync());

        await using var check = kit.Database.CreateContext();
        var runs = await check.Set<PontrenSyncRun>().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(SyncStatus.Gagal, runs[0].Status);
        Assert.Equal(SyncJob.InterruptedReason, runs[0].FailureReasons);
        Assert.Equal(SyncStatus.Antre, runs[1].Status);
        Assert.Contains(await kit.OutboxAsync(), m => m.To == "operator@alhikmah.ponpes.id" && m.Subject.Contains("gagal"));
    }

    [Fact]
    public async Task Each_user_sees_only_their_own_pesantren_and_district()
    {
        await using var kit = await CreateAsync();
        await kit.FillWorkingCopyAsync(kit.AlHikmahId, 3);
        await kit.SyncAsync(kit.Operator);

        var madrasahOperator = await DemoSeed.ScopeOfAsync(kit.Database, "operator@min1sleman.sch.id");
        Assert.Equal(SyncService.NotAllowed, (await kit.Service.RequestAsync(madrasahOperator)).Message);
        Assert.Null(await kit.Service.StateAsync(madrasahOperator));
        Assert.Empty((await kit.Service.HistoryAsync(madrasahOperator, 1, 10)).Items);
        Assert.Empty(await kit.Service.DistrictStatusAsync(madrasahOperator));

        var rows = await kit.Service.DistrictStatusAsync(kit.DistrictAdmin);
        var row = Assert.Single(rows);
        Assert.Equal("Pondok Pesantren Al-Hikmah Sleman", row.Name);
        Assert.Equal(SyncStatus.Sukses, row.LastFinished!.Status);
        var elsewhere = kit.DistrictAdmin with { DistrictId = kit.DistrictAdmin.DistrictId + 1000 };
        Assert.Empty(await kit.Service.DistrictStatusAsync(elsewhere));
    }

    [Fact]
    public async Task The_panel_state_shows_the_queue_position_and_the_progress_of_the_open_run()
    {
        await using var kit = await CreateAsync();
        var a = await kit.AddPesantrenAsync("Pondok Pesantren Al-Falah", "510034040001");
        var b = await kit.AddPesantrenAsync("Pondok Pesantren Nurul Iman", "510034040002");
        foreach (var (scope, first) in new[] { (a, 0), (b, 100), (kit.Operator, 200) })
        {
            await kit.FillWorkingCopyAsync(scope.InstitutionId!.Value, 10, first);
            Assert.True((await kit.Service.RequestAsync(scope)).Succeeded);
        }

        var state = await kit.Service.StateAsync(kit.Operator);
        Assert.Equal(3, state!.Open!.QueuePosition);

        int? seenProcessed = null;
        kit.Hooks.AfterBatchAsync = async (runId, processed) =>
        {
            if (runId != state.Open.Run.Id) return;
            var during = await kit.Service.StateAsync(kit.Operator);
            seenProcessed ??= during!.Open!.Processed;
        };
        await kit.Queue.RunPendingAsync();
        Assert.Equal(10, seenProcessed);
        var done = await kit.Service.StateAsync(kit.Operator);
        Assert.Null(done!.Open);
        Assert.Equal(SyncStatus.Sukses, done.LastFinished!.Status);
    }
}
