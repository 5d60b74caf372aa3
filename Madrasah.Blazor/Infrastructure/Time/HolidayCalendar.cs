using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Time;

/// <summary>
/// The holiday calendar: read by service-level calculations, edited by the administrator. The working-hours view is
/// cached until a change of the calendar commits (<see cref="LiveTopics.Calendar"/>).
/// </summary>
public sealed class HolidayCalendar : IDisposable
{
    private readonly IDbContextFactory<MadrasahDbContext> _factory;
    private readonly AuditLog _audit;
    private readonly TimeProvider _clock;
    private readonly IDisposable _invalidation;
    private volatile WorkingHours? _cached;

    public HolidayCalendar(IDbContextFactory<MadrasahDbContext> factory, AuditLog audit, LiveNotifier notifier, TimeProvider clock)
    {
        _factory = factory;
        _audit = audit;
        _clock = clock;
        _invalidation = notifier.InvalidateOn(topic => topic == LiveTopics.Calendar, () => _cached = null);
    }

    public void Dispose() => _invalidation.Dispose();

    /// <summary>Working-hours arithmetic over the current calendar (cached until the calendar changes).</summary>
    public async Task<WorkingHours> GetWorkingHoursAsync()
    {
        if (_cached is { } cached) return cached;
        await using var db = await _factory.CreateDbContextAsync();
        var days = await db.Set<Holiday>().Select(h => h.Date).ToListAsync();
        return _cached = new WorkingHours(days.ToHashSet());
    }

    public async Task<IReadOnlyList<Holiday>> ListAsync(int year)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Set<Holiday>().AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync();
    }

    /// <summary>The first year a holiday may be dated in.</summary>
    public const int FirstYear = 2000;
    /// <summary>How many years ahead of this one a holiday may be dated (decrees come out a year or so ahead).</summary>
    public const int YearsAhead = 5;

    /// <summary>The last year a holiday may be dated in: this year (WIB) + <see cref="YearsAhead"/>.</summary>
    public int LastYear => Wib.Today(_clock).Year + YearsAhead;

    /// <summary>Adds a closed day; refusals carry an Indonesian message for the field "Date" or "Name".</summary>
    public async Task<FormResult> AddAsync(UserScope actor, DateOnly? date, string? name, HolidayKind kind)
    {
        if (date is null) return FormResult.Error(nameof(Holiday.Date), "Tanggal wajib diisi.");
        if (date.Value.Year < FirstYear || date.Value.Year > LastYear)
            return FormResult.Error(nameof(Holiday.Date), $"Tanggal harus antara tahun {FirstYear} dan {LastYear}.");
        if (TextRules.Check(name, "Keterangan", TextLimits.HolidayName, required: true) is { } nameError) return FormResult.Error(nameof(Holiday.Name), nameError);
        var text = name!.Trim();
        await using var db = await _factory.CreateDbContextAsync();
        if (await db.Set<Holiday>().AnyAsync(h => h.Date == date))
            return FormResult.Error(nameof(Holiday.Date), $"{Wib.FormatDate(date.Value)} sudah tercatat sebagai hari libur.");
        db.Add(new Holiday { Date = date.Value, Name = text, Kind = kind });
        _audit.Record(db, actor, "calendar.added", $"{Holiday.KindLabel(kind)} {Wib.FormatDate(date.Value)} ({text}) ditambahkan.", entityType: nameof(Holiday));
        db.PublishAfterCommit(LiveTopics.Calendar);
        await db.SaveChangesAsync();
        return FormResult.Success;
    }

    public async Task RemoveAsync(UserScope actor, int id)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var holiday = await db.Set<Holiday>().FirstOrDefaultAsync(h => h.Id == id);
        if (holiday is null) return;
        db.Remove(holiday);
        _audit.Record(db, actor, "calendar.removed", $"Hari libur {Wib.FormatDate(holiday.Date)} ({holiday.Name}) dihapus.", entityType: nameof(Holiday), entityId: id);
        db.PublishAfterCommit(LiveTopics.Calendar);
        await db.SaveChangesAsync();
    }
}
