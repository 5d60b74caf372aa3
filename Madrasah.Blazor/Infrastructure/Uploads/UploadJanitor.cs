using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Uploads;

/// <summary>
/// Removes files of the upload folder that no record names: written by <see cref="UploadStore.SaveAsync"/> (or
/// <see cref="UploadStore.StoreAsync"/>) for a change whose transaction then failed (or was cut short by a crash), and
/// the temporary files of a write cut short (<see cref="DurableFile"/>). Runs every six hours (at the first start, then
/// whenever six hours have passed since the last sweep by any app server sharing the folder); a file younger than
/// <see cref="GracePeriod"/> is left alone, its change may still be committing.
/// </summary>
public sealed class UploadJanitor(UploadStore store, IDbContextFactory<MadrasahDbContext> factory, JobSchedule schedule, TimeProvider clock,
    ILogger<UploadJanitor> logger) : BackgroundService
{
    public const string JobName = "upload-sweep";
    public static readonly TimeSpan GracePeriod = TimeSpan.FromHours(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);
    private static readonly TimeSpan LookEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LookEvery);
        do
        {
            try
            {
                if (await schedule.TryStartAsync(JobName, Interval, stoppingToken)) await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Upload folder sweep failed"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes the unreferenced files older than the grace period; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - GracePeriod;
        var candidates = new DirectoryInfo(store.Folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < cutoff).ToList();
        if (candidates.Count == 0) return 0;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var names = candidates.Select(f => f.Name).ToList();
        var known = (await db.Set<StoredUpload>().Where(u => names.Contains(u.StoredName)).Select(u => u.StoredName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var file in candidates.Where(f => !known.Contains(f.Name)))
        {
            file.Delete();
            removed++;
        }
        if (removed > 0) logger.LogInformation("Removed {Count} uploaded file(s) no record refers to", removed);
        return removed;
    }
}
