using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// The approval chain of institution data: the operator drafts, submits, withdraws, revises or closes a change request;
/// the head decides field by field; the district approves (applies, in one transaction) or rejects. Every step
/// writes the timeline, the audit log, the emails for whoever acts next, and names the live topics it changes on its
/// unit of work (published once it commits, see <see cref="AfterCommitInterceptor"/>).
/// Every read and every action goes through one visibility rule (<see cref="ApprovalVisibility"/>).
/// </summary>
public sealed partial class ApprovalService(
    IDbContextFactory<MadrasahDbContext> factory,
    AuditLog audit,
    EmailOutbox outbox,
    ReceiptService receipts,
    ApprovalReadCache reads,
    TimeProvider clock)
{
    public static readonly ReceiptKind ReceiptKind = new("institution-change", "BPD", "Bukti Perubahan Data");

    public const string ConcurrencyMessage =
        "Pengajuan ini baru saja diputuskan atau diubah oleh pengguna lain. Keputusan Anda tidak disimpan; lihat status terbaru di bawah.";
    public const string InstitutionChangedMessage =
        "Data lembaga baru saja diubah oleh pengajuan lain yang diterapkan lebih dulu. Keputusan Anda tidak disimpan: " +
        "tinjau konflik data di bawah, lalu putuskan kembali.";
    private const string NotFoundMessage = "Pengajuan tidak ditemukan.";

    // ----- the operator -----

    /// <summary>
    /// Saves the operator's form as a new request or over their draft/rejected request (<paramref name="requestId"/>):
    /// only fields whose value differs from the institution's current value become rows. Invalid values are refused
    /// field by field (<see cref="InstitutionFields.Validate"/>) and nothing is saved. <paramref name="submit"/> sends
    /// it to the head, or straight to the district when the institution has no head account yet; otherwise it stays a draft.
    /// </summary>
    public async Task<ApprovalResult> SaveAsync(UserScope scope, int? requestId, IReadOnlyDictionary<string, string?> values, string? note, bool submit, int? revision = null)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is null)
            return ApprovalResult.Fail("Hanya operator lembaga yang dapat mengajukan perubahan data.");
        await using var db = await factory.CreateDbContextAsync();
        var institution = await db.Institutions.AsNoTracking().FirstAsync(i => i.Id == scope.InstitutionId);
        var current = InstitutionFields.ValuesOf(institution);
        var errors = InstitutionFields.Validate(values, note, current);
        if (errors.Count > 0) return ApprovalResult.Invalid(errors);
        var now = Now;

        ChangeRequest request;
        var before = Audience.None;
        var wasRejected = false;
        if (requestId is null)
        {
            request = new ChangeRequest
            {
                InstitutionId = institution.Id, CreatedByUserId = scope.UserId, CreatedByName = scope.FullName, CreatedUtc = now,
            };
            db.Add(request);
        }
        else
        {
            var found = await db.Set<ChangeRequest>().VisibleApprovals(scope).Include(r => r.Fields).FirstOrDefaultAsync(r => r.Id == requestId);
            if (found is null) return ApprovalResult.Fail(NotFoundMessage);
            if (!IsEditable(found.Status)) return ApprovalResult.Fail($"Pengajuan ini berstatus \"{found.Status.Label()}\" dan tidak dapat diubah lagi.");
            request = found;
            before = Audience.Of(found);
            wasRejected = found.Status is ChangeRequestStatus.RejectedByHead or ChangeRequestStatus.RejectedByDistrict;
            ExpectRevision(db, request, revision);
        }

        var changed = InstitutionFields.All
            .Where(f => values.ContainsKey(f.Key) && f.Normalize(values[f.Key]) != current[f.Key])
            .Select(f => new ChangeRequestField { FieldKey = f.Key, Label = f.Label, OldValue = current[f.Key], NewValue = f.Normalize(values[f.Key]) })
            .ToList();
        if (changed.Count == 0)
            return ApprovalResult.Fail("Tidak ada data yang berubah. Ubah minimal satu isian sebelum menyimpan.");

        var forwardDirectly = submit && !await HasHeadAccountAsync(db, institution.Id);
        db.RemoveRange(request.Fields);
        request.Fields = changed;
        request.OperatorNote = InstitutionFields.Normalize(note);
        request.DistrictReason = null;
        request.UpdatedUtc = now;
        request.Revision++;
        request.Status = !submit ? ChangeRequestStatus.Draft
            : forwardDirectly ? ChangeRequestStatus.WaitingForDistrict : ChangeRequestStatus.WaitingForHead;
        if (submit) request.SubmittedUtc = now;

        if (requestId is null) AddEvent(request, scope, ChangeRequestAction.Created);
        var action = !submit ? ChangeRequestAction.DraftSaved : wasRejected ? ChangeRequestAction.Resubmitted : ChangeRequestAction.Submitted;
        if (!(action == ChangeRequestAction.DraftSaved && requestId is null)) AddEvent(request, scope, action, reason: request.OperatorNote);
        if (forwardDirectly) AddEvent(request, scope, ChangeRequestAction.ForwardedToDistrict, reason: NoHeadAccountNote);

        var changes = string.Join(", ", changed.Select(f => f.Label));
        try
        {
            // Saved first so the audit entry and the emails can name the request's number; one transaction for all.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            PublishAfterCommit(db, institution, request, before);
            audit.Record(db, scope, submit ? (wasRejected ? "approvals.resubmitted" : "approvals.submitted") : "approvals.draft-saved",
                $"{action.Label()}: pengajuan #{request.Id}, perubahan {changes} untuk {institution.Name}." + (forwardDirectly ? $" {NoHeadAccountNote}" : ""),
                institution.Id, institution.DistrictId, nameof(ChangeRequest), request.Id);
            if (forwardDirectly)
                await EmailDistrictAsync(db, institution, request, submittedBy: scope.FullName, forwardedByHead: null);
            else if (submit)
                await EmailHeadsAsync(db, institution, request, submittedBy: scope.FullName);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApprovalResult.Fail(ConcurrencyMessage);
        }
        return ApprovalResult.Ok(request.Id);
    }

    /// <summary>
    /// Withdraws a draft or a submitted request nobody has acted on yet, or closes a rejected request the operator
    /// does not want to revise: either way it stops waiting for anyone.
    /// </summary>
    public async Task<ApprovalResult> WithdrawAsync(UserScope scope, int requestId, int? revision = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var request = await Load(db, scope, requestId);
        if (request is null || scope.Role != Roles.Operator) return ApprovalResult.Fail(NotFoundMessage);
        if (!IsWithdrawable(request))
            return ApprovalResult.Fail("Pengajuan ini sudah diproses sehingga tidak dapat ditarik kembali.");
        var before = Audience.Of(request);
        var closing = request.Status is ChangeRequestStatus.RejectedByHead or ChangeRequestStatus.RejectedByDistrict;
        ExpectRevision(db, request, revision);
        request.Status = ChangeRequestStatus.Withdrawn;
        Touch(request);
        AddEvent(request, scope, closing ? ChangeRequestAction.Closed : ChangeRequestAction.Withdrawn);
        audit.Record(db, scope, closing ? "approvals.closed" : "approvals.withdrawn",
            $"Pengajuan perubahan #{request.Id} untuk {request.Institution.Name} {(closing ? "ditutup setelah ditolak" : "ditarik kembali")}.",
            request.InstitutionId, request.Institution.DistrictId, nameof(ChangeRequest), request.Id);
        PublishAfterCommit(db, request.Institution, request, before);
        if (!await TrySaveAsync(db)) return ApprovalResult.Fail(ConcurrencyMessage);
        return ApprovalResult.Ok(request.Id);
    }

    // ----- the head of the institution -----

    /// <summary>
    /// The head's decision on every field (a rejection needs a reason). Approved fields go to the district; when every
    /// field is rejected the request returns to the operator. <paramref name="revision"/> is the revision the head saw.
    /// </summary>
    public async Task<ApprovalResult> HeadDecideAsync(UserScope scope, int requestId, int revision, IReadOnlyList<FieldDecisionInput> decisions)
    {
        await using var db = await factory.CreateDbContextAsync();
        var request = await Load(db, scope, requestId);
        if (request is null || scope.Role != Roles.KepalaMadrasah) return ApprovalResult.Fail(NotFoundMessage);
        if (request.Status != ChangeRequestStatus.WaitingForHead || request.Revision != revision)
            return ApprovalResult.Fail(request.Status == ChangeRequestStatus.WaitingForHead ? ConcurrencyMessage : AlreadyDecided(request));

        foreach (var field in request.Fields)
        {
            var decision = decisions.FirstOrDefault(d => d.FieldId == field.Id);
            if (decision is null) return ApprovalResult.Fail($"Pilih Setujui atau Tolak untuk isian {field.Label}.");
            if (!decision.Approve && TextRules.Check(decision.Reason, $"Alasan penolakan untuk {field.Label}", ChangeRequest.ReasonMaxLength, required: true) is { } reasonError)
                return ApprovalResult.Fail(reasonError);
        }
        var approvedKeys = request.Fields.Where(f => decisions.First(d => d.FieldId == f.Id).Approve).Select(f => f.FieldKey).ToHashSet();
        var conflicts = Conflicts(request, approvedKeys);
        if (conflicts.Count > 0) return ConflictFailure(conflicts, byDistrict: false);

        var before = Audience.Of(request);
        ExpectRevision(db, request, revision);
        foreach (var field in request.Fields.OrderBy(f => Order(f.FieldKey)))
        {
            var decision = decisions.First(d => d.FieldId == field.Id);
            field.HeadDecision = decision.Approve ? FieldDecision.Approved : FieldDecision.Rejected;
            field.HeadReason = decision.Approve ? null : decision.Reason!.Trim();
            AddEvent(request, scope, decision.Approve ? ChangeRequestAction.HeadApprovedField : ChangeRequestAction.HeadRejectedField, field.Label, field.HeadReason);
        }
        Touch(request);
        var institution = request.Institution;
        if (approvedKeys.Count > 0)
        {
            request.Status = ChangeRequestStatus.WaitingForDistrict;
            AddEvent(request, scope, ChangeRequestAction.ForwardedToDistrict);
            await EmailDistrictAsync(db, institution, request, await SubmitterAsync(db, request), forwardedByHead: scope.FullName);
        }
        else
        {
            request.Status = ChangeRequestStatus.RejectedByHead;
            AddEvent(request, scope, ChangeRequestAction.ReturnedToOperator);
            await EmailOperatorAsync(db, institution, request);
        }
        var approved = request.Fields.Where(f => f.HeadDecision == FieldDecision.Approved).Select(f => f.Label).ToList();
        var rejected = request.Fields.Where(f => f.HeadDecision == FieldDecision.Rejected).Select(f => f.Label).ToList();
        audit.Record(db, scope, approvedKeys.Count > 0 ? "approvals.head-forwarded" : "approvals.head-rejected",
            $"Kepala Madrasah memutuskan pengajuan #{request.Id}: disetujui [{string.Join(", ", approved)}], ditolak [{string.Join(", ", rejected)}].",
            institution.Id, institution.DistrictId, nameof(ChangeRequest), request.Id);

        PublishAfterCommit(db, institution, request, before);
        if (!await TrySaveAsync(db)) return ApprovalResult.Fail(ConcurrencyMessage);
        return ApprovalResult.Ok(request.Id);
    }

    // ----- the district -----

    /// <summary>
    /// The district's decision on the forwarded fields (all but those the head rejected). Approval writes them into the
    /// institution in one transaction (guarded by <see cref="Institution.Version"/>) with the receipt's number and row, and
    /// draws the receipt's PDF after the commit (never inside the transaction); a field whose current value no longer
    /// equals its old value is a conflict and blocks the approval. A rejection needs a reason.
    /// </summary>
    public async Task<ApprovalResult> DistrictDecideAsync(UserScope scope, int requestId, int revision, bool approve, string? reason)
    {
        await using var db = await factory.CreateDbContextAsync();
        var request = await Load(db, scope, requestId);
        if (request is null || scope.Role != Roles.AdminKabKota) return ApprovalResult.Fail(NotFoundMessage);
        if (request.Status != ChangeRequestStatus.WaitingForDistrict || request.Revision != revision)
            return ApprovalResult.Fail(request.Status == ChangeRequestStatus.WaitingForDistrict ? ConcurrencyMessage : AlreadyDecided(request));
        reason = InstitutionFields.Normalize(reason);
        if (!approve && reason is null) return ApprovalResult.Fail("Alasan penolakan wajib diisi.");
        if (TextRules.Check(reason, "Alasan penolakan", ChangeRequest.ReasonMaxLength) is { } reasonError) return ApprovalResult.Fail(reasonError);

        var forwarded = request.Fields.Where(f => f.HeadDecision != FieldDecision.Rejected).OrderBy(f => Order(f.FieldKey)).ToList();
        var institution = request.Institution;
        if (approve)
        {
            var conflicts = Conflicts(request, forwarded.Select(f => f.FieldKey).ToHashSet());
            if (conflicts.Count > 0) return ConflictFailure(conflicts, byDistrict: true);
        }

        var before = Audience.Of(request);
        ExpectRevision(db, request, revision);
        Touch(request);
        foreach (var field in forwarded)
        {
            field.DistrictDecision = approve ? FieldDecision.Approved : FieldDecision.Rejected;
            field.DistrictReason = approve ? null : reason;
        }

        int? receiptId = null;
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            if (approve)
            {
                AddEvent(request, scope, ChangeRequestAction.DistrictApproved, reason: reason);
                var institutionName = institution.Name;
                var written = new List<string>();
                foreach (var field in forwarded)
                {
                    var target = InstitutionFields.Find(field.FieldKey)!;
                    written.Add($"{field.Label} {AuditValue(target.Normalize(target.Read(institution)))} → {AuditValue(field.NewValue)}");
                    target.Write(institution, field.NewValue);
                }
                institution.Version++;
                request.Status = ChangeRequestStatus.Applied;
                AddEvent(request, scope, ChangeRequestAction.Applied);
                audit.Record(db, scope, "approvals.applied",
                    $"Admin Kabupaten/Kota menyetujui dan menerapkan pengajuan #{request.Id} untuk {institutionName}: {string.Join("; ", written)}.",
                    institution.Id, institution.DistrictId, nameof(ChangeRequest), request.Id);
                await db.SaveChangesAsync();
                var history = await db.Set<ChangeRequestEvent>().AsNoTracking().Where(e => e.ChangeRequestId == request.Id).OrderBy(e => e.Id).ToListAsync();
                // The number and the row join this transaction (no gaps); the PDF is drawn after the commit, below.
                var receipt = await receipts.AddAsync(db, ReceiptRequestFor(request, forwarded, history), scope.FullName);
                request.ReceiptNumber = receipt.Number;
                receiptId = receipt.Id;
            }
            else
            {
                request.Status = ChangeRequestStatus.RejectedByDistrict;
                request.DistrictReason = reason;
                AddEvent(request, scope, ChangeRequestAction.DistrictRejected, reason: reason);
                audit.Record(db, scope, "approvals.district-rejected",
                    $"Admin Kabupaten/Kota menolak pengajuan #{request.Id} untuk {institution.Name}: {reason}",
                    institution.Id, institution.DistrictId, nameof(ChangeRequest), request.Id);
            }
            await EmailOperatorAsync(db, institution, request);
            PublishAfterCommit(db, institution, request, before, applied: approve);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            await transaction.RollbackAsync();
            // The request's own token failed: someone decided it. Only the institution's token failed: another
            // request of the same institution was applied in between, which may have changed these fields.
            var institutionChanged = ex.Entries.Any(e => e.Entity is Institution) && !ex.Entries.Any(e => e.Entity is ChangeRequest);
            return ApprovalResult.Fail(institutionChanged ? InstitutionChangedMessage : ConcurrencyMessage);
        }
        if (receiptId is { } id) await receipts.TryDrawAsync(id);
        return ApprovalResult.Ok(request.Id);
    }

    // ----- helpers -----

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static bool IsEditable(ChangeRequestStatus status) =>
        status is ChangeRequestStatus.Draft or ChangeRequestStatus.RejectedByHead or ChangeRequestStatus.RejectedByDistrict;

    /// <summary>
    /// A draft, a rejected request (closing it), or a submitted one nobody has acted on: still with the head, or sent
    /// straight to the district because the institution had no head account (no head decision on any field) and the
    /// district has not decided yet (it would no longer be waiting).
    /// </summary>
    private static bool IsWithdrawable(ChangeRequest request) =>
        request.Status is ChangeRequestStatus.Draft or ChangeRequestStatus.RejectedByHead or ChangeRequestStatus.RejectedByDistrict
        || (request.Status is ChangeRequestStatus.WaitingForHead or ChangeRequestStatus.WaitingForDistrict
            && request.Fields.All(f => f.HeadDecision == FieldDecision.Pending && f.DistrictDecision == FieldDecision.Pending));

    private static int Order(string key)
    {
        for (var i = 0; i < InstitutionFields.All.Count; i++) if (InstitutionFields.All[i].Key == key) return i;
        return int.MaxValue;
    }

    /// <summary>A value in an audit entry: quoted, "—" when empty, long texts shortened.</summary>
    private static string AuditValue(string? value) =>
        value is null ? "—" : value.Length <= 120 ? $"\"{value}\"" : $"\"{value[..119]}…\"";

    private static string AlreadyDecided(ChangeRequest request) =>
        $"Pengajuan ini sudah tidak menunggu keputusan Anda (status: {request.Status.Label()}).";

    private static Task<ChangeRequest?> Load(MadrasahDbContext db, UserScope scope, int requestId) =>
        db.Set<ChangeRequest>().VisibleApprovals(scope).Include(r => r.Institution).Include(r => r.Fields)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == requestId);

    /// <summary>Fields among <paramref name="keys"/> whose current institution value differs from the request's old value.</summary>
    private static List<string> Conflicts(ChangeRequest request, IReadOnlySet<string> keys)
    {
        var current = InstitutionFields.ValuesOf(request.Institution);
        return request.Fields.Where(f => keys.Contains(f.FieldKey) && current[f.FieldKey] != f.OldValue)
            .OrderBy(f => Order(f.FieldKey)).Select(f => f.Label).ToList();
    }

    /// <summary>The head can reject the conflicting fields alone; the district can only reject the whole request.</summary>
    private static ApprovalResult ConflictFailure(List<string> conflicts, bool byDistrict) => ApprovalResult.Fail(
        $"Data lembaga sudah berubah sejak pengajuan ini dibuat ({string.Join(", ", conflicts)}). " +
        "Nilai lama pada pengajuan tidak lagi sama dengan data saat ini, sehingga perubahan tidak dapat disetujui tanpa ditinjau: " +
        (byDistrict
            ? "tolak pengajuan ini dengan alasan agar operator memperbarui pengajuannya."
            : "tolak isian tersebut dengan alasan agar operator memperbaruinya; isian lain tetap dapat Anda setujui."),
        conflicts);

    /// <summary>The decision counts only if the request still has the revision the user saw (optimistic concurrency).</summary>
    private static void ExpectRevision(MadrasahDbContext db, ChangeRequest request, int? revision)
    {
        if (revision is { } seen) db.Entry(request).Property(r => r.Revision).OriginalValue = seen;
    }

    private void Touch(ChangeRequest request)
    {
        request.Revision++;
        request.UpdatedUtc = Now;
    }

    private void AddEvent(ChangeRequest request, UserScope actor, ChangeRequestAction action, string? field = null, string? reason = null) =>
        request.Events.Add(new ChangeRequestEvent
        {
            OccurredUtc = Now, ActorUserId = actor.UserId, ActorName = actor.FullName, ActorRole = Roles.Label(actor.Role),
            Action = action, FieldLabel = field, Reason = reason,
        });

    private static async Task<bool> TrySaveAsync(MadrasahDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Who could see a request: the head's and the district's inboxes are woken only when the request is (or was) theirs.</summary>
    private readonly record struct Audience(bool Head, bool District)
    {
        public static readonly Audience None = new(false, false);
        public static Audience Of(ChangeRequest request) => new(ApprovalVisibility.SeenByHead(request), ApprovalVisibility.SeenByDistrict(request));
    }

    /// <summary>
    /// The topics of the inboxes that showed the request before this change or show it after it (the shared inbox reads
    /// forget them first, see <see cref="ApprovalReadCache"/>); an applied change also wakes the institution's profile.
    /// The emails wake the sender by themselves.
    /// </summary>
    private static void PublishAfterCommit(MadrasahDbContext db, Institution institution, ChangeRequest request, Audience before, bool applied = false)
    {
        var after = Audience.Of(request);
        var topics = new List<string> { ApprovalTopics.Institution(institution.Id) };
        if (before.Head || after.Head) topics.Add(ApprovalTopics.Head(institution.Id));
        if (before.District || after.District) topics.Add(ApprovalTopics.District(institution.DistrictId));
        topics.Add(ApprovalTopics.Request(request.Id));
        if (applied) topics.Add(LiveTopics.Institution(institution.Id));
        db.PublishAfterCommit(topics);
    }
}
