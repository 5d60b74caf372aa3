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
    private readonly IDisposable _invalidation;
    private volatile WorkingHours? _cached;

    public HolidayCalendar(IDbContextFactory<MadrasahDbContext> factory, AuditLog audit, LiveNotifier notifier)
    {
        _factory = factory;
        _audit = audit;
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

    /// <summary>Adds a closed day; refusals carry an Indonesian message for the field "Date" or "Name".</summary>
    public async Task<FormResult> AddAsync(UserScope actor, DateOnly? date, string? name, HolidayKind kind)
    {
        if (date is null) return FormResult.Error(nameof(Holiday.Date), "Tanggal wajib diisi.");
        if (string.IsNullOrWhiteSpace(name)) return FormResult.Error(nameof(Holiday.Name), "Keterangan wajib diisi.");
        if (name.Trim().Length > 150) return FormResult.Error(nameof(Holiday.Name), "Keterangan terlalu panjang (maksimal 150 karakter).");
        await using var db = await _factory.CreateDbContextAsync();
        if (await db.Set<Holiday>().AnyAsync(h => h.Date == date))
            return FormResult.Error(nameof(Holiday.Date), $"{Wib.FormatDate(date.Value)} sudah tercatat sebagai hari libur.");
        db.Add(new Holiday { Date = date.Value, Name = name.Trim(), Kind = kind });
        _audit.Record(db, actor, "calendar.added", $"{Holiday.KindLabel(kind)} {Wib.FormatDate(date.Value)} ({name.Trim()}) ditambahkan.", entityType: nameof(Holiday));
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
