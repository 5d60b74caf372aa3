using Madrasah.Blazor.Features.Attendance;

namespace Madrasah.Blazor.Tests.Features.Attendance;

public class AttendanceServiceTests
{
    [Fact]
    public async Task Presensi_Masuk_and_Pulang_are_recorded_once_each_with_their_WIB_time_and_source()
    {
        await using var kit = await AttendanceTestKit.CreateAsync(); // 10.00 WIB: Presensi Masuk is late

        var masuk = await kit.Attendance.RecordAsync(kit.Staff, AttendanceSession.Pagi);
        var twice = await kit.Attendance.RecordAsync(kit.Staff, AttendanceSession.Pagi);
        kit.Clock.Advance(TimeSpan.FromHours(6));
        var pulang = await kit.Attendance.RecordAsync(kit.Staff, AttendanceSession.Sore);

        Assert.Equal("Presensi Masuk tercatat pukul 10.00 WIB.", masuk.Message);
        Assert.Equal("Presensi Masuk hari ini sudah tercatat (10.00 WIB (terlambat)).", twice.Error);
        Assert.True(pulang.Succeeded);
        var today = await kit.Attendance.TodayAsync(kit.Staff);
        Assert.Equal(("10.00 WIB (terlambat)", AttendanceSource.Web), (today.Masuk!.Text, today.Masuk.Source));
        Assert.Equal("16.00 WIB", today.Pulang!.Text);
        Assert.Equal(2, (await kit.RecordsAsync()).Count(r => r.Date == new DateOnly(2026, 3, 27)));
        Assert.False((await kit.Attendance.RecordAsync(kit.Officer, AttendanceSession.Pagi)).Succeeded); // no staff row
    }

    [Fact]
    public async Task The_monthly_recap_counts_only_working_days_of_the_holiday_calendar()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        kit.Clock.Advance(TimeSpan.FromDays(5)); // Wednesday 1 April 2026: March is over
        // Present on time on the 2nd, late on the 3rd, only Presensi Masuk on the 4th, nothing on the 5th; one accepted Tugas Luar sore on the 6th
        // (and pagi present); a record on the Idul Fitri holiday (21st) counts for nothing.
        await kit.AddRecordAsync(new(2026, 3, 2), AttendanceSession.Pagi, new(7, 10));
        await kit.AddRecordAsync(new(2026, 3, 2), AttendanceSession.Sore, new(15, 45));
        await kit.AddRecordAsync(new(2026, 3, 3), AttendanceSession.Pagi, new(7, 55));
        await kit.AddRecordAsync(new(2026, 3, 3), AttendanceSession.Sore, new(15, 40));
        await kit.AddRecordAsync(new(2026, 3, 4), AttendanceSession.Pagi, new(7, 0));
        await kit.AddRecordAsync(new(2026, 3, 6), AttendanceSession.Pagi, new(7, 0));
        await kit.AddRecordAsync(new(2026, 3, 21), AttendanceSession.Pagi, new(8, 0));
        var sent = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(new(2026, 3, 6), AttendanceSession.Sore));
        var detail = (await kit.Complaints.GetAsync(kit.Officer, sent.ComplaintId!.Value))!;
        await kit.Complaints.DecideAsync(kit.Officer, detail.Id, detail.Revision, accept: true, null);

        var mine = (await kit.Attendance.MyRecapAsync(kit.Staff, 2026, 3))!;

        // March 2026: 22 weekdays, of which 18, 19, 20, 23 and 24 are Nyepi / Idul Fitri holidays or collective leave.
        Assert.Equal(new RecapRow(kit.StaffId, "Nur Hidayah, S.Pd.I.", "199003052015032001", WorkingDays: 17, Present: 3, Late: 1,
            MissingIn: 17 - 4, MissingOut: 17 - 3, OnDuty: 1, Leave: 0), mine.Totals);
        var sixth = mine.Days.Single(d => d.Date == new DateOnly(2026, 3, 6));
        Assert.Equal($"Tugas Luar ({sent.Number})", sixth.Sore!.Text);
        Assert.False(mine.Days.Single(d => d.Date.Day == 20).IsWorkingDay);
        Assert.Contains(mine.Holidays, h => h.Contains("Idul Fitri"));

        var institution = (await kit.Attendance.InstitutionRecapAsync(kit.Officer, 2026, 3))!;
        Assert.Equal(17, institution.WorkingDays);
        Assert.Equal(mine.Totals, institution.Rows.Single(r => r.StaffId == kit.StaffId));
        Assert.Equal(4, institution.Rows.Count); // every staff member of MIN 1 Sleman
        Assert.Null(await kit.Attendance.InstitutionRecapAsync(kit.Staff, 2026, 3));
        Assert.Null(await kit.Attendance.StaffRecapAsync(kit.OtherOfficer, kit.StaffId, 2026, 3));
    }
}
