using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Tests.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Features.Attendance;

public class ComplaintServiceTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 26);
    private static readonly DateOnly Today = new(2026, 3, 27);

    [Fact]
    public async Task Submitting_gives_a_reference_number_a_receipt_an_email_and_an_entry_in_the_own_list()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();

        var result = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore, AttendanceTestKit.Pdf(200 * 1024)));

        Assert.True(result.Succeeded, result.Error);
        Assert.Matches(@"^ADU-2026-\d{6}$", result.Number);
        var detail = (await kit.Complaints.GetAsync(kit.Staff, result.ComplaintId!.Value))!;
        Assert.Equal(ComplaintStatus.Menunggu, detail.Status);
        Assert.Equal("Kamis, 26 Maret 2026 — Sore", detail.When);
        Assert.Equal(200 * 1024, detail.EvidenceSizeBytes);
        var mine = await kit.Complaints.MineAsync(kit.Staff, ComplaintCategory.Pengaduan);
        Assert.Equal(result.Number, Assert.Single(mine.Rows).Number);
        var mail = Assert.Single(await kit.OutboxAsync());
        Assert.Equal("nur.hidayah@guru.demo.id", mail.To);
        Assert.Contains(result.Number!, mail.Subject);
        Assert.Contains(result.Number!, mail.TextBody);

        var pdf = await kit.Receipts.GetPdfAsync(detail.ReceiptNumber!, _ => Task.FromResult(true));
        var text = PdfTestKit.PdfToFlatText(pdf!.Content);
        Assert.Contains("Bukti Pengaduan", text);
        Assert.Contains(result.Number!, text);
        Assert.Contains("199003052015032001", text);
        Assert.Contains("Menunggu Verifikasi", text);
    }

    [Fact]
    public async Task Each_refusal_names_its_field_and_saves_nothing()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        await kit.AddRecordAsync(Thursday, AttendanceSession.Pagi, new TimeOnly(7, 10));
        var good = AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore);

        var future = await kit.SubmitAsync(good with { Date = Today.AddDays(1) });
        Assert.Contains("tidak boleh di masa depan", future.Errors[ComplaintInput.DateField]);

        var recorded = await kit.SubmitAsync(good with { Session = AttendanceSession.Pagi });
        Assert.Contains("sudah memiliki catatan presensi", recorded.Errors[ComplaintInput.SessionField]);

        var tooLarge = await kit.SubmitAsync(good with { Evidence = AttendanceTestKit.Pdf(300 * 1024 + 1) });
        Assert.Contains("melebihi batas 300 KB", tooLarge.Errors[ComplaintInput.EvidenceField]);

        var png = await kit.SubmitAsync(good with { Evidence = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], EvidenceName = "surat.pdf" });
        Assert.Contains("bukan PDF", png.Errors[ComplaintInput.EvidenceField]);

        var empty = await kit.SubmitAsync(good with { Evidence = [] });
        Assert.Contains("berkas kosong", empty.Errors[ComplaintInput.EvidenceField]);

        var blank = await kit.SubmitAsync(good with { Type = null, Session = null, Reason = "  ", Evidence = null });
        Assert.Equal(new[] { ComplaintInput.TypeField, ComplaintInput.SessionField, ComplaintInput.ReasonField, ComplaintInput.EvidenceField }.Order(),
            blank.Errors.Keys.Order());

        Assert.All([future, recorded, tooLarge, png, empty, blank], r => Assert.False(r.Succeeded));
        await using var db = kit.Database.CreateContext();
        Assert.Equal(0, await db.Set<AttendanceComplaint>().CountAsync());
        Assert.Equal(0, await db.Set<StoredUpload>().CountAsync());
    }

    [Fact]
    public async Task A_second_complaint_for_the_same_day_and_session_is_refused_unless_the_first_was_rejected()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var first = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore));
        Assert.True(first.Succeeded, first.Error);

        var again = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore) with { Type = ComplaintType.MesinError });
        Assert.False(again.Succeeded);
        Assert.Contains($"sudah Anda kirim: {first.Number}", again.Errors[ComplaintInput.SessionField]);

        var detail = (await kit.Complaints.GetAsync(kit.Officer, first.ComplaintId!.Value))!;
        Assert.True((await kit.Complaints.DecideAsync(kit.Officer, detail.Id, detail.Revision, accept: false, "Surat tugas tidak ditandatangani.")).Succeeded);
        var resent = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore));
        Assert.True(resent.Succeeded, resent.Error);
    }

    [Fact]
    public async Task Accepting_corrects_exactly_one_record_marked_with_the_number_and_emails_the_decision()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        await kit.AddRecordAsync(Thursday, AttendanceSession.Pagi, new TimeOnly(7, 5));
        var sent = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore));
        var before = await kit.RecordsAsync();
        var detail = (await kit.Complaints.GetAsync(kit.Officer, sent.ComplaintId!.Value))!;
        Assert.True(detail.CanDecide);

        var decided = await kit.Complaints.DecideAsync(kit.Officer, detail.Id, detail.Revision, accept: true, null);

        Assert.True(decided.Succeeded, decided.Error);
        var after = await kit.RecordsAsync();
        var added = Assert.Single(after, r => !before.Any(b => b.Id == r.Id));
        Assert.Equal((Thursday, AttendanceSession.Sore, AttendanceKind.TugasLuar, AttendanceSource.Pengaduan, sent.Number),
            (added.Date, added.Session, added.Kind, added.Source, added.ComplaintNumber));
        Assert.Equal(before.Count + 1, after.Count);
        var seen = (await kit.Complaints.GetAsync(kit.Staff, detail.Id))!;
        Assert.Equal((ComplaintStatus.Diterima, "Yuliana Sari"), (seen.Status, seen.DecidedByName));
        Assert.Contains("diterima", (await kit.OutboxAsync()).Last().Subject);
        var pdf = await kit.Receipts.GetPdfAsync(seen.ReceiptNumber!, _ => Task.FromResult(true));
        var text = PdfTestKit.PdfToFlatText(pdf!.Content);
        Assert.Contains("Diterima", text);
        Assert.Contains("Yuliana Sari", text);

        var twice = await kit.Complaints.DecideAsync(kit.Officer, detail.Id, detail.Revision, accept: false, "Terlambat.");
        Assert.False(twice.Succeeded);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_leaves_the_session_missing()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var sent = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore));
        var detail = (await kit.Complaints.GetAsync(kit.Officer, sent.ComplaintId!.Value))!;

        var noReason = await kit.Complaints.DecideAsync(kit.Officer, detail.Id, detail.Revision, accept: false, " ");
        Assert.Equal("Alasan penolakan wajib diisi.", noReason.Errors["DecisionReason"]);
        var rejected = await kit.Complaints.DecideAsync(kit.Officer, detail.Id, detail.Revision, accept: false, "Tidak ada surat tugas.");

        Assert.True(rejected.Succeeded, rejected.Error);
        Assert.DoesNotContain(await kit.RecordsAsync(), r => r.Date == Thursday);
        Assert.Equal(ComplaintStatus.Ditolak, (await kit.Complaints.GetAsync(kit.Staff, detail.Id))!.Status);
    }

    [Fact]
    public async Task Another_institution_s_officer_neither_sees_nor_decides_a_complaint()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var sent = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore));

        Assert.Null(await kit.Complaints.GetAsync(kit.OtherOfficer, sent.ComplaintId!.Value));
        Assert.Empty((await kit.Complaints.InboxAsync(kit.OtherOfficer, waiting: true)).Rows);
        Assert.False((await kit.Complaints.DecideAsync(kit.OtherOfficer, sent.ComplaintId!.Value, 1, accept: true, null)).Succeeded);
        Assert.Equal(0, await kit.Complaints.CountWaitingAsync(kit.OtherOfficer));
        Assert.Equal(1, await kit.Complaints.CountWaitingAsync(kit.Officer));
    }

    [Fact]
    public async Task A_machine_outage_accepts_every_Mesin_Error_complaint_of_its_day_and_session_at_once()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var iqbal = await kit.ColleagueAsync("198711122010031007");
        var sutrisno = await kit.ColleagueAsync("198001012005011003");
        var mesinError = AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Pagi) with { Type = ComplaintType.MesinError, Reason = "Mesin sidik jari mati." };
        foreach (var who in new[] { kit.Staff, iqbal, sutrisno })
            Assert.True((await kit.SubmitAsync(mesinError, who)).Succeeded);
        var otherSession = await kit.SubmitAsync(mesinError with { Session = AttendanceSession.Sore });
        var tugasLuar = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Pagi), iqbal);
        Assert.False(tugasLuar.Succeeded); // Iqbal already complained about that session

        Assert.True((await kit.Complaints.RecordOutageAsync(kit.Officer, Thursday, AttendanceSession.Pagi, "Mesin mati sejak 06.30.")).Succeeded);
        var outage = Assert.Single(await kit.Complaints.OutagesAsync(kit.Officer));
        Assert.Equal(3, outage.Waiting);
        var again = await kit.Complaints.RecordOutageAsync(kit.Officer, Thursday, AttendanceSession.Pagi, "Lagi.");
        Assert.Contains("sudah tercatat", again.Errors["Date"]);

        var accepted = await kit.Complaints.AcceptOutageAsync(kit.Officer, outage.Id);

        Assert.True(accepted.Succeeded, accepted.Error);
        Assert.StartsWith("3 pengaduan Mesin Error", accepted.Message);
        await using var db = kit.Database.CreateContext();
        var records = await db.Set<AttendanceRecord>().Where(r => r.Date == Thursday).ToListAsync();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal((AttendanceSession.Pagi, AttendanceKind.MesinError, AttendanceSource.Pengaduan), (r.Session, r.Kind, r.Source)));
        Assert.Equal(ComplaintStatus.Menunggu, (await kit.Complaints.GetAsync(kit.Officer, otherSession.ComplaintId!.Value))!.Status);
        Assert.Equal(0, Assert.Single(await kit.Complaints.OutagesAsync(kit.Officer)).Waiting);
        Assert.False((await kit.Complaints.AcceptOutageAsync(kit.Officer, outage.Id)).Succeeded);
        Assert.False((await kit.Complaints.AcceptOutageAsync(kit.OtherOfficer, outage.Id)).Succeeded);
    }

    [Fact]
    public async Task Accepted_leave_covers_the_working_days_of_its_range_only()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        // Monday 16 to Wednesday 25 March: the 18th–24th are Nyepi and Idul Fitri holidays or collective leave, 21–22 a weekend.
        var leave = new ComplaintInput(ComplaintCategory.Ketidakhadiran, ComplaintType.CutiTahunan, new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 25),
            null, "Mudik Lebaran.", AttendanceTestKit.Pdf(), "cuti.pdf");
        var sent = await kit.SubmitAsync(leave);
        Assert.True(sent.Succeeded, sent.Error);
        var overlapping = await kit.SubmitAsync(AttendanceTestKit.TugasLuar(new DateOnly(2026, 3, 17), AttendanceSession.Pagi));
        Assert.Contains(sent.Number!, overlapping.Errors[ComplaintInput.SessionField]);
        var detail = (await kit.Complaints.GetAsync(kit.Officer, sent.ComplaintId!.Value))!;

        Assert.True((await kit.Complaints.DecideAsync(kit.Officer, detail.Id, detail.Revision, accept: true, "Disetujui kepala.")).Succeeded);

        var days = (await kit.RecordsAsync()).Where(r => r.Kind == AttendanceKind.Cuti).Select(r => r.Date.Day).Distinct().ToList();
        Assert.Equal([16, 17, 25], days);
    }
}
