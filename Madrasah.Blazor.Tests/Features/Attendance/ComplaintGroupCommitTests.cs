using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>Complaints sent at the same moment are saved together (<see cref="ComplaintWriter"/>), each answered on its own.</summary>
public class ComplaintGroupCommitTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 26);

    [Fact]
    public async Task A_batch_with_one_duplicate_commits_the_others_and_refuses_the_duplicate_with_its_message()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var colleague = await kit.ColleagueAsync("198711122010031007");
        var batch = new List<ComplaintSubmission>
        {
            await SubmissionAsync(kit, kit.Staff, AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore)),
            await SubmissionAsync(kit, colleague, AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore)),
            await SubmissionAsync(kit, kit.Staff, AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore)), // the same session again
            await SubmissionAsync(kit, kit.Staff, AttendanceTestKit.TugasLuar(Thursday.AddDays(-1), AttendanceSession.Sore)),
        };

        var results = await kit.Complaints.CommitAsync(batch);

        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.True(results[1].Succeeded, results[1].Error);
        Assert.True(results[3].Succeeded, results[3].Error);
        Assert.False(results[2].Succeeded);
        var message = Assert.Single(results[2].Errors);
        Assert.Equal(ComplaintInput.SessionField, message.Key);
        Assert.Equal($"Pengaduan untuk tanggal dan sesi ini sudah Anda kirim: {results[0].Number} (Tugas Luar, Kamis, 26 Maret 2026 — Sore, Menunggu Verifikasi). " +
            "Tidak perlu mengirim pengaduan yang sama dua kali.", message.Value);
        // The numbers of the saved ones follow each other: the refused one took none.
        Assert.Equal(["ADU-2026-000001", "ADU-2026-000002", "ADU-2026-000003"], new[] { results[0], results[1], results[3] }.Select(r => r.Number));

        await using var db = kit.Database.CreateContext();
        Assert.Equal(3, await db.Set<AttendanceComplaint>().CountAsync());
        var uploadIds = await db.Set<StoredUpload>().Select(u => u.Id).ToListAsync();
        Assert.Equal(new[] { batch[0], batch[1], batch[3] }.Select(s => s.Upload.Id).Order(), uploadIds.Order());
        Assert.Equal(3, (await kit.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Fifty_complaints_sent_at_once_each_get_a_unique_number_and_their_file()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var inputs = Enumerable.Range(0, 50)
            .Select(i => AttendanceTestKit.TugasLuar(Thursday.AddDays(-30 - i / 2), i % 2 == 0 ? AttendanceSession.Pagi : AttendanceSession.Sore,
                AttendanceTestKit.Pdf(300 * 1024)))
            .ToList();

        var results = await Task.WhenAll(inputs.Select(input => Task.Run(() => kit.Complaints.SubmitAsync(kit.Staff, input))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(50, results.Select(r => r.Number).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"ADU-2026-{n:000000}"), results.Select(r => r.Number!).Order());
        await using var db = kit.Database.CreateContext();
        var evidence = await db.Set<AttendanceComplaint>()
            .Join(db.Set<StoredUpload>(), c => c.EvidenceUploadId, u => u.Id, (c, u) => new { c.Number, u.StoredName, u.SizeBytes })
            .ToListAsync();
        Assert.Equal(50, evidence.Count);
        var folder = Path.Combine(kit.Database.Folder, "uploads");
        Assert.All(evidence, e => Assert.Equal(300 * 1024, new FileInfo(Path.Combine(folder, e.StoredName)).Length));
        Assert.Equal(50, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public async Task The_same_complaint_sent_twice_at_once_is_saved_once_and_the_refused_one_leaves_no_file()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var input = AttendanceTestKit.TugasLuar(Thursday, AttendanceSession.Sore);

        var results = await Task.WhenAll(Task.Run(() => kit.Complaints.SubmitAsync(kit.Staff, input)), Task.Run(() => kit.Complaints.SubmitAsync(kit.Staff, input)));

        var saved = Assert.Single(results, r => r.Succeeded);
        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains($"Pengaduan untuk tanggal dan sesi ini sudah Anda kirim: {saved.Number}", refused.Errors[ComplaintInput.SessionField]);
        await using var db = kit.Database.CreateContext();
        var upload = await db.Set<StoredUpload>().SingleAsync();
        Assert.Equal([upload.StoredName], Directory.GetFiles(Path.Combine(kit.Database.Folder, "uploads")).Select(Path.GetFileName));
    }

    /// <summary>What <see cref="ComplaintService.SubmitAsync"/> hands the writer: the staff row, the account's email and the evidence on the disk.</summary>
    private static async Task<ComplaintSubmission> SubmissionAsync(AttendanceTestKit kit, Madrasah.Blazor.Infrastructure.Identity.UserScope scope, ComplaintInput input)
    {
        await using var db = kit.Database.CreateContext();
        var staff = await db.Staff.AsNoTracking().SingleAsync(s => s.UserId == scope.UserId);
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == staff.InstitutionId);
        var upload = await kit.Uploads.StoreAsync(scope, new MemoryStream(input.Evidence!), input.EvidenceName!, ComplaintRules.Evidence, staff.InstitutionId);
        return new ComplaintSubmission(scope, staff, institution, scope.UserName, input, upload, kit.Clock.GetUtcNow().UtcDateTime);
    }
}
