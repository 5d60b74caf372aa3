using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>
/// Daily attendance: a staff member's "Presensi Masuk" and "Presensi Pulang" (one record per day and session, WIB),
/// and the monthly recap of a person or of the institution over the working days of the holiday calendar.
/// A staff member is the <see cref="Staff"/> row bound to their account in their own institution.
/// </summary>
public sealed class AttendanceService(IDbContextFactory<MadrasahDbContext> factory, HolidayCalendar calendar, AuditLog audit, TimeProvider clock)
{
    public const string NoStaffMessage =
        "Akun Anda belum terhubung dengan data pegawai lembaga. Hubungi operator atau petugas kepegawaian lembaga Anda.";

    /// <summary>The staff row of a Pegawai's account in their own institution, or null.</summary>
    internal static Task<Staff?> StaffOfAsync(MadrasahDbContext db, UserScope scope) =>
        scope.Role != Roles.Pegawai || scope.InstitutionId is null
            ? Task.FromResult<Staff?>(null)
            : db.Staff.AsNoTracking().Where(s => s.InstitutionId == scope.InstitutionId
                    // An account bound to the staff row, or (an account an administrator created with the activation link)
                    // the unbound staff row of the institution with the account's email.
                    && (s.UserId == scope.UserId || (s.UserId == null && s.Email != null && s.Email == scope.UserName)))
                .OrderBy(s => s.UserId == null).FirstOrDefaultAsync();

    /// <summary>The id of the signed-in staff member's row (for their live topic), or null.</summary>
    public async Task<int?> StaffIdAsync(UserScope scope)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await StaffOfAsync(db, scope))?.Id;
    }

    public async Task<TodayAttendance> TodayAsync(UserScope scope)
    {
        var today = Wib.Today(clock);
        var hours = await calendar.GetWorkingHoursAsync();
        var closed = await ClosedDayNameAsync(today);
        await using var db = await factory.CreateDbContextAsync();
        var staff = await StaffOfAsync(db, scope);
        if (staff is null) return new TodayAttendance(today, null, null, closed, hours.IsWorkingDay(today), null, null);
        var records = await db.Set<AttendanceRecord>().AsNoTracking().Where(r => r.StaffId == staff.Id && r.Date == today).ToListAsync();
        return new TodayAttendance(today, staff.FullName, staff.Nip, closed, hours.IsWorkingDay(today),
            Cell(records.FirstOrDefault(r => r.Session == AttendanceSession.Pagi)),
            Cell(records.FirstOrDefault(r => r.Session == AttendanceSession.Sore)));
    }

    /// <summary>Records today's session for the signed-in staff member, from the web, at the clock's time.</summary>
    public async Task<AttendanceResult> RecordAsync(UserScope scope, AttendanceSession session)
    {
        await using var db = await factory.CreateDbContextAsync();
        var staff = await StaffOfAsync(db, scope);
        if (staff is null) return AttendanceResult.Fail(NoStaffMessage);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Wib.Today(clock);
        var label = session == AttendanceSession.Pagi ? "Presensi Masuk" : "Presensi Pulang";
        if (await db.Set<AttendanceRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.StaffId == staff.Id && r.Date == today && r.Session == session) is { } existing)
            return AttendanceResult.Fail($"{label} hari ini sudah tercatat ({Cell(existing)!.Text}).");
        db.Add(new AttendanceRecord
        {
            InstitutionId = staff.InstitutionId, StaffId = staff.Id, Date = today, Session = session,
            Kind = AttendanceKind.Hadir, Source = AttendanceSource.Web, RecordedUtc = now,
        });
        audit.Record(db, scope, session == AttendanceSession.Pagi ? "attendance.in" : "attendance.out",
            $"{label} {staff.FullName} pukul {Wib.FromUtc(now):HH.mm} WIB, {Wib.FormatDate(today)}.", staff.InstitutionId, entityType: nameof(AttendanceRecord));
        db.PublishAfterCommit(AttendanceTopics.Staff(staff.Id), AttendanceTopics.Institution(staff.InstitutionId));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (DatabaseEngine.IsUniqueViolation(e))
        {
            return AttendanceResult.Fail($"{label} hari ini sudah tercatat.");
        }
        return AttendanceResult.Ok($"{label} tercatat pukul {Wib.FromUtc(now):HH.mm} WIB.");
    }

    /// <summary>The signed-in staff member's own month: counts and every day up to today (and any later day with a record).</summary>
    public async Task<PersonRecap?> MyRecapAsync(UserScope scope, int year, int month)
    {
        await using var db = await factory.CreateDbContextAsync();
        var staff = await StaffOfAsync(db, scope);
        return staff is null ? null : await PersonRecapAsync(db, staff, year, month);
    }

    /// <summary>One staff member's month, for the officer of their institution.</summary>
    public async Task<PersonRecap?> StaffRecapAsync(UserScope scope, int staffId, int year, int month)
    {
        if (scope.Role != Roles.PetugasKepegawaian) return null;
        await using var db = await factory.CreateDbContextAsync();
        var staff = await db.Staff.AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(s => s.Id == staffId);
        return staff is null ? null : await PersonRecapAsync(db, staff, year, month);
    }

    /// <summary>The institution's month for its personnel officer: one row per staff member.</summary>
    public async Task<InstitutionRecap?> InstitutionRecapAsync(UserScope scope, int year, int month)
    {
        if (scope.Role != Roles.PetugasKepegawaian || scope.InstitutionId is not { } institutionId) return null;
        await using var db = await factory.CreateDbContextAsync();
        var name = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Name).FirstAsync();
        var staff = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId).OrderBy(s => s.FullName).ToListAsync();
        var (first, last) = MonthRange(year, month);
        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => r.InstitutionId == institutionId && r.Date >= first && r.Date <= last).ToListAsync();
        var byStaff = records.ToLookup(r => r.StaffId);
        var hours = await calendar.GetWorkingHoursAsync();
        var rows = staff.Select(s => Totals(s, Days(byStaff[s.Id], first, last, hours, null))).ToList();
        var workingDays = CountedDays(first, last, hours).Count();
        return new InstitutionRecap(name, year, month, workingDays, rows, await HolidayNamesAsync(year, month));
    }

    // ----- the recap -----

    private async Task<PersonRecap> PersonRecapAsync(MadrasahDbContext db, Staff staff, int year, int month)
    {
        var (first, last) = MonthRange(year, month);
        var records = await db.Set<AttendanceRecord>().AsNoTracking().Where(r => r.StaffId == staff.Id && r.Date >= first && r.Date <= last).ToListAsync();
        var hours = await calendar.GetWorkingHoursAsync();
        var holidays = (await calendar.ListAsync(year)).Where(h => h.Date.Month == month).ToDictionary(h => h.Date, h => h.Name);
        var days = Days(records, first, last, hours, holidays);
        return new PersonRecap(Totals(staff, days), days.Where(d => d.Date <= Wib.Today(clock) || d.Pagi is not null || d.Sore is not null).ToList(),
            await HolidayNamesAsync(year, month));
    }

    private async Task<IReadOnlyList<string>> HolidayNamesAsync(int year, int month) =>
        (await calendar.ListAsync(year)).Where(h => h.Date.Month == month)
            .Select(h => $"{Wib.FormatDate(h.Date)}: {h.Name} ({Holiday.KindLabel(h.Kind)})").ToList();

    private async Task<string?> ClosedDayNameAsync(DateOnly day) =>
        (await calendar.ListAsync(day.Year)).FirstOrDefault(h => h.Date == day)?.Name
        ?? (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? day.ToString("dddd", Wib.Culture) : null);

    private List<RecapDay> Days(IEnumerable<AttendanceRecord> records, DateOnly first, DateOnly last, WorkingHours hours, IReadOnlyDictionary<DateOnly, string>? holidays)
    {
        var byDay = records.ToLookup(r => r.Date);
        var list = new List<RecapDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var onDay = byDay[day].ToList();
            var closedName = holidays?.GetValueOrDefault(day) ?? (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? day.ToString("dddd", Wib.Culture) : null);
            list.Add(new RecapDay(day, hours.IsWorkingDay(day), hours.IsWorkingDay(day) ? null : closedName,
                Cell(onDay.FirstOrDefault(r => r.Session == AttendanceSession.Pagi)), Cell(onDay.FirstOrDefault(r => r.Session == AttendanceSession.Sore))));
        }
        return list;
    }

    /// <summary>
    /// Counts over the working days up to today: a day on leave counts as leave, a day with a Tugas Luar session as on
    /// duty, a day with a present session as present; a Presensi Masuk after <see cref="ComplaintRules.LateAfter"/> is
    /// late; a session without a record is missing (today's only once the day is over).
    /// </summary>
    private RecapRow Totals(Staff staff, IReadOnlyList<RecapDay> days)
    {
        var today = Wib.Today(clock);
        int working = 0, present = 0, late = 0, missingIn = 0, missingOut = 0, onDuty = 0, leave = 0;
        foreach (var day in days.Where(d => d.IsWorkingDay && d.Date <= today))
        {
            working++;
            var cells = new[] { day.Pagi, day.Sore };
            if (cells.Any(c => c?.Kind == AttendanceKind.Cuti)) { leave++; continue; }
            if (cells.Any(c => c?.Kind == AttendanceKind.TugasLuar)) onDuty++;
            else if (cells.Any(c => c?.Kind is AttendanceKind.Hadir or AttendanceKind.MesinError)) present++;
            if (day.Pagi?.IsLate == true) late++;
            if (day.Date == today) continue;
            if (day.Pagi is null) missingIn++;
            if (day.Sore is null) missingOut++;
        }
        return new RecapRow(staff.Id, staff.FullName, staff.Nip, working, present, late, missingIn, missingOut, onDuty, leave);
    }

    private IEnumerable<DateOnly> CountedDays(DateOnly first, DateOnly last, WorkingHours hours)
    {
        var today = Wib.Today(clock);
        for (var day = first; day <= last && day <= today; day = day.AddDays(1))
            if (hours.IsWorkingDay(day)) yield return day;
    }

    private static (DateOnly First, DateOnly Last) MonthRange(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    internal static AttendanceCell? Cell(AttendanceRecord? record) => record is null ? null
        : new AttendanceCell(record.Kind, record.Source, record.RecordedUtc, record.ComplaintNumber, IsLate(record));

    private static bool IsLate(AttendanceRecord record) =>
        record.Session == AttendanceSession.Pagi && record.Kind == AttendanceKind.Hadir && record.RecordedUtc is { } t
        && TimeOnly.FromDateTime(Wib.FromUtc(t)) > ComplaintRules.LateAfter;
}
