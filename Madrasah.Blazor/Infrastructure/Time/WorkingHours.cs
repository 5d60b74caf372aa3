namespace Madrasah.Blazor.Infrastructure.Time;

/// <summary>
/// Office-hours arithmetic for service levels: Monday–Friday 08:00–17:00 WIB, not on national holidays or
/// collective leave. "3 hari kerja" is 3 × 9 office hours from the moment a request arrives.
/// </summary>
public sealed class WorkingHours(IReadOnlySet<DateOnly> closedDays)
{
    public static readonly TimeOnly OfficeOpens = new(8, 0);
    public static readonly TimeOnly OfficeCloses = new(17, 0);
    public static readonly TimeSpan WorkingDayLength = OfficeCloses - OfficeOpens;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closedDays.Contains(date);

    /// <summary>The UTC moment that lies <paramref name="officeTime"/> of office time after <paramref name="startUtc"/>.</summary>
    public DateTime Add(DateTime startUtc, TimeSpan officeTime)
    {
        var local = Wib.FromUtc(startUtc);
        var remaining = officeTime;
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        while (true)
        {
            if (IsWorkingDay(day) && time < OfficeCloses)
            {
                var from = time < OfficeOpens ? OfficeOpens : time;
                var available = OfficeCloses - from;
                if (remaining <= available)
                    return Wib.ToUtc(day.ToDateTime(from).Add(remaining));
                remaining -= available;
            }
            day = day.AddDays(1);
            time = TimeOnly.MinValue;
        }
    }

    public DateTime AddWorkingDays(DateTime startUtc, int days) => Add(startUtc, WorkingDayLength * days);

    /// <summary>Office time between two moments (zero when <paramref name="toUtc"/> is not later).</summary>
    public TimeSpan Between(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var from = Wib.FromUtc(fromUtc);
        var to = Wib.FromUtc(toUtc);
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var start = day.ToDateTime(OfficeOpens);
            var end = day.ToDateTime(OfficeCloses);
            if (from > start) start = from;
            if (to < end) end = to;
            if (end > start) total += end - start;
        }
        return total;
    }
}
