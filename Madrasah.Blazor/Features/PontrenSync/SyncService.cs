using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>A run as the pages show it: the row, its queue position (Antre) and its live progress (Berjalan).</summary>
public sealed record SyncRunView(PontrenSyncRun Run, int QueuePosition, int Processed, int Total)
{
    /// <summary>Whole percent done, rounded down (100 only when every row is done).</summary>
    public int Percent => Total <= 0 ? 0 : (int)Math.Min(100, 100L * Processed / Total);
}

/// <summary>What the check found: the sync button is enabled only with no blocking problem.</summary>
public sealed record SyncCheckSummary(int Blocking, int Warnings, int Santri, int Gtk, int Facilities);

/// <summary>The panel's state: the open run if any, and the last finished one.</summary>
public sealed record SyncState(int InstitutionId, string InstitutionName, SyncRunView? Open, PontrenSyncRun? LastFinished);

public sealed record SyncRequestResult(bool Succeeded, string? Message, int? RunId);

public sealed record SyncHistoryPage(List<PontrenSyncRun> Items, int TotalCount);

/// <summary>One pesantren of the district on the district status page.</summary>
public sealed record DistrictSyncRow(int InstitutionId, string Name, string StatisticNumberLabel, string StatisticNumber,
    PontrenSyncRun? LastFinished, SyncRunView? Open);

/// <summary>
/// The sync as the operator and the district see it: request a sync (queued for <see cref="SyncQueue"/>), the
/// panel's state, the history with flags, and the district's overview. Everything is scoped: an operator sees only
/// their own pesantren, a district admin only the pesantren of their district.
/// </summary>
public sealed class SyncService(
    IDbContextFactory<MadrasahDbContext> factory,
    SyncProgressRegistry progress,
    SyncQueue queue,
    PontrenCheckCache checks,
    AuditLog audit,
    TimeProvider clock)
{
    public const string NotAllowed = "Sinkronisasi hanya dapat dijalankan oleh operator lembaga PD Pontren.";
    public const string AlreadyOpen = "Sinkronisasi lembaga ini sudah dalam antrean atau sedang berjalan. Tunggu sampai selesai.";

    /// <summary>The pesantren the user operates, or null (not an operator, or not of a pesantren).</summary>
    public async Task<Institution?> OwnPesantrenAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is not { } id) return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return institution is { IsPesantren: true } ? institution : null;
    }

    /// <summary>
    /// The check of "Verifikasi data lembaga" on the working copy (the same rules the sync applies again), its santri
    /// and GTK part from <see cref="PontrenCheckCache"/>, shared with the data page.
    /// </summary>
    public async Task<SyncCheckSummary?> CheckAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (await OwnPesantrenAsync(scope, cancellationToken) is not { } institution) return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await checks.SummaryAsync(db, institution.Id, Wib.Today(clock), cancellationToken);
    }

    /// <summary>
    /// Queues a sync of the operator's pesantren: refused when the check finds a blocking problem, or a run is already
    /// queued or running (the filtered unique index settles two requests at the same moment).
    /// </summary>
    public async Task<SyncRequestResult> RequestAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (await OwnPesantrenAsync(scope, cancellationToken) is not { } institution) return new(false, NotAllowed, null);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<PontrenSyncRun>().AnyAsync(r => r.InstitutionId == institution.Id && (r.Status == SyncStatus.Antre || r.Status == SyncStatus.Berjalan), cancellationToken))
            return new(false, AlreadyOpen, null);
        // Pressing the button checks the rows afresh (and refreshes what the pages show); the job checks them again.
        var check = await checks.SummaryAsync(db, institution.Id, Wib.Today(clock), cancellationToken, fresh: true);
        if (check is null) return new(false, NotAllowed, null);
        if (check.Blocking > 0)
            return new(false, $"Sinkronisasi belum dapat dijalankan: pemeriksaan data menemukan {check.Blocking} masalah yang harus diperbaiki. Buka Verifikasi data lembaga.", null);

        var run = new PontrenSyncRun
        {
            InstitutionId = institution.Id,
            Status = SyncStatus.Antre,
            RequestedUtc = clock.GetUtcNow().UtcDateTime,
            RequestedByUserId = scope.UserId,
            RequestedByName = scope.FullName,
            Total = check.Santri + check.Gtk + check.Facilities,
        };
        db.Add(run);
        audit.Record(db, scope, "pontren.sync-requested", $"Sinkronisasi {institution.Name} diminta ({SyncTexts.Number(check.Santri)} santri, {SyncTexts.Number(check.Gtk)} GTK).",
            entityType: nameof(PontrenSyncRun), entityId: institution.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        db.PublishAfterCommit(SyncTopics.Institution(institution.Id), SyncTopics.District(institution.DistrictId), SyncTopics.Queue);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseEngine.IsUniqueViolation(e))
        {
            return new(false, AlreadyOpen, null);
        }
        queue.Wake();
        return new(true, null, run.Id);
    }

    /// <summary>The operator's open run (with queue position or progress) and last finished run.</summary>
    public async Task<SyncState?> StateAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (await OwnPesantrenAsync(scope, cancellationToken) is not { } institution) return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var runs = db.Set<PontrenSyncRun>().AsNoTracking().Where(r => r.InstitutionId == institution.Id);
        var open = await runs.FirstOrDefaultAsync(r => r.Status == SyncStatus.Antre || r.Status == SyncStatus.Berjalan, cancellationToken);
        var last = await runs.Where(r => r.Status == SyncStatus.Sukses || r.Status == SyncStatus.Gagal).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return new(institution.Id, institution.Name, open is null ? null : await ViewAsync(db, open, cancellationToken), last);
    }

    public async Task<SyncHistoryPage> HistoryAsync(UserScope scope, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (await OwnPesantrenAsync(scope, cancellationToken) is not { } institution) return new([], 0);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var runs = db.Set<PontrenSyncRun>().AsNoTracking().Where(r => r.InstitutionId == institution.Id);
        var total = await runs.CountAsync(cancellationToken);
        var items = await runs.OrderByDescending(r => r.Id).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new(items, total);
    }

    /// <summary>The rows a run of the operator's own pesantren flagged (nothing for anyone else's run).</summary>
    public async Task<List<PontrenSyncFlag>> FlagsAsync(UserScope scope, int runId, CancellationToken cancellationToken = default)
    {
        if (await OwnPesantrenAsync(scope, cancellationToken) is not { } institution) return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<PontrenSyncFlag>().AsNoTracking()
            .Where(f => f.SyncRunId == runId && f.SyncRun.InstitutionId == institution.Id)
            .OrderBy(f => f.FullName).ThenBy(f => f.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Every pesantren of the district admin's own district: last finished sync and the open one.</summary>
    public async Task<List<DistrictSyncRow>> DistrictStatusAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.IsDistrictBound || scope.DistrictId is not { } districtId) return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => i.DistrictId == districtId && (i.Type == InstitutionType.PondokPesantren || i.Type == InstitutionType.MDT || i.Type == InstitutionType.LPQ))
            .OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var ids = institutions.Select(i => i.Id).ToList();
        var runs = db.Set<PontrenSyncRun>().AsNoTracking().Where(r => ids.Contains(r.InstitutionId));
        var lastIds = await runs.Where(r => r.Status == SyncStatus.Sukses || r.Status == SyncStatus.Gagal)
            .GroupBy(r => r.InstitutionId).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var last = await runs.Where(r => lastIds.Contains(r.Id)).ToDictionaryAsync(r => r.InstitutionId, cancellationToken);
        var open = await runs.Where(r => r.Status == SyncStatus.Antre || r.Status == SyncStatus.Berjalan).ToListAsync(cancellationToken);
        var openViews = new Dictionary<int, SyncRunView>();
        foreach (var run in open) openViews[run.InstitutionId] = await ViewAsync(db, run, cancellationToken);
        return institutions.Select(i => new DistrictSyncRow(i.Id, i.Name, i.StatisticNumberLabel, i.StatisticNumber,
            last.GetValueOrDefault(i.Id), openViews.GetValueOrDefault(i.Id))).ToList();
    }

    private async Task<SyncRunView> ViewAsync(MadrasahDbContext db, PontrenSyncRun run, CancellationToken cancellationToken)
    {
        var position = 0;
        if (run.Status == SyncStatus.Antre)
            position = await db.Set<PontrenSyncRun>().CountAsync(r => r.Status == SyncStatus.Antre && r.Id < run.Id, cancellationToken) + 1;
        var live = run.Status == SyncStatus.Berjalan ? progress.Get(run.Id) : null;
        return new(run, position, live?.Processed ?? 0, live?.Total ?? run.Total);
    }
}
