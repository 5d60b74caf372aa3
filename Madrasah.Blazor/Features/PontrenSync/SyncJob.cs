using System.Diagnostics;
using System.Globalization;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>
/// Runs one queued sync: claims it (Antre → Berjalan), loads the institution's working copy and checks it again
/// (the data may have changed since the request: a blocking problem fails the run with the reasons), compares it with
/// the institution's master rows by NIK (facilities by kind), and applies adds, changes and removals
/// (<c>IsActive = false</c>; a facility kind no longer listed is deleted) to the master records together with the
/// run's result, counts, flags, the receipt row and the operator's email, in ONE transaction: a failure or a killed
/// process leaves the master records as they were. The receipt's PDF is drawn after the commit.
/// <para>
/// Cross-institution duplicates: a santri whose NIK is active in another institution's master rows is flagged
/// (<see cref="PontrenSyncFlag"/> with that institution's name and statistic number) and counted, and is still
/// written for this institution, as its own row: the master records are keyed by (institution, NIK), the two rows are
/// never merged, and the district sees the flag and settles which institution the santri really belongs to.
/// A santri who was inactive and is listed again is counted as added.
/// </para>
/// <para>
/// Set-based: the institution's master rows are loaded once into dictionaries, NIKs active elsewhere are looked up in
/// chunked IN lists, and rows are written in batches (<see cref="SyncOptions.BatchSize"/>) inside the transaction: santri
/// with two prepared statements (<see cref="MasterSantriWriter"/>), GTK and facilities (few) with one SaveChanges per batch. Progress is kept in memory (<see cref="SyncProgressRegistry"/>) and published through
/// <see cref="LiveNotifier"/> at most every 200 ms.
/// </para>
/// </summary>
public sealed class SyncJob(
    IDbContextFactory<MadrasahDbContext> factory,
    ReceiptService receipts,
    EmailOutbox outbox,
    SyncProgressRegistry progress,
    LiveNotifier notifier,
    SyncTestHooks hooks,
    WorkLocks workers,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<SyncJob> logger)
{
    public static readonly ReceiptKind ReceiptKind = new("pontren-sync", "TTS", "Tanda Terima Sinkronisasi");

    public const string InterruptedReason = "Terputus: proses berhenti sebelum selesai; jalankan sinkronisasi lagi.";
    public const string SystemFailureReason = "Sinkronisasi gagal karena kesalahan sistem; data pusat tidak berubah. Jalankan sinkronisasi lagi; bila terus gagal, hubungi Helpdesk.";
    private const int LookupChunk = 900;
    private const int MaxReasonsListed = 20;
    private static readonly TimeSpan PublishEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs left <see cref="SyncStatus.Berjalan"/> by a process that stopped (killed, crashed, restarted) become
    /// <see cref="SyncStatus.Gagal"/> with <see cref="InterruptedReason"/>; their transaction never committed, so
    /// nothing of them was applied. Queued runs stay queued. A run another app server is still working on (it holds
    /// the run's key in <see cref="WorkLocks"/>) is left alone. Called at start-up, before the queue runs, and then
    /// with every look at the queue (another server may have stopped).
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var running = await db.Set<PontrenSyncRun>().Include(r => r.Institution)
            .Where(r => r.Status == SyncStatus.Berjalan).ToListAsync(cancellationToken);
        var runs = new List<PontrenSyncRun>();
        foreach (var run in running)
            if (await workers.IsAbandonedAsync(WorkerKey(run.Id), cancellationToken)) runs.Add(run);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var run in runs)
        {
            MarkFailed(run, InterruptedReason, now);
            await EmailAsync(db, run, run.Institution, cancellationToken);
            Publish(db, run.Institution);
        }
        if (runs.Count > 0) await db.SaveChangesAsync(cancellationToken);
        foreach (var run in runs) logger.LogWarning("Sync run {RunId} of institution {InstitutionId} was interrupted by a stop of the process", run.Id, run.InstitutionId);
        return runs.Count;
    }

    /// <summary>The key a worker holds in <see cref="WorkLocks"/> while it runs <paramref name="runId"/>, from before its claim to its end.</summary>
    public static string WorkerKey(int runId) => $"pontren-sync-run:{runId}";

    /// <summary>Antre → Berjalan, once: false when the run is no longer queued (another runner took it).</summary>
    public async Task<bool> ClaimAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<PontrenSyncRun>().Where(r => r.Id == runId && r.Status == SyncStatus.Antre)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SyncStatus.Berjalan).SetProperty(r => r.StartedUtc, now)
                .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        if (claimed == 0) return false;
        var owner = await db.Set<PontrenSyncRun>().Where(r => r.Id == runId)
            .Select(r => new { r.InstitutionId, r.Institution.DistrictId }).FirstAsync(cancellationToken);
        notifier.Publish(SyncTopics.Institution(owner.InstitutionId), SyncTopics.District(owner.DistrictId), SyncTopics.Queue);
        return true;
    }

    /// <summary>Runs a claimed run to its end (Sukses or Gagal). Never throws for a failure of the sync itself.</summary>
    public async Task RunAsync(int runId, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var failure = await ApplyAsync(runId, cancellationToken);
            if (failure is not null) await FailAsync(runId, failure, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the transaction rolled back; say so now rather than at the next start.
            await FailAsync(runId, InterruptedReason, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Sync run {RunId} failed", runId);
            await FailAsync(runId, SystemFailureReason, CancellationToken.None);
        }
        finally
        {
            progress.Forget(runId);
            logger.LogInformation("Sync run {RunId} ended after {Elapsed} ms", runId, watch.ElapsedMilliseconds);
        }
    }

    /// <summary>The whole sync; returns the reasons when it must fail without an exception (the check).</summary>
    private async Task<string?> ApplyAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<PontrenSyncRun>().AsNoTracking().FirstAsync(r => r.Id == runId, cancellationToken);
        if (run.Status != SyncStatus.Berjalan) return null;
        var copy = await PontrenWorkingCopy.LoadAsync(db, run.InstitutionId, cancellationToken);
        if (copy is null) return "Lembaga tidak ditemukan.";
        var institution = copy.Institution;
        var blocking = copy.Check(Wib.Today(clock)).Where(p => p.IsBlocking).ToList();
        if (blocking.Count > 0) return CheckReasons(blocking);

        var total = copy.Santri.Count + copy.Gtk.Count + copy.Facilities.Count;
        var throttle = new Throttle();
        Report(throttle, run, institution, 0, total, force: true);

        // Read what is there (no transaction yet: only this run writes this institution's master rows).
        var id = institution.Id;
        var santriByNik = await db.Set<MasterSantri>().AsNoTracking().Where(s => s.InstitutionId == id).ToDictionaryAsync(s => s.Nik, cancellationToken);
        var gtkByNik = await db.Set<MasterGtk>().AsNoTracking().Where(g => g.InstitutionId == id).ToDictionaryAsync(g => g.Nik, cancellationToken);
        var facilityByKind = await db.Set<MasterFacility>().AsNoTracking().Where(f => f.InstitutionId == id).ToDictionaryAsync(f => f.Kind, cancellationToken);
        var elsewhere = await ActiveElsewhereAsync(db, id, copy.Santri.Select(s => s.Nik.Trim()).ToList(), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var tracked = await db.Set<PontrenSyncRun>().FirstAsync(r => r.Id == runId, cancellationToken);
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var processed = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Santri (the bulk of the rows) are written with two prepared statements on the transaction's connection.
        await using var santriWriter = new MasterSantriWriter(db, runId, now);

        async Task BatchDoneAsync(int rows)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            processed += rows;
            Report(throttle, run, institution, processed, total, force: false);
            if (hooks.BatchDelay > TimeSpan.Zero) await Task.Delay(hooks.BatchDelay, cancellationToken);
            if (hooks.AfterBatchAsync is { } after) await after(runId, processed);
        }

        // Santri, in the working copy's order.
        var seenSantri = new HashSet<string>(StringComparer.Ordinal);
        var flags = new List<PontrenSyncFlag>();
        int sAdded = 0, sChanged = 0, sUnchanged = 0;
        for (var start = 0; start < copy.Santri.Count; start += batchSize)
        {
            var chunk = copy.Santri.Skip(start).Take(batchSize).ToList();
            foreach (var row in chunk)
            {
                var nik = row.Nik.Trim();
                seenSantri.Add(nik);
                var wanted = ToMaster(row, id);
                if (elsewhere.TryGetValue(nik, out var other))
                    flags.Add(new PontrenSyncFlag
                    {
                        SyncRunId = runId, Section = "Santri", Nik = nik, FullName = wanted.FullName,
                        Message = $"NIK ini juga aktif di {other.Name} ({other.Label} {other.Number}); tidak digabungkan, periksa di lembaga mana santri ini terdaftar.",
                    });
                if (!santriByNik.TryGetValue(nik, out var existing))
                {
                    await santriWriter.InsertAsync(wanted, cancellationToken);
                    sAdded++;
                }
                else if (SameSantri(existing, wanted)) sUnchanged++;
                else
                {
                    if (existing.IsActive) sChanged++; else sAdded++;
                    await santriWriter.UpdateAsync(existing.Id, wanted, cancellationToken);
                }
            }
            await BatchDoneAsync(chunk.Count);
        }
        var santriGone = santriByNik.Values.Where(s => s.IsActive && !seenSantri.Contains(s.Nik)).Select(s => s.Id).ToList();

        // GTK.
        var seenGtk = new HashSet<string>(StringComparer.Ordinal);
        int gAdded = 0, gChanged = 0, gUnchanged = 0;
        for (var start = 0; start < copy.Gtk.Count; start += batchSize)
        {
            var chunk = copy.Gtk.Skip(start).Take(batchSize).ToList();
            foreach (var row in chunk)
            {
                var wanted = ToMaster(row, id);
                seenGtk.Add(wanted.Nik);
                if (!gtkByNik.TryGetValue(wanted.Nik, out var existing))
                {
                    wanted.FirstSyncedUtc = wanted.LastSyncedUtc = now;
                    wanted.LastSyncRunId = runId;
                    db.Add(wanted);
                    gAdded++;
                }
                else if (SameGtk(existing, wanted)) gUnchanged++;
                else
                {
                    if (existing.IsActive) gChanged++; else gAdded++;
                    existing.Nip = wanted.Nip;
                    existing.FullName = wanted.FullName;
                    existing.Sex = wanted.Sex;
                    existing.BirthDate = wanted.BirthDate;
                    existing.Position = wanted.Position;
                    existing.EmploymentStatus = wanted.EmploymentStatus;
                    existing.StartDate = wanted.StartDate;
                    existing.IsActive = true;
                    existing.LastSyncedUtc = now;
                    existing.LastSyncRunId = runId;
                    db.Update(existing);
                }
            }
            await BatchDoneAsync(chunk.Count);
        }
        var gtkGone = gtkByNik.Values.Where(g => g.IsActive && !seenGtk.Contains(g.Nik)).Select(g => g.Id).ToList();

        // Facilities: one row per kind; a kind no longer listed is deleted.
        var facilitiesChanged = 0;
        var seenKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in copy.Facilities)
        {
            var kind = row.Kind.Trim();
            seenKinds.Add(kind);
            if (!facilityByKind.TryGetValue(kind, out var existing))
            {
                db.Add(new MasterFacility { InstitutionId = id, Kind = kind, GoodCount = row.GoodCount, LightlyDamagedCount = row.LightlyDamagedCount,
                    HeavilyDamagedCount = row.HeavilyDamagedCount, LastSyncedUtc = now, LastSyncRunId = runId });
                facilitiesChanged++;
            }
            else if (existing.GoodCount != row.GoodCount || existing.LightlyDamagedCount != row.LightlyDamagedCount || existing.HeavilyDamagedCount != row.HeavilyDamagedCount)
            {
                existing.GoodCount = row.GoodCount;
                existing.LightlyDamagedCount = row.LightlyDamagedCount;
                existing.HeavilyDamagedCount = row.HeavilyDamagedCount;
                existing.LastSyncedUtc = now;
                existing.LastSyncRunId = runId;
                db.Update(existing);
                facilitiesChanged++;
            }
        }
        var facilitiesGone = facilityByKind.Values.Where(f => !seenKinds.Contains(f.Kind)).Select(f => f.Id).ToList();
        facilitiesChanged += facilitiesGone.Count;
        await BatchDoneAsync(copy.Facilities.Count);

        // Removals, set-based in chunks.
        foreach (var ids in santriGone.Chunk(LookupChunk))
            await db.Set<MasterSantri>().Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false)
                .SetProperty(x => x.LastSyncedUtc, now).SetProperty(x => x.LastSyncRunId, runId), cancellationToken);
        foreach (var ids in gtkGone.Chunk(LookupChunk))
            await db.Set<MasterGtk>().Where(g => ids.Contains(g.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false)
                .SetProperty(x => x.LastSyncedUtc, now).SetProperty(x => x.LastSyncRunId, runId), cancellationToken);
        foreach (var ids in facilitiesGone.Chunk(LookupChunk))
            await db.Set<MasterFacility>().Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AddRange(flags);
        db.Attach(tracked);
        tracked.Status = SyncStatus.Sukses;
        tracked.FinishedUtc = now;
        tracked.Total = total;
        tracked.Processed = total;
        tracked.SantriAdded = sAdded;
        tracked.SantriChanged = sChanged;
        tracked.SantriUnchanged = sUnchanged;
        tracked.SantriRemoved = santriGone.Count;
        tracked.SantriFlagged = flags.Count;
        tracked.GtkAdded = gAdded;
        tracked.GtkChanged = gChanged;
        tracked.GtkUnchanged = gUnchanged;
        tracked.GtkRemoved = gtkGone.Count;
        tracked.FacilitiesChanged = facilitiesChanged;
        tracked.FailureReasons = null;
        tracked.Version++;

        var receipt = await receipts.AddAsync(db, ReceiptRequest(tracked, institution), tracked.RequestedByName, cancellationToken);
        tracked.ReceiptId = receipt.Id;
        tracked.ReceiptNumber = receipt.Number;
        await EmailAsync(db, tracked, institution, cancellationToken);
        Publish(db, institution);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await receipts.TryDrawAsync(receipt.Id, cancellationToken);
        return null;
    }

    /// <summary>What the "Tanda Terima Sinkronisasi" shows: institution, statistic number, time in WIB, operator, counts per section.</summary>
    public static ReceiptRequest ReceiptRequest(PontrenSyncRun run, Institution institution)
    {
        string N(int n) => n.ToString("N0", Wib.Culture);
        var facts = new List<ReceiptFact>
        {
            new("Lembaga", institution.Name),
            new(institution.StatisticNumberLabel, institution.StatisticNumber),
            new("Waktu sinkronisasi", Wib.Format(run.FinishedUtc ?? run.RequestedUtc)),
            new("Operator", run.RequestedByName),
            new("Hasil", "Sukses"),
            new("Santri", $"{N(run.SantriAdded)} ditambahkan, {N(run.SantriChanged)} diubah, {N(run.SantriUnchanged)} tetap, {N(run.SantriRemoved)} dinonaktifkan, {N(run.SantriFlagged)} ditandai"),
            new("GTK", $"{N(run.GtkAdded)} ditambahkan, {N(run.GtkChanged)} diubah, {N(run.GtkUnchanged)} tetap, {N(run.GtkRemoved)} dinonaktifkan"),
            new("Sarana prasarana", $"{N(run.FacilitiesChanged)} jenis diperbarui"),
        };
        var sections = new List<ReceiptSection>
        {
            new("Rincian Santri", [new("Ditambahkan", N(run.SantriAdded)), new("Diubah", N(run.SantriChanged)), new("Tetap", N(run.SantriUnchanged)),
                new("Dinonaktifkan", N(run.SantriRemoved)), new("Ditandai (NIK aktif di lembaga lain)", N(run.SantriFlagged))]),
            new("Rincian GTK", [new("Ditambahkan", N(run.GtkAdded)), new("Diubah", N(run.GtkChanged)), new("Tetap", N(run.GtkUnchanged)),
                new("Dinonaktifkan", N(run.GtkRemoved))]),
            new("Rincian Sarana Prasarana", [new("Jenis diperbarui", N(run.FacilitiesChanged))]),
        };
        return new ReceiptRequest(ReceiptKind, institution.Id, institution.DistrictId, institution.Name, facts, sections);
    }

    private sealed record OtherInstitution(string Name, string Label, string Number);

    /// <summary>NIKs of <paramref name="niks"/> active in another institution's master rows, with that institution.</summary>
    private static async Task<Dictionary<string, OtherInstitution>> ActiveElsewhereAsync(MadrasahDbContext db, int institutionId, List<string> niks,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, OtherInstitution>(StringComparer.Ordinal);
        foreach (var chunk in niks.Distinct().Chunk(LookupChunk))
        {
            var rows = await db.Set<MasterSantri>().AsNoTracking()
                .Where(s => s.IsActive && s.InstitutionId != institutionId && chunk.Contains(s.Nik))
                .Select(s => new { s.Nik, s.Institution.Name, s.Institution.Type, s.Institution.StatisticNumber })
                .ToListAsync(cancellationToken);
            foreach (var r in rows)
            {
                var label = new Institution { Type = r.Type }.StatisticNumberLabel;
                found.TryAdd(r.Nik, new(r.Name, label, r.StatisticNumber));
            }
        }
        return found;
    }

    private static MasterSantri ToMaster(PontrenSantri s, int institutionId) => new()
    {
        InstitutionId = institutionId,
        Nik = s.Nik.Trim(),
        Nisn = string.IsNullOrWhiteSpace(s.Nisn) ? null : s.Nisn.Trim(),
        FullName = s.FullName.Trim(),
        Sex = s.Sex ?? Sex.L,
        BirthPlace = s.BirthPlace.Trim(),
        BirthDate = s.BirthDate ?? default,
        Level = s.Level.Trim(),
        IsActive = true,
    };

    private static MasterGtk ToMaster(PontrenGtk g, int institutionId) => new()
    {
        InstitutionId = institutionId,
        Nip = string.IsNullOrWhiteSpace(g.Nip) ? null : g.Nip.Trim(),
        Nik = g.Nik.Trim(),
        FullName = g.FullName.Trim(),
        Sex = g.Sex ?? Sex.L,
        BirthDate = g.BirthDate ?? default,
        Position = g.Position.Trim(),
        EmploymentStatus = g.EmploymentStatus.Trim(),
        StartDate = g.StartDate,
        IsActive = true,
    };

    private static bool SameSantri(MasterSantri a, MasterSantri b) =>
        a.IsActive && a.Nisn == b.Nisn && a.FullName == b.FullName && a.Sex == b.Sex && a.BirthPlace == b.BirthPlace
        && a.BirthDate == b.BirthDate && a.Level == b.Level;

    private static bool SameGtk(MasterGtk a, MasterGtk b) =>
        a.IsActive && a.Nip == b.Nip && a.FullName == b.FullName && a.Sex == b.Sex && a.BirthDate == b.BirthDate
        && a.Position == b.Position && a.EmploymentStatus == b.EmploymentStatus && a.StartDate == b.StartDate;

    /// <summary>"Santri baris 3 — NIK: NIK harus 16 digit angka." one per line, the first ones and how many more.</summary>
    public static string CheckReasons(IReadOnlyList<DataProblem> blocking)
    {
        var lines = blocking.Take(MaxReasonsListed).Select(p =>
            $"{p.Section.SectionLabel()}{(p.Row is { } row ? " baris " + row.ToString(CultureInfo.InvariantCulture) : "")} — {p.Field}: {p.Message}").ToList();
        if (blocking.Count > MaxReasonsListed) lines.Add($"… dan {blocking.Count - MaxReasonsListed} masalah lain. Lihat Verifikasi data lembaga.");
        lines.Insert(0, "Data lembaga belum lolos pemeriksaan; perbaiki lalu jalankan sinkronisasi lagi:");
        var text = string.Join('\n', lines);
        return text.Length <= 4000 ? text : text[..3990] + "…";
    }

    private async Task FailAsync(int runId, string reasons, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var run = await db.Set<PontrenSyncRun>().Include(r => r.Institution).FirstAsync(r => r.Id == runId, cancellationToken);
            if (run.Status != SyncStatus.Berjalan) return;
            MarkFailed(run, reasons, clock.GetUtcNow().UtcDateTime);
            await EmailAsync(db, run, run.Institution, cancellationToken);
            Publish(db, run.Institution);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // Left Berjalan: the next start marks it interrupted.
            logger.LogError(e, "Sync run {RunId} could not be marked as failed", runId);
        }
    }

    private static void MarkFailed(PontrenSyncRun run, string reasons, DateTime now)
    {
        run.Status = SyncStatus.Gagal;
        run.FinishedUtc = now;
        run.FailureReasons = reasons;
        run.Version++;
    }

    private async Task EmailAsync(MadrasahDbContext db, PontrenSyncRun run, Institution institution, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == run.RequestedByUserId)
            .Select(u => new { u.Email, u.FullName }).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(user?.Email)) return;
        var success = run.Status == SyncStatus.Sukses;
        var subject = success
            ? $"Sinkronisasi {institution.Name} sukses ({Wib.Format(run.FinishedUtc!.Value)})"
            : $"Sinkronisasi {institution.Name} gagal";
        await outbox.EnqueueAsync<SyncEmail>(db, user.Email, user.FullName, subject, SyncEmail.Parameters(run, institution.Name), institution.Id);
    }

    private static void Publish(MadrasahDbContext db, Institution institution) =>
        db.PublishAfterCommit(SyncTopics.Institution(institution.Id), SyncTopics.District(institution.DistrictId), SyncTopics.Queue);

    private sealed class Throttle
    {
        public long LastTicks;
    }

    /// <summary>Progress in memory; published at most every 200 ms per run (and always at the start).</summary>
    private void Report(Throttle throttle, PontrenSyncRun run, Institution institution, int processed, int total, bool force)
    {
        progress.Report(run.Id, processed, total);
        var nowTicks = Stopwatch.GetTimestamp();
        if (!force && Stopwatch.GetElapsedTime(throttle.LastTicks, nowTicks) < PublishEvery) return;
        throttle.LastTicks = nowTicks;
        logger.LogInformation("Sync run {RunId}: {Processed} of {Total} rows", run.Id, processed, total);
        notifier.Publish(SyncTopics.Institution(institution.Id), SyncTopics.District(institution.DistrictId));
    }
}

/// <summary>
/// Inserts and updates master santri rows with two prepared statements inside the sync's open transaction: the
/// bulk of a sync, without change tracking. Plain SQL both engines take (named @parameters, TRUE); each provider writes
/// DateOnly and DateTime as EF Core does.
/// </summary>
internal sealed class MasterSantriWriter : IAsyncDisposable
{
    private readonly System.Data.Common.DbCommand _insert;
    private readonly System.Data.Common.DbCommand _update;

    public MasterSantriWriter(MadrasahDbContext db, int runId, DateTime now)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(db.Database.CurrentTransaction!);
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = """
            INSERT INTO "MasterSantri" ("InstitutionId", "Nik", "Nisn", "FullName", "Sex", "BirthPlace", "BirthDate", "Level", "IsActive", "FirstSyncedUtc", "LastSyncedUtc", "LastSyncRunId")
            VALUES (@institution, @nik, @nisn, @name, @sex, @place, @birth, @level, TRUE, @now, @now, @run)
            """;
        _update = connection.CreateCommand();
        _update.Transaction = transaction;
        _update.CommandText = """
            UPDATE "MasterSantri" SET "Nisn" = @nisn, "FullName" = @name, "Sex" = @sex, "BirthPlace" = @place, "BirthDate" = @birth,
                "Level" = @level, "IsActive" = TRUE, "LastSyncedUtc" = @now, "LastSyncRunId" = @run
            WHERE "Id" = @id
            """;
        foreach (var command in new[] { _insert, _update })
        {
            foreach (var name in new[] { "@nisn", "@name", "@sex", "@place", "@birth", "@level", "@now", "@run" }) Add(command, name);
            command.Parameters["@now"].Value = now;
            command.Parameters["@run"].Value = runId;
        }
        foreach (var name in new[] { "@institution", "@nik" }) Add(_insert, name);
        Add(_update, "@id");
    }

    private static void Add(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
    }

    private static void Set(System.Data.Common.DbCommand command, MasterSantri row)
    {
        command.Parameters["@nisn"].Value = (object?)row.Nisn ?? DBNull.Value;
        command.Parameters["@name"].Value = row.FullName;
        command.Parameters["@sex"].Value = (int)row.Sex;
        command.Parameters["@place"].Value = row.BirthPlace;
        command.Parameters["@birth"].Value = row.BirthDate;
        command.Parameters["@level"].Value = row.Level;
    }

    public async Task InsertAsync(MasterSantri row, CancellationToken cancellationToken)
    {
        Set(_insert, row);
        _insert.Parameters["@institution"].Value = row.InstitutionId;
        _insert.Parameters["@nik"].Value = row.Nik;
        await _insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpdateAsync(int id, MasterSantri row, CancellationToken cancellationToken)
    {
        Set(_update, row);
        _update.Parameters["@id"].Value = id;
        await _update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _update.DisposeAsync();
    }
}
