using System.Collections.Concurrent;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>The santri and GTK part of the check for one institution, as of one version of its working copy and one WIB day.</summary>
public sealed record CheckedRows(int InstitutionId, long Version, DateOnly TodayWib, DateTimeOffset CheckedAt, int SantriCount, int GtkCount,
    IReadOnlyList<DataProblem> Problems);

/// <summary>
/// The santri and GTK part of "Verifikasi data lembaga"'s check (<see cref="PontrenDataRules.CheckRows"/>), kept per
/// institution so that a view of the page, or the reload after an edit in another tab, does not load the whole working
/// copy (10,000 santri) again. Identity and facilities are a handful of values and are checked fresh on every view
/// (the district may change the identity elsewhere).
/// <para>
/// Invalidation: every write of the working copy publishes <see cref="DataTopics.For"/> after its commit (the data
/// service's saves and deletes, the santri and Simpeg imports); the topic bumps the institution's version before any
/// page is told to reload (<see cref="LiveNotifier.InvalidateOn(Func{string, bool}, Action{IReadOnlyList{string}})"/>).
/// A result is kept only with the version read before its rows were loaded, so one computed while a change committed
/// is never served afterwards. A result also lapses at the end of its WIB day (birth dates "in the future" depend on
/// it) and after <see cref="MaxAge"/> (a change written outside the services is not shown stale for long). The sync
/// writes only the master records, never the working copy, so it needs no invalidation of its own; pressing
/// "Sinkronisasi" checks the rows afresh (<see cref="SyncService.RequestAsync"/>, which also refreshes the entry), and
/// the job checks them again before it applies anything. Entries are keyed by institution id only: one institution's result is never another's.
/// </para>
/// </summary>
public sealed class PontrenCheckCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    /// <summary>Budget of the cache in problems kept (each entry costs 1 + its problems); beyond it the least used go.</summary>
    public const long SizeLimit = 200_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private readonly ConcurrentDictionary<int, long> _versions = new();
    private readonly TimeProvider _clock;
    private readonly IDisposable _invalidation;
    private long _loads;

    public PontrenCheckCache(LiveNotifier notifier, TimeProvider clock)
    {
        _clock = clock;
        _invalidation = notifier.InvalidateOn(DataTopics.IsDataTopic, topics =>
        {
            foreach (var topic in topics)
                if (DataTopics.InstitutionOf(topic) is { } id) Invalidate(id);
        }, InvalidateAll);
    }

    /// <summary>How many times the rows were loaded and checked (a miss); for tests and the benchmark.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>The institution's working copy changed: its next read checks the rows again.</summary>
    public void Invalidate(int institutionId)
    {
        _versions.AddOrUpdate(institutionId, 1, (_, v) => v + 1);
        _entries.Remove(institutionId);
    }

    /// <summary>Every institution's next read checks its rows again (changes may have been missed).</summary>
    public void InvalidateAll()
    {
        foreach (var id in _versions.Keys) Invalidate(id);
        _entries.Compact(1.0);
    }

    /// <summary>
    /// The cached result for this version and day, or the rows loaded from <paramref name="db"/> and checked now (always
    /// when <paramref name="fresh"/>: the result then replaces the cached one).
    /// </summary>
    public async Task<CheckedRows> GetAsync(MadrasahDbContext db, int institutionId, DateOnly todayWib, CancellationToken cancellationToken = default,
        bool fresh = false)
    {
        var version = _versions.GetValueOrDefault(institutionId); // read BEFORE the rows: a change committing meanwhile makes it stale
        var now = _clock.GetUtcNow();
        if (!fresh && _entries.TryGetValue(institutionId, out CheckedRows? cached) && cached is not null && cached.Version == version
            && cached.TodayWib == todayWib && now - cached.CheckedAt < MaxAge)
            return cached;

        Interlocked.Increment(ref _loads);
        var (santri, gtk) = await PontrenWorkingCopy.LoadRowsAsync(db, institutionId, cancellationToken);
        var result = new CheckedRows(institutionId, version, todayWib, now, santri.Count, gtk.Count, PontrenDataRules.CheckRows(santri, gtk, todayWib));
        if (_versions.GetValueOrDefault(institutionId) == version)
            _entries.Set(institutionId, result, new MemoryCacheEntryOptions { Size = 1 + result.Problems.Count });
        return result;
    }

    /// <summary>
    /// The whole check's counts, as the sync page shows them before "Sinkronisasi": identity and facilities checked now,
    /// santri and GTK from the cache (or checked now when <paramref name="fresh"/>). Null when the institution does not exist.
    /// </summary>
    public async Task<SyncCheckSummary?> SummaryAsync(MadrasahDbContext db, int institutionId, DateOnly todayWib, CancellationToken cancellationToken = default,
        bool fresh = false)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == institutionId, cancellationToken);
        if (institution is null) return null;
        var facilities = await PontrenWorkingCopy.LoadFacilitiesAsync(db, institutionId, cancellationToken);
        var rows = await GetAsync(db, institutionId, todayWib, cancellationToken, fresh);
        var problems = PontrenDataRules.CheckInstitution(institution, facilities).Concat(rows.Problems).ToList();
        return new(problems.Count(p => p.IsBlocking), problems.Count(p => !p.IsBlocking), rows.SantriCount, rows.GtkCount, facilities.Count);
    }

    public void Dispose()
    {
        _invalidation.Dispose();
        _entries.Dispose();
    }
}
