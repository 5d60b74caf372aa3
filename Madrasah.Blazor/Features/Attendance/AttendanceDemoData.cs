using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>
/// Demo attendance of MIN 1 Sleman so the recaps are not empty: the working days from two weeks ago up to the day
/// before yesterday (yesterday and today are left for the demo of a complaint and of Presensi Masuk). Nur Hidayah
/// records on the web (late once, one Presensi Pulang missing); two colleagues come from the attendance machine's file.
/// </summary>
public static class AttendanceDemoData
{
    public static async Task SeedAsync(MadrasahDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Name == "MIN 1 Sleman", cancellationToken);
        if (institution is null) return;
        var staff = await db.Staff.Where(s => s.InstitutionId == institution.Id && s.Nip != null).OrderBy(s => s.Id).Take(3).ToListAsync(cancellationToken);
        var holidays = (await db.Set<Holiday>().Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
        var hours = new WorkingHours(holidays);
        var today = Wib.Today(clock);
        var days = Enumerable.Range(2, 13).Select(n => today.AddDays(-n)).Where(hours.IsWorkingDay).OrderBy(d => d).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            foreach (var (person, index) in staff.Select((s, n) => (s, n)))
            {
                var web = index == 0;
                var lateMinutes = web && i == 1 ? 48 : (i * 7 + index * 5) % 25;
                Add(db, institution.Id, person.Id, day, AttendanceSession.Pagi, new TimeOnly(7, 0).AddMinutes(lateMinutes), web);
                if (web && i == days.Count - 2) continue; // forgot Presensi Pulang once
                Add(db, institution.Id, person.Id, day, AttendanceSession.Sore, new TimeOnly(15, 30).AddMinutes((i * 11 + index * 3) % 40), web);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Add(MadrasahDbContext db, int institutionId, int staffId, DateOnly day, AttendanceSession session, TimeOnly time, bool web) =>
        db.Add(new AttendanceRecord
        {
            InstitutionId = institutionId, StaffId = staffId, Date = day, Session = session, Kind = AttendanceKind.Hadir,
            Source = web ? AttendanceSource.Web : AttendanceSource.Mesin, RecordedUtc = Wib.ToUtc(day.ToDateTime(time)),
        });
}
