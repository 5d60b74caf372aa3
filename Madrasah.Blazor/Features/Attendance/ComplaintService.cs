using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>
/// Complaints about attendance ("Laporan" → "Pengaduan" / "Ketidakhadiran"): a staff member submits one with a PDF as
/// evidence and gets its reference number, a receipt ("Bukti Pengaduan") and an email; the personnel officer of the
/// institution accepts (adding the attendance records it covers, marked with the number) or rejects it with a reason,
/// alone or, for a recorded machine outage, every Mesin Error complaint of that day and session at once. Every read
/// and action goes through <see cref="ComplaintVisibility"/>; every change names its live topics.
/// </summary>
public sealed partial class ComplaintService(
    IDbContextFactory<MadrasahDbContext> factory,
    UploadStore uploads,
    ComplaintWriter writer,
    ReceiptService receipts,
    ReceiptNumberGenerator numbers,
    EmailOutbox outbox,
    AuditLog audit,
    HolidayCalendar calendar,
    TimeProvider clock)
{
    /// <summary>The reference numbers: "ADU-2026-000123" (numbered like receipts, per WIB year, no gaps).</summary>
    public static readonly ReceiptKind NumberKind = new("attendance-complaint-number", "ADU", "Nomor Pengaduan");
    /// <summary>The complaint's PDF, issued at submission and again with the decision.</summary>
    public static readonly ReceiptKind ReceiptKind = new("attendance-complaint", "BPG", "Bukti Pengaduan");

    public const string NotFoundMessage = "Pengaduan tidak ditemukan.";
    public const string ConcurrencyMessage = "Pengaduan ini baru saja diputuskan oleh petugas lain. Keputusan Anda tidak disimpan; lihat status terbaru di bawah.";
    private const string DuplicateMessage = "Pengaduan untuk tanggal dan sesi ini sudah Anda kirim";

    // ----- the staff member -----

    /// <summary>
    /// Checks the form field by field (each refusal names its field and nothing is saved), stores the evidence (PDF by
    /// content, at most 300 KB) on the disk, and hands the complaint to <see cref="ComplaintWriter"/>, which checks it
    /// again against the database and saves it with its number, its receipt row, the audit entry and the confirmation
    /// email in one transaction (with the other submissions that arrived at the same moment).
    /// </summary>
    public async Task<AttendanceResult> SubmitAsync(UserScope scope, ComplaintInput input, CancellationToken cancellationToken = default)
    {
        Staff? staff;
        Institution institution;
        string? email;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            staff = await AttendanceService.StaffOfAsync(db, scope);
            if (staff is null) return AttendanceResult.Fail(AttendanceService.NoStaffMessage);
            // Checked here for an answer without waiting for the writer, and again by the writer inside its transaction.
            var errors = CheckFields(input);
            if (!errors.ContainsKey(ComplaintInput.DateField) && !errors.ContainsKey(ComplaintInput.EndDateField) && !errors.ContainsKey(ComplaintInput.SessionField))
                foreach (var (field, message) in await CheckAgainstDatabaseAsync(db, staff, input)) errors[field] = message;
            if (errors.Count > 0) return new AttendanceResult(false, errors);
            institution = await db.Institutions.AsNoTracking().FirstAsync(i => i.Id == staff.InstitutionId, cancellationToken);
            email = await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        }

        StoredUpload upload;
        try
        {
            // On the disk (flushed) before its row can commit, and in parallel with the other callers: never while the database is held.
            // The writer flushes the folder (the file's name) once for its whole batch, before the commit.
            upload = await uploads.StoreAsync(scope, new MemoryStream(input.Evidence!, 0, input.Evidence!.Length, writable: false, publiclyVisible: true), input.EvidenceName ?? "bukti.pdf", ComplaintRules.Evidence,
                staff.InstitutionId, flushFolder: false, cancellationToken);
        }
        catch (UploadRejectedException e)
        {
            return AttendanceResult.Fail(ComplaintInput.EvidenceField, e.Message);
        }

        AttendanceResult result;
        try
        {
            result = await writer.WriteAsync(new ComplaintSubmission(scope, staff, institution, email, input, upload, clock.GetUtcNow().UtcDateTime));
        }
        catch (DbUpdateException e) when (DatabaseEngine.IsUniqueViolation(e))
        {
            // Two sends of the same session at once: the unique index keeps one.
            uploads.Delete(upload);
            return AttendanceResult.Fail(ComplaintInput.SessionField, $"{DuplicateMessage} (dikirim bersamaan). Lihat daftar pengaduan Anda.");
        }
        // A refused complaint's file is removed at once; after any other failure UploadJanitor removes it once it is sure no row names it.
        if (!result.Succeeded) uploads.Delete(upload);
        return result;
    }

    /// <summary>
    /// Saves a batch of submissions in one transaction (called by <see cref="ComplaintWriter"/>, one batch at a time):
    /// each is checked against the database as it stands, including the ones saved before it in the batch, and either
    /// refused with its own messages or saved; the numbers stay gap-free, as a refused one takes none. The evidence
    /// files are on the disk already; their folder is flushed once for all of them before the one commit.
    /// </summary>
    internal async Task<IReadOnlyList<AttendanceResult>> CommitAsync(IReadOnlyList<ComplaintSubmission> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        // Every entity here is added (db.Add marks it), never changed: EF need not compare anything before a save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // A failed save fails the whole batch (retried one by one), so EF's savepoint around each save serves nothing here
        // (and costs SQLite a statement journal on the disk per save).
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();

        // The batch's staff's records and complaints, read once; each submission is checked against them and against the
        // complaints accepted before it in this batch (which join the list as they are accepted).
        var (records, complaints) = await SavedForAsync(db, batch);
        var results = new AttendanceResult[batch.Count];
        var accepted = new List<(ComplaintSubmission Submission, AttendanceComplaint Complaint, int Index)>();
        var refused = new List<int>();
        foreach (var (submission, i) in batch.Select((s, i) => (s, i)))
        {
            if (CheckAgainst(records, complaints, submission.Staff, submission.Input).Count > 0)
            {
                refused.Add(i);
                continue;
            }
            var complaint = NewComplaint(submission);
            complaints.Add(complaint);
            accepted.Add((submission, complaint, i));
        }

        // Numbers in the batch's order, one statement per WIB year (a batch across New Year's midnight takes from both).
        foreach (var year in accepted.GroupBy(a => Wib.FromUtc(a.Submission.SubmittedUtc).Year))
        {
            var numbered = await numbers.NextRangeAsync(db, NumberKind, year.First().Submission.SubmittedUtc, year.Count());
            foreach (var ((_, complaint, _), number) in year.Zip(numbered)) complaint.Number = number;
        }
        // The refusals' messages once the batch's complaints have their numbers (a duplicate of one of them names it).
        foreach (var i in refused) results[i] = new AttendanceResult(false, CheckAgainst(records, complaints, batch[i].Staff, batch[i].Input));
        if (accepted.Count == 0) return results;
        var issued = await receipts.AddUnsavedAsync(db,
            [.. accepted.Select(a => (ReceiptRequestFor(a.Complaint, a.Submission.Staff, a.Submission.Institution), a.Submission.Scope.FullName))]);
        foreach (var ((submission, complaint, _), receipt) in accepted.Zip(issued))
        {
            complaint.SubmissionReceiptNumber = receipt.Number;
            uploads.Add(db, submission.Scope, submission.Upload, ComplaintRules.Evidence);
            db.Add(complaint);
        }
        // The complaints, their uploads and their receipt rows in one save (the audit entries and emails need the ids).
        await db.SaveChangesAsync();
        foreach (var (submission, complaint, i) in accepted)
        {
            audit.Record(db, submission.Scope, "attendance.complaint-submitted",
                $"{complaint.Category.Label()} {complaint.Number} ({complaint.Type.Label()}, {complaint.When()}) dikirim oleh {submission.Staff.FullName}.",
                submission.Staff.InstitutionId, submission.Institution.DistrictId, nameof(AttendanceComplaint), complaint.Id);
            db.PublishAfterCommit(Topics(complaint));
            results[i] = AttendanceResult.Ok(complaint.Id, complaint.Number,
                $"{complaint.Category.Label()} terkirim dengan nomor {complaint.Number}. Simpan nomor ini untuk keperluan tindak lanjut.");
        }
        // Rendering the emails is most of what is left: on the pool in parallel, while this (the one writer's) thread waits.
        var emails = await Task.WhenAll(accepted.Where(a => a.Submission.Email is { Length: > 0 }).Select(a => Task.Run(() =>
            PrepareEmailAsync(a.Submission.Email!, a.Submission.Scope.FullName, a.Complaint, a.Submission.Staff, a.Submission.Institution, decided: false))));
        foreach (var email in emails) db.Add(email);
        await db.SaveChangesAsync();
        uploads.FlushFolder(); // the evidence files' names, on the disk before the rows that name them
        await transaction.CommitAsync();
        return results;
    }

    /// <summary>A checked submission as a complaint, not yet numbered.</summary>
    private static AttendanceComplaint NewComplaint(ComplaintSubmission submission)
    {
        var (scope, staff, _, _, input, upload, now) = submission;
        var leave = input.Category == ComplaintCategory.Ketidakhadiran;
        return new AttendanceComplaint
        {
            InstitutionId = staff.InstitutionId, StaffId = staff.Id, SubmittedByUserId = scope.UserId,
            Category = input.Category, Type = input.Type!.Value, Date = input.Date!.Value,
            EndDate = leave ? input.EndDate ?? input.Date!.Value : input.Date!.Value,
            Session = leave ? null : input.Session, Reason = input.Reason!.Trim(),
            EvidenceUploadId = upload.Id, EvidenceFileName = upload.OriginalName, EvidenceSizeBytes = upload.SizeBytes,
            Status = ComplaintStatus.Menunggu, SubmittedUtc = now, Revision = 1,
        };
    }

    /// <summary>The attendance records and the open or accepted complaints of a batch's staff over the batch's dates.</summary>
    private static async Task<(List<AttendanceRecord> Records, List<AttendanceComplaint> Complaints)> SavedForAsync(
        MadrasahDbContext db, IReadOnlyList<ComplaintSubmission> batch)
    {
        var staffIds = batch.Select(s => s.Staff.Id).Distinct().ToList();
        var first = batch.Min(s => s.Input.Date!.Value);
        var last = batch.Max(s => s.Input.Category == ComplaintCategory.Ketidakhadiran ? s.Input.EndDate!.Value : s.Input.Date!.Value);
        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => staffIds.Contains(r.StaffId) && r.Date >= first && r.Date <= last).ToListAsync();
        var complaints = await db.Set<AttendanceComplaint>().AsNoTracking()
            .Where(c => staffIds.Contains(c.StaffId) && c.Status != ComplaintStatus.Ditolak && c.Date <= last && c.EndDate >= first).ToListAsync();
        return (records, complaints);
    }

    /// <summary>The form's own rules: each field filled and within its limits.</summary>
    private Dictionary<string, string> CheckFields(ComplaintInput input)
    {
        var errors = new Dictionary<string, string>();
        var leave = input.Category == ComplaintCategory.Ketidakhadiran;
        var today = Wib.Today(clock);
        if (input.Type is not { } type || type.Category() != input.Category || !Enum.IsDefined(type))
            errors[ComplaintInput.TypeField] = leave ? "Jenis Cuti wajib dipilih." : "Jenis Pengaduan wajib dipilih (Tugas Luar atau Mesin Error).";
        var dateLabel = leave ? "Tanggal Mulai" : "Tanggal";
        if (input.Date is not { } date)
            errors[ComplaintInput.DateField] = $"{dateLabel} wajib diisi.";
        else if (date > today)
            errors[ComplaintInput.DateField] = $"{dateLabel} tidak boleh di masa depan: {Wib.FormatDate(date)} belum terjadi (hari ini {Wib.FormatDate(today)}).";
        else if (date < today.AddDays(-ComplaintRules.MaxLeaveDays))
            errors[ComplaintInput.DateField] = $"{dateLabel} paling lama {ComplaintRules.MaxLeaveDays} hari yang lalu.";
        if (leave)
        {
            if (input.EndDate is not { } end) errors[ComplaintInput.EndDateField] = "Tanggal Selesai wajib diisi.";
            else if (end > today) errors[ComplaintInput.EndDateField] = $"Tanggal Selesai tidak boleh di masa depan: {Wib.FormatDate(end)} belum terjadi.";
            else if (input.Date is { } start && end < start) errors[ComplaintInput.EndDateField] = "Tanggal Selesai tidak boleh sebelum Tanggal Mulai.";
        }
        else if (input.Session is not { } s || !Enum.IsDefined(s))
            errors[ComplaintInput.SessionField] = "Sesi wajib dipilih (Pagi atau Sore).";
        if (TextRules.Check(input.Reason, "Alasan", AttendanceComplaint.ReasonMaxLength, required: true) is { } reasonError)
            errors[ComplaintInput.ReasonField] = reasonError;
        if (input.Evidence is null)
            errors[ComplaintInput.EvidenceField] = $"{ComplaintRules.Evidence.FieldLabel}: pilih berkas PDF surat tugas atau bukti pendukung (maksimal {ComplaintRules.Evidence.MaxSizeText}).";
        if (leave && input.Date is { } first && input.EndDate is { } last && !errors.ContainsKey(ComplaintInput.DateField)
            && !errors.ContainsKey(ComplaintInput.EndDateField) && last.DayNumber - first.DayNumber + 1 > ComplaintRules.MaxLeaveDays)
            errors[ComplaintInput.EndDateField] = $"Satu laporan ketidakhadiran paling banyak {ComplaintRules.MaxLeaveDays} hari.";
        return errors;
    }

    /// <summary>
    /// The rules that depend on what is saved, for a submission whose fields are valid: no attendance record already in
    /// the session (or days) concerned, and no open or accepted complaint for it.
    /// </summary>
    private static async Task<Dictionary<string, string>> CheckAgainstDatabaseAsync(MadrasahDbContext db, Staff staff, ComplaintInput input)
    {
        var (first, last, session) = Span(input);
        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => r.StaffId == staff.Id && r.Date >= first && r.Date <= last && (session == null || r.Session == session)).ToListAsync();
        var complaints = await db.Set<AttendanceComplaint>().AsNoTracking()
            .Where(c => c.StaffId == staff.Id && c.Status != ComplaintStatus.Ditolak && c.Date <= last && c.EndDate >= first
                && (session == null || c.Session == null || c.Session == session)).ToListAsync();
        return CheckAgainst(records, complaints, staff, input);
    }

    /// <summary>
    /// <see cref="CheckAgainstDatabaseAsync"/>'s rules over records and complaints already read (which may hold other
    /// staff's and other days': only the submission's own count).
    /// </summary>
    private static Dictionary<string, string> CheckAgainst(IEnumerable<AttendanceRecord> records, IEnumerable<AttendanceComplaint> complaints, Staff staff, ComplaintInput input)
    {
        var errors = new Dictionary<string, string>();
        var leave = input.Category == ComplaintCategory.Ketidakhadiran;
        var (first, last, session) = Span(input);
        var recorded = records
            .Where(r => r.StaffId == staff.Id && r.Date >= first && r.Date <= last && (session == null || r.Session == session))
            .OrderBy(r => r.Date).ThenBy(r => r.Session).FirstOrDefault();
        if (recorded is not null)
        {
            var text = AttendanceService.Cell(recorded)!.Text;
            errors[leave ? ComplaintInput.DateField : ComplaintInput.SessionField] = leave
                ? $"Sudah ada presensi pada {AttendanceFormat.Day(recorded.Date)} sesi {recorded.Session.Short()} ({text}); laporan ketidakhadiran tidak dapat mencakup hari itu."
                : $"Sesi {recorded.Session.Short()} pada {AttendanceFormat.Day(recorded.Date)} sudah memiliki catatan presensi ({text}); tidak perlu pengaduan.";
            return errors;
        }
        var duplicate = complaints
            .Where(c => c.StaffId == staff.Id && c.Status != ComplaintStatus.Ditolak && c.Date <= last && c.EndDate >= first
                && (session == null || c.Session == null || c.Session == session))
            .OrderBy(c => c.Date).FirstOrDefault();
        if (duplicate is not null)
            errors[leave ? ComplaintInput.DateField : ComplaintInput.SessionField] =
                $"{DuplicateMessage}: {duplicate.Number} ({duplicate.Type.Label()}, {duplicate.When()}, {duplicate.Status.Label()}). Tidak perlu mengirim pengaduan yang sama dua kali.";
        return errors;
    }

    /// <summary>The days and session a submission with valid fields is about (a leave: its days, every session).</summary>
    private static (DateOnly First, DateOnly Last, AttendanceSession? Session) Span(ComplaintInput input) =>
        input.Category == ComplaintCategory.Ketidakhadiran
            ? (input.Date!.Value, input.EndDate!.Value, null)
            : (input.Date!.Value, input.Date!.Value, input.Session);

    /// <summary>The signed-in staff member's own complaints of one category, newest first.</summary>
    public Task<ComplaintList> MineAsync(UserScope scope, ComplaintCategory category, int page = 1, int pageSize = 20) =>
        ListAsync(scope, q => q.Where(c => c.Category == category && c.SubmittedByUserId == scope.UserId), page, pageSize);

    // ----- the personnel officer -----

    /// <summary>The institution's complaints for its officer: waiting ones (oldest first) or decided ones (newest first).</summary>
    public Task<ComplaintList> InboxAsync(UserScope scope, bool waiting, int page = 1, int pageSize = 20) =>
        scope.Role != Roles.PetugasKepegawaian ? Task.FromResult(ComplaintList.Empty)
            : ListAsync(scope, q => waiting ? q.Where(c => c.Status == ComplaintStatus.Menunggu) : q.Where(c => c.Status != ComplaintStatus.Menunggu),
                page, pageSize, oldestFirst: waiting);

    public async Task<int> CountWaitingAsync(UserScope scope)
    {
        if (scope.Role != Roles.PetugasKepegawaian) return 0;
        await using var db = await factory.CreateDbContextAsync();
        return await db.Set<AttendanceComplaint>().VisibleComplaints(scope).CountAsync(c => c.Status == ComplaintStatus.Menunggu);
    }

    public async Task<ComplaintDetail?> GetAsync(UserScope scope, int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var c = await db.Set<AttendanceComplaint>().AsNoTracking().VisibleComplaints(scope)
            .Include(x => x.Staff).Include(x => x.Institution).FirstOrDefaultAsync(x => x.Id == id);
        if (c is null) return null;
        var hasOutage = c.Type == ComplaintType.MesinError && await db.Set<MachineOutage>()
            .AnyAsync(o => o.InstitutionId == c.InstitutionId && o.Date == c.Date && o.Session == c.Session);
        return new ComplaintDetail(c.Id, c.Number, c.Staff.FullName, c.Staff.Nip, c.Institution.Name, c.Category, c.Type, c.Date, c.EndDate, c.Session,
            c.Reason, c.EvidenceUploadId, c.EvidenceFileName, c.EvidenceSizeBytes, c.Status, c.SubmittedUtc, c.DecidedUtc, c.DecidedByName,
            c.DecisionReason, c.LatestReceiptNumber, c.Revision,
            CanDecide: scope.Role == Roles.PetugasKepegawaian && c.Status == ComplaintStatus.Menunggu, hasOutage);
    }

    /// <summary>
    /// The officer accepts (adding the records the complaint covers) or rejects (a reason is required) a waiting
    /// complaint; <paramref name="revision"/> is the one the officer saw. The decision's receipt is drawn after the commit.
    /// </summary>
    public async Task<AttendanceResult> DecideAsync(UserScope scope, int id, int revision, bool accept, string? reason)
    {
        if (scope.Role != Roles.PetugasKepegawaian) return AttendanceResult.Fail(NotFoundMessage);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!accept && reason is null) return AttendanceResult.Fail("DecisionReason", "Alasan penolakan wajib diisi.");
        if (TextRules.Check(reason, accept ? "Catatan" : "Alasan penolakan", AttendanceComplaint.ReasonMaxLength) is { } reasonError)
            return AttendanceResult.Fail("DecisionReason", reasonError);
        await using var db = await factory.CreateDbContextAsync();
        var complaint = await db.Set<AttendanceComplaint>().VisibleComplaints(scope).Include(c => c.Staff).Include(c => c.Institution)
            .FirstOrDefaultAsync(c => c.Id == id);
        if (complaint is null) return AttendanceResult.Fail(NotFoundMessage);
        if (complaint.Status != ComplaintStatus.Menunggu)
            return AttendanceResult.Fail($"Pengaduan {complaint.Number} sudah diputuskan ({complaint.Status.Label()}).");
        if (complaint.Revision != revision) return AttendanceResult.Fail(ConcurrencyMessage);

        int receiptId;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            try
            {
                receiptId = await ApplyDecisionAsync(db, scope, complaint, accept, reason, await calendar.GetWorkingHoursAsync());
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                return AttendanceResult.Fail(ConcurrencyMessage);
            }
        }
        await receipts.TryDrawAsync(receiptId);
        return AttendanceResult.Ok(complaint.Id, complaint.Number,
            $"Pengaduan {complaint.Number} {(accept ? "diterima; presensi telah dikoreksi" : "ditolak")}.");
    }

    /// <summary>Decides one tracked complaint inside the caller's transaction: records, receipt row, audit, email, topics.</summary>
    private async Task<int> ApplyDecisionAsync(MadrasahDbContext db, UserScope scope, AttendanceComplaint complaint, bool accept, string? reason, WorkingHours hours)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        complaint.Status = accept ? ComplaintStatus.Diterima : ComplaintStatus.Ditolak;
        complaint.DecidedUtc = now;
        complaint.DecidedByUserId = scope.UserId;
        complaint.DecidedByName = scope.FullName;
        complaint.DecisionReason = reason;
        complaint.Revision++;
        var corrected = 0;
        if (accept)
        {
            var sessions = complaint.Session is { } one ? [one] : new[] { AttendanceSession.Pagi, AttendanceSession.Sore };
            var existing = await db.Set<AttendanceRecord>().AsNoTracking()
                .Where(r => r.StaffId == complaint.StaffId && r.Date >= complaint.Date && r.Date <= complaint.EndDate)
                .Select(r => new { r.Date, r.Session }).ToListAsync();
            for (var day = complaint.Date; day <= complaint.EndDate; day = day.AddDays(1))
            {
                // A leave covers the working days of its range; a complaint names its one day and session.
                if (complaint.Session is null && !hours.IsWorkingDay(day)) continue;
                foreach (var session in sessions.Where(s => !existing.Any(e => e.Date == day && e.Session == s)))
                {
                    db.Add(new AttendanceRecord
                    {
                        InstitutionId = complaint.InstitutionId, StaffId = complaint.StaffId, Date = day, Session = session,
                        Kind = complaint.Type.RecordKind(), Source = AttendanceSource.Pengaduan, ComplaintNumber = complaint.Number,
                    });
                    corrected++;
                }
            }
        }
        await db.SaveChangesAsync();
        var receipt = await receipts.AddAsync(db, ReceiptRequestFor(complaint, complaint.Staff, complaint.Institution), scope.FullName);
        complaint.DecisionReceiptNumber = receipt.Number;
        audit.Record(db, scope, accept ? "attendance.complaint-accepted" : "attendance.complaint-rejected",
            accept ? $"Pengaduan {complaint.Number} ({complaint.Staff.FullName}) diterima; {corrected} sesi presensi dikoreksi."
                   : $"Pengaduan {complaint.Number} ({complaint.Staff.FullName}) ditolak: {reason}",
            complaint.InstitutionId, complaint.Institution.DistrictId, nameof(AttendanceComplaint), complaint.Id);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == complaint.SubmittedByUserId).Select(u => new { u.Email, u.FullName }).FirstOrDefaultAsync();
        if (user?.Email is { Length: > 0 } email)
            await EnqueueAsync(db, email, user.FullName, complaint, complaint.Staff, complaint.Institution, decided: true);
        db.PublishAfterCommit(Topics(complaint));
        return receipt.Id;
    }

    // ----- machine outages -----

    public async Task<IReadOnlyList<OutageItem>> OutagesAsync(UserScope scope)
    {
        if (scope.Role != Roles.PetugasKepegawaian || scope.InstitutionId is not { } institutionId) return [];
        await using var db = await factory.CreateDbContextAsync();
        var outages = await db.Set<MachineOutage>().AsNoTracking().Where(o => o.InstitutionId == institutionId)
            .OrderByDescending(o => o.Date).ThenByDescending(o => o.Session).Take(20).ToListAsync();
        var waiting = await db.Set<AttendanceComplaint>().AsNoTracking()
            .Where(c => c.InstitutionId == institutionId && c.Type == ComplaintType.MesinError && c.Status == ComplaintStatus.Menunggu)
            .Select(c => new { c.Date, c.Session }).ToListAsync();
        return outages.Select(o => new OutageItem(o.Id, o.Date, o.Session, o.Note, o.RecordedByName, o.RecordedUtc,
            waiting.Count(w => w.Date == o.Date && w.Session == o.Session))).ToList();
    }

    /// <summary>Records a machine outage of the officer's institution for a past or present day and session.</summary>
    public async Task<AttendanceResult> RecordOutageAsync(UserScope scope, DateOnly? date, AttendanceSession? session, string? note)
    {
        if (scope.Role != Roles.PetugasKepegawaian || scope.InstitutionId is not { } institutionId) return AttendanceResult.Fail(NotFoundMessage);
        var today = Wib.Today(clock);
        if (date is not { } day) return AttendanceResult.Fail("Date", "Tanggal wajib diisi.");
        if (day > today) return AttendanceResult.Fail("Date", $"Tanggal tidak boleh di masa depan: {Wib.FormatDate(day)} belum terjadi.");
        if (session is not { } s) return AttendanceResult.Fail("Session", "Sesi wajib dipilih (Pagi atau Sore).");
        if (TextRules.Check(note, "Keterangan", AttendanceComplaint.ReasonMaxLength, required: true) is { } noteError) return AttendanceResult.Fail("Note", noteError);
        await using var db = await factory.CreateDbContextAsync();
        if (await db.Set<MachineOutage>().AnyAsync(o => o.InstitutionId == institutionId && o.Date == day && o.Session == s))
            return AttendanceResult.Fail("Date", $"Gangguan mesin untuk {AttendanceFormat.Day(day)} sesi {s.Short()} sudah tercatat.");
        db.Add(new MachineOutage
        {
            InstitutionId = institutionId, Date = day, Session = s, Note = note!.Trim(), RecordedByName = scope.FullName,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record(db, scope, "attendance.outage-recorded", $"Gangguan mesin presensi {AttendanceFormat.Day(day)} sesi {s.Short()} dicatat: {note.Trim()}",
            institutionId, entityType: nameof(MachineOutage));
        db.PublishAfterCommit(AttendanceTopics.Institution(institutionId));
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) when (DatabaseEngine.IsUniqueViolation(e))
        {
            return AttendanceResult.Fail("Date", $"Gangguan mesin untuk {AttendanceFormat.Day(day)} sesi {s.Short()} sudah tercatat.");
        }
        return AttendanceResult.Ok($"Gangguan mesin {AttendanceFormat.Day(day)} sesi {s.Short()} dicatat.");
    }

    /// <summary>Accepts every waiting Mesin Error complaint of the outage's day and session in one transaction.</summary>
    public async Task<AttendanceResult> AcceptOutageAsync(UserScope scope, int outageId)
    {
        if (scope.Role != Roles.PetugasKepegawaian || scope.InstitutionId is not { } institutionId) return AttendanceResult.Fail(NotFoundMessage);
        await using var db = await factory.CreateDbContextAsync();
        var outage = await db.Set<MachineOutage>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == outageId && o.InstitutionId == institutionId);
        if (outage is null) return AttendanceResult.Fail("Catatan gangguan mesin tidak ditemukan.");
        var hours = await calendar.GetWorkingHoursAsync();
        var receiptIds = new List<int>();
        int count;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            try
            {
                var waiting = await db.Set<AttendanceComplaint>().VisibleComplaints(scope).Include(c => c.Staff).Include(c => c.Institution)
                    .Where(c => c.Type == ComplaintType.MesinError && c.Status == ComplaintStatus.Menunggu && c.Date == outage.Date && c.Session == outage.Session)
                    .OrderBy(c => c.SubmittedUtc).ToListAsync();
                count = waiting.Count;
                if (count == 0) return AttendanceResult.Fail("Tidak ada pengaduan Mesin Error yang menunggu untuk tanggal dan sesi ini.");
                var note = $"Gangguan mesin presensi tercatat: {outage.Note}";
                if (note.Length > AttendanceComplaint.ReasonMaxLength) note = note[..AttendanceComplaint.ReasonMaxLength];
                foreach (var complaint in waiting)
                    receiptIds.Add(await ApplyDecisionAsync(db, scope, complaint, accept: true, note, hours));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                return AttendanceResult.Fail(ConcurrencyMessage);
            }
        }
        foreach (var id in receiptIds) await receipts.TryDrawAsync(id);
        return AttendanceResult.Ok($"{count} pengaduan Mesin Error untuk {AttendanceFormat.Day(outage.Date)} sesi {outage.Session.Short()} diterima.");
    }

    // ----- helpers -----

    private async Task<ComplaintList> ListAsync(UserScope scope, Func<IQueryable<AttendanceComplaint>, IQueryable<AttendanceComplaint>> filter,
        int page, int pageSize, bool oldestFirst = false)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(page, 1);
        await using var db = await factory.CreateDbContextAsync();
        var query = filter(db.Set<AttendanceComplaint>().AsNoTracking().VisibleComplaints(scope));
        var total = await query.CountAsync();
        var ordered = oldestFirst ? query.OrderBy(c => c.Id) : query.OrderByDescending(c => c.Id);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new ComplaintListItem(c.Id, c.Number, c.Staff.FullName, c.Staff.Nip, c.Type, c.Date, c.EndDate, c.Session, c.Status, c.SubmittedUtc))
            .ToListAsync();
        return new ComplaintList(rows, page, pageSize, total);
    }

    private static string[] Topics(AttendanceComplaint complaint) =>
        [AttendanceTopics.Institution(complaint.InstitutionId), AttendanceTopics.Staff(complaint.StaffId), AttendanceTopics.Complaint(complaint.Id)];

    private async Task EnqueueAsync(MadrasahDbContext db, string email, string name, AttendanceComplaint complaint, Staff staff, Institution institution, bool decided) =>
        db.Add(await PrepareEmailAsync(email, name, complaint, staff, institution, decided));

    private Task<OutboxMessage> PrepareEmailAsync(string email, string name, AttendanceComplaint complaint, Staff staff, Institution institution, bool decided)
    {
        var title = decided ? $"{complaint.Category.Label()} {complaint.Number} {complaint.Status.Label().ToLowerInvariant()}"
                            : $"{complaint.Category.Label()} {complaint.Number} telah diterima sistem";
        var lead = decided
            ? $"Petugas kepegawaian {complaint.DecidedByName} telah memutuskan {complaint.Category.Label().ToLowerInvariant()} Anda: {complaint.Status.Label().ToUpperInvariant()}."
              + (complaint.Status == ComplaintStatus.Diterima ? " Catatan presensi Anda telah dikoreksi." : " Catatan presensi Anda tetap tidak lengkap untuk sesi tersebut.")
            : $"{complaint.Category.Label()} Anda telah kami terima dan menunggu verifikasi petugas kepegawaian {institution.Name}. Simpan nomor pengaduan berikut untuk keperluan tindak lanjut.";
        var rows = Facts(complaint, staff, institution).Select(f => (f.Label, f.Value)).ToList();
        return outbox.PrepareAsync<ComplaintEmail>(email, name, title, new Dictionary<string, object?>
        {
            [nameof(ComplaintEmail.Title)] = title,
            [nameof(ComplaintEmail.RecipientName)] = name,
            [nameof(ComplaintEmail.Lead)] = lead,
            [nameof(ComplaintEmail.ComplaintId)] = complaint.Id,
            [nameof(ComplaintEmail.Rows)] = (IReadOnlyList<(string, string)>)rows,
        }, institution.Id);
    }

    private static List<ReceiptFact> Facts(AttendanceComplaint c, Staff staff, Institution institution)
    {
        var facts = new List<ReceiptFact>
        {
            new("Nomor Pengaduan", c.Number),
            new("Nama", staff.FullName),
            new("NIP", staff.Nip ?? "— (non-ASN)"),
            new("Lembaga", institution.Name),
            new(c.Category == ComplaintCategory.Pengaduan ? "Jenis Pengaduan" : "Jenis Ketidakhadiran", c.Type.Label()),
            new(c.Session is null ? "Tanggal" : "Tanggal dan Sesi", c.When()),
            new("Alasan", c.Reason),
            new("Dikirim", Wib.Format(c.SubmittedUtc)),
            new("Status", c.Status.Label()),
        };
        if (c.DecidedUtc is { } decided)
        {
            facts.Add(new("Diputuskan oleh", $"{c.DecidedByName} (Petugas Kepegawaian), {Wib.Format(decided)}"));
            if (c.DecisionReason is { } reason) facts.Add(new(c.Status == ComplaintStatus.Ditolak ? "Alasan penolakan" : "Catatan", reason));
        }
        return facts;
    }

    private static ReceiptRequest ReceiptRequestFor(AttendanceComplaint complaint, Staff staff, Institution institution) =>
        new(ReceiptKind, institution.Id, institution.DistrictId, institution.Name, Facts(complaint, staff, institution));
}

internal static class ComplaintWhen
{
    public static string When(this AttendanceComplaint c) => AttendanceFormat.When(c.Date, c.EndDate, c.Session);
}
