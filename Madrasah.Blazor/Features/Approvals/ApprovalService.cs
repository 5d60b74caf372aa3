using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// The approval chain of institution data: the operator drafts, submits, withdraws or revises a change request;
/// the head decides field by field; the district approves (applies, in one transaction) or rejects. Every step
/// writes the timeline, the audit log, the emails for whoever acts next, and publishes live topics after commit.
/// </summary>
public sealed class ApprovalService(
    IDbContextFactory<MadrasahDbContext> factory,
    AuditLog audit,
    EmailOutbox outbox,
    LiveNotifier notifier,
    ReceiptService receipts,
    TimeProvider clock)
{
    public static readonly ReceiptKind ReceiptKind = new("institution-change", "BPD", "Bukti Perubahan Data");

    public const string ConcurrencyMessage =
        "Pengajuan ini baru saja diputuskan atau diubah oleh pengguna lain. Keputusan Anda tidak disimpan; lihat status terbaru di bawah.";
    private const string NotFoundMessage = "Pengajuan tidak ditemukan.";

    // ----- reading -----

    /// <summary>The current values to start a form with: the draft's/rejected request's new values over the institution's data.</summary>
    public async Task<Dictionary<string, string?>?> GetFormValuesAsync(UserScope scope, int? requestId = null)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is null) return null;
        await using var db = await factory.CreateDbContextAsync();
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == scope.InstitutionId);
        if (institution is null) return null;
        var values = InstitutionFields.ValuesOf(institution);
        if (requestId is null) return values;
        var request = await db.Set<ChangeRequest>().VisibleTo(scope).AsNoTracking().Include(r => r.Fields).FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null || !IsEditable(request.Status)) return null;
        foreach (var field in request.Fields) values[field.FieldKey] = field.NewValue;
        return values;
    }

    public async Task<string?> GetNoteAsync(UserScope scope, int requestId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Set<ChangeRequest>().VisibleTo(scope).Where(r => r.Id == requestId).Select(r => r.OperatorNote).FirstOrDefaultAsync();
    }

    public async Task<IReadOnlyList<ChangeRequestListItem>> ListAsync(UserScope scope, ChangeRequestFilter? filter = null)
    {
        filter ??= new();
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Set<ChangeRequest>().VisibleTo(scope).AsNoTracking();
        if (filter.InstitutionId is { } institutionId) query = query.Where(r => r.InstitutionId == institutionId);
        if (filter.Status is { } status) query = query.Where(r => r.Status == status);
        if (filter.From is { } from) { var fromUtc = Wib.ToUtc(from.ToDateTime(TimeOnly.MinValue)); query = query.Where(r => r.SubmittedUtc >= fromUtc); }
        if (filter.To is { } to) { var toUtc = Wib.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); query = query.Where(r => r.SubmittedUtc < toUtc); }
        var rows = await query.OrderByDescending(r => r.UpdatedUtc).ThenByDescending(r => r.Id).Take(500)
            .Select(r => new { r.Id, r.InstitutionId, r.Institution.Name, r.Status, r.CreatedByName, r.SubmittedUtc, r.UpdatedUtc, Labels = r.Fields.OrderBy(f => f.Id).Select(f => f.Label).ToList() })
            .ToListAsync();
        return rows.Select(r => new ChangeRequestListItem(r.Id, r.InstitutionId, r.Name, r.Status, r.CreatedByName, r.SubmittedUtc, r.UpdatedUtc, r.Labels)).ToList();
    }

    /// <summary>What waits for this user: the head's and the district's pending decisions, the operator's rejected requests.</summary>
    public async Task<int> CountPendingAsync(UserScope scope)
    {
        var waiting = WaitingStatusesFor(scope);
        if (waiting.Length == 0) return 0;
        await using var db = await factory.CreateDbContextAsync();
        return await db.Set<ChangeRequest>().VisibleTo(scope).CountAsync(r => waiting.Contains(r.Status));
    }

    public static ChangeRequestStatus[] WaitingStatusesFor(UserScope scope) => scope.Role switch
    {
        Roles.KepalaMadrasah => [ChangeRequestStatus.WaitingForHead],
        Roles.AdminKabKota => [ChangeRequestStatus.WaitingForDistrict],
        Roles.Operator => [ChangeRequestStatus.RejectedByHead, ChangeRequestStatus.RejectedByDistrict],
        _ => [],
    };

    /// <summary>The request, or null when it does not exist or lies outside the user's scope (pages say "not found" for both).</summary>
    public async Task<ChangeRequestDetail?> GetAsync(UserScope scope, int requestId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var request = await db.Set<ChangeRequest>().VisibleTo(scope).AsNoTracking()
            .Include(r => r.Institution).Include(r => r.Fields).Include(r => r.Events)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return null;
        var current = InstitutionFields.ValuesOf(request.Institution);
        var pending = request.Status is ChangeRequestStatus.WaitingForHead or ChangeRequestStatus.WaitingForDistrict;
        var fields = request.Fields.OrderBy(f => Order(f.FieldKey)).Select(f =>
        {
            var now = current.GetValueOrDefault(f.FieldKey);
            var conflict = pending && f.HeadDecision != FieldDecision.Rejected && now != f.OldValue;
            return new ChangeFieldView(f.Id, f.FieldKey, f.Label, f.OldValue, f.NewValue, now, f.HeadDecision, f.HeadReason, f.DistrictDecision, f.DistrictReason, conflict);
        }).ToList();
        var timeline = request.Events.OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.OccurredUtc, e.ActorName, e.ActorRole, e.Action, e.FieldLabel, e.Reason)).ToList();
        var ownInstitution = scope.InstitutionId == request.InstitutionId;
        return new ChangeRequestDetail(
            request.Id, request.InstitutionId, request.Institution.Name, request.Institution.DistrictId, request.Status, request.OperatorNote,
            request.CreatedByName, request.CreatedUtc, request.SubmittedUtc, request.Revision, request.DistrictReason, request.ReceiptNumber,
            fields, timeline,
            CanEdit: scope.Role == Roles.Operator && ownInstitution && IsEditable(request.Status),
            CanWithdraw: scope.Role == Roles.Operator && ownInstitution && IsWithdrawable(request),
            CanHeadDecide: scope.Role == Roles.KepalaMadrasah && ownInstitution && request.Status == ChangeRequestStatus.WaitingForHead,
            CanDistrictDecide: scope.Role == Roles.AdminKabKota && scope.DistrictId == request.Institution.DistrictId && request.Status == ChangeRequestStatus.WaitingForDistrict);
    }

    // ----- the operator -----

    /// <summary>
    /// Saves the operator's form as a new request or over their draft/rejected request (<paramref name="requestId"/>):
    /// only fields whose value differs from the institution's current value become rows. <paramref name="submit"/>
    /// sends it to the head; otherwise it stays a draft.
    /// </summary>
    public async Task<ApprovalResult> SaveAsync(UserScope scope, int? requestId, IReadOnlyDictionary<string, string?> values, string? note, bool submit, int? revision = null)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is null)
            return ApprovalResult.Fail("Hanya operator lembaga yang dapat mengajukan perubahan data.");
        await using var db = await factory.CreateDbContextAsync();
        var institution = await db.Institutions.AsNoTracking().FirstAsync(i => i.Id == scope.InstitutionId);
        var now = Now;

        ChangeRequest request;
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
            var found = await db.Set<ChangeRequest>().VisibleTo(scope).Include(r => r.Fields).FirstOrDefaultAsync(r => r.Id == requestId);
            if (found is null) return ApprovalResult.Fail(NotFoundMessage);
            if (!IsEditable(found.Status)) return ApprovalResult.Fail($"Pengajuan ini berstatus \"{found.Status.Label()}\" dan tidak dapat diubah lagi.");
            request = found;
            wasRejected = found.Status is ChangeRequestStatus.RejectedByHead or ChangeRequestStatus.RejectedByDistrict;
            ExpectRevision(db, request, revision);
        }

        var current = InstitutionFields.ValuesOf(institution);
        var changed = InstitutionFields.All
            .Where(f => values.ContainsKey(f.Key) && InstitutionFields.Normalize(values[f.Key]) != current[f.Key])
            .Select(f => new ChangeRequestField
            {
                FieldKey = f.Key, Label = f.Label, OldValue = current[f.Key], NewValue = InstitutionFields.Normalize(values[f.Key]),
            }).ToList();
        if (changed.Count == 0)
            return ApprovalResult.Fail("Tidak ada data yang berubah. Ubah minimal satu isian sebelum menyimpan.");

        db.RemoveRange(request.Fields);
        request.Fields = changed;
        request.OperatorNote = InstitutionFields.Normalize(note);
        request.DistrictReason = null;
        request.UpdatedUtc = now;
        request.Revision++;
        request.Status = submit ? ChangeRequestStatus.WaitingForHead : ChangeRequestStatus.Draft;
        if (submit) request.SubmittedUtc = now;

        if (requestId is null) AddEvent(request, scope, ChangeRequestAction.Created);
        var action = !submit ? ChangeRequestAction.DraftSaved : wasRejected ? ChangeRequestAction.Resubmitted : ChangeRequestAction.Submitted;
        if (!(action == ChangeRequestAction.DraftSaved && requestId is null)) AddEvent(request, scope, action, reason: request.OperatorNote);

        var changes = string.Join(", ", changed.Select(f => f.Label));
        try
        {
            // Saved first so the audit entry and the emails can name the request's number; one transaction for all.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            audit.Record(db, scope, submit ? (wasRejected ? "approvals.resubmitted" : "approvals.submitted") : "approvals.draft-saved",
                $"{action.Label()}: pengajuan #{request.Id}, perubahan {changes} untuk {institution.Name}.",
                institution.Id, institution.DistrictId, nameof(ChangeRequest), request.Id);
            if (submit)
                await EmailHeadsAsync(db, institution, request, scope.FullName);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApprovalResult.Fail(ConcurrencyMessage);
        }
        Published(institution, request.Id, emailed: submit);
        return ApprovalResult.Ok(request.Id);
    }

    /// <summary>Withdraws a draft, or a submitted request nobody has acted on yet.</summary>
    public async Task<ApprovalResult> WithdrawAsync(UserScope scope, int requestId, int? revision = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var request = await Load(db, scope, requestId);
        if (request is null || scope.Role != Roles.Operator) return ApprovalResult.Fail(NotFoundMessage);
        if (!IsWithdrawable(request))
            return ApprovalResult.Fail("Pengajuan ini sudah diproses sehingga tidak dapat ditarik kembali.");
        ExpectRevision(db, request, revision);
        request.Status = ChangeRequestStatus.Withdrawn;
        Touch(request);
        AddEvent(request, scope, ChangeRequestAction.Withdrawn);
        audit.Record(db, scope, "approvals.withdrawn", $"Pengajuan perubahan #{request.Id} untuk {request.Institution.Name} ditarik kembali.",
            request.InstitutionId, request.Institution.DistrictId, nameof(ChangeRequest), request.Id);
        if (!await TrySaveAsync(db)) return ApprovalResult.Fail(ConcurrencyMessage);
        Published(request.Institution, request.Id, emailed: false);
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
            if (!decision.Approve && string.IsNullOrWhiteSpace(decision.Reason))
                return ApprovalResult.Fail($"Alasan penolakan untuk {field.Label} wajib diisi.");
        }
        var approvedKeys = request.Fields.Where(f => decisions.First(d => d.FieldId == f.Id).Approve).Select(f => f.FieldKey).ToHashSet();
        var conflicts = Conflicts(request, approvedKeys);
        if (conflicts.Count > 0) return ConflictFailure(conflicts);

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
            await EmailDistrictAsync(db, institution, request, scope.FullName);
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

        if (!await TrySaveAsync(db)) return ApprovalResult.Fail(ConcurrencyMessage);
        Published(institution, request.Id, emailed: true);
        return ApprovalResult.Ok(request.Id);
    }

    // ----- the district -----

    /// <summary>
    /// The district's decision on the fields the head approved. Approval writes them into the institution in one
    /// transaction (guarded by <see cref="Institution.Version"/>) and issues the receipt; a field whose current
    /// value no longer equals its old value is a conflict and blocks the approval. A rejection needs a reason.
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

        var forwarded = request.Fields.Where(f => f.HeadDecision == FieldDecision.Approved).OrderBy(f => Order(f.FieldKey)).ToList();
        var institution = request.Institution;
        if (approve)
        {
            var conflicts = Conflicts(request, forwarded.Select(f => f.FieldKey).ToHashSet());
            if (conflicts.Count > 0) return ConflictFailure(conflicts);
        }

        ExpectRevision(db, request, revision);
        Touch(request);
        foreach (var field in forwarded)
        {
            field.DistrictDecision = approve ? FieldDecision.Approved : FieldDecision.Rejected;
            field.DistrictReason = approve ? null : reason;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            if (approve)
            {
                AddEvent(request, scope, ChangeRequestAction.DistrictApproved, reason: reason);
                foreach (var field in forwarded) InstitutionFields.Find(field.FieldKey)!.Write(institution, field.NewValue);
                institution.Version++;
                request.Status = ChangeRequestStatus.Applied;
                AddEvent(request, scope, ChangeRequestAction.Applied);
                audit.Record(db, scope, "approvals.applied",
                    $"Admin Kabupaten/Kota menyetujui dan menerapkan pengajuan #{request.Id} untuk {institution.Name}: {string.Join(", ", forwarded.Select(f => f.Label))}.",
                    institution.Id, institution.DistrictId, nameof(ChangeRequest), request.Id);
                await db.SaveChangesAsync();
                var history = await db.Set<ChangeRequestEvent>().AsNoTracking().Where(e => e.ChangeRequestId == request.Id).OrderBy(e => e.Id).ToListAsync();
                var receipt = await receipts.IssueAsync(db, ReceiptRequestFor(request, forwarded, history), scope.FullName);
                request.ReceiptNumber = receipt.Number;
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
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            return ApprovalResult.Fail(ConcurrencyMessage);
        }
        Published(institution, request.Id, emailed: true, applied: approve);
        return ApprovalResult.Ok(request.Id);
    }

    // ----- helpers -----

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static bool IsEditable(ChangeRequestStatus status) =>
        status is ChangeRequestStatus.Draft or ChangeRequestStatus.RejectedByHead or ChangeRequestStatus.RejectedByDistrict;

    private static bool IsWithdrawable(ChangeRequest request) =>
        request.Status == ChangeRequestStatus.Draft
        || (request.Status == ChangeRequestStatus.WaitingForHead && request.Fields.All(f => f.HeadDecision == FieldDecision.Pending));

    private static int Order(string key)
    {
        for (var i = 0; i < InstitutionFields.All.Count; i++) if (InstitutionFields.All[i].Key == key) return i;
        return int.MaxValue;
    }

    private static string AlreadyDecided(ChangeRequest request) =>
        $"Pengajuan ini sudah tidak menunggu keputusan Anda (status: {request.Status.Label()}).";

    private static Task<ChangeRequest?> Load(MadrasahDbContext db, UserScope scope, int requestId) =>
        db.Set<ChangeRequest>().VisibleTo(scope).Include(r => r.Institution).Include(r => r.Fields)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == requestId);

    /// <summary>Fields among <paramref name="keys"/> whose current institution value differs from the request's old value.</summary>
    private static List<string> Conflicts(ChangeRequest request, IReadOnlySet<string> keys)
    {
        var current = InstitutionFields.ValuesOf(request.Institution);
        return request.Fields.Where(f => keys.Contains(f.FieldKey) && current[f.FieldKey] != f.OldValue)
            .OrderBy(f => Order(f.FieldKey)).Select(f => f.Label).ToList();
    }

    private static ApprovalResult ConflictFailure(List<string> conflicts) => ApprovalResult.Fail(
        $"Data lembaga sudah berubah sejak pengajuan ini dibuat ({string.Join(", ", conflicts)}). " +
        "Nilai lama pada pengajuan tidak lagi sama dengan data saat ini, sehingga perubahan tidak dapat disetujui tanpa ditinjau: " +
        "tolak isian tersebut agar operator memperbarui pengajuannya.", conflicts);

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

    private void Published(Institution institution, int requestId, bool emailed, bool applied = false)
    {
        if (emailed) outbox.Wake();
        var topics = new List<string> { ApprovalTopics.Institution(institution.Id), ApprovalTopics.District(institution.DistrictId), ApprovalTopics.Request(requestId) };
        if (applied) topics.Add(LiveTopics.Institution(institution.Id));
        notifier.Publish([.. topics]);
    }

    private ReceiptRequest ReceiptRequestFor(ChangeRequest request, IReadOnlyList<ChangeRequestField> applied, IReadOnlyList<ChangeRequestEvent> history)
    {
        var institution = request.Institution;
        var head = history.LastOrDefault(e => e.Action is ChangeRequestAction.ForwardedToDistrict);
        var district = history.LastOrDefault(e => e.Action is ChangeRequestAction.DistrictApproved);
        return new ReceiptRequest(ReceiptKind, institution.Id, institution.DistrictId, institution.Name,
        [
            new("Nomor Pengajuan", $"#{request.Id}"),
            new("Lembaga", institution.Name),
            new(institution.StatisticNumberLabel, institution.StatisticNumber),
            new("Diajukan oleh", $"{request.CreatedByName}, {(request.SubmittedUtc is { } s ? Wib.Format(s) : "—")}"),
            new("Diterapkan", Wib.Format(Now)),
        ],
        [
            new ReceiptSection("Perubahan", applied.Select(f => new ReceiptFact(f.Label, $"{f.OldValue ?? "—"} → {f.NewValue ?? "—"}")).ToList()),
            new ReceiptSection("Persetujuan",
            [
                new("Kepala Madrasah", head is null ? "—" : $"{head.ActorName}, {Wib.Format(head.OccurredUtc)}"),
                new("Admin Kabupaten/Kota", district is null ? "—" : $"{district.ActorName}, {Wib.Format(district.OccurredUtc)}"),
            ]),
        ]);
    }

    // ----- emails -----

    private sealed record Recipient(string Email, string FullName);

    private static Task<List<Recipient>> UsersInRole(MadrasahDbContext db, string role, int? institutionId, int? districtId) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role && u.Email != null
               && (institutionId == null || u.InstitutionId == institutionId)
               && (districtId == null || u.DistrictId == districtId)
         select new Recipient(u.Email!, u.FullName)).ToListAsync();

    private async Task EmailHeadsAsync(MadrasahDbContext db, Institution institution, ChangeRequest request, string fromName)
    {
        foreach (var head in await UsersInRole(db, Roles.KepalaMadrasah, institution.Id, null))
            await EnqueueWaitingAsync(db, head, institution, request, fromName, "Kepala Madrasah");
    }

    private async Task EmailDistrictAsync(MadrasahDbContext db, Institution institution, ChangeRequest request, string fromName)
    {
        foreach (var admin in await UsersInRole(db, Roles.AdminKabKota, null, institution.DistrictId))
            await EnqueueWaitingAsync(db, admin, institution, request, fromName, "Admin Kabupaten/Kota");
    }

    private Task EnqueueWaitingAsync(MadrasahDbContext db, Recipient to, Institution institution, ChangeRequest request, string fromName, string approverRole) =>
        outbox.EnqueueAsync<ChangeRequestWaitingEmail>(db, to.Email, to.FullName,
            $"Perubahan data {institution.Name} menunggu persetujuan Anda", new Dictionary<string, object?>
            {
                [nameof(ChangeRequestWaitingEmail.RecipientName)] = to.FullName,
                [nameof(ChangeRequestWaitingEmail.InstitutionName)] = institution.Name,
                [nameof(ChangeRequestWaitingEmail.FromName)] = fromName,
                [nameof(ChangeRequestWaitingEmail.ApproverRole)] = approverRole,
                [nameof(ChangeRequestWaitingEmail.Rows)] = EmailRows(request.Fields.Where(f => f.HeadDecision != FieldDecision.Rejected)),
                [nameof(ChangeRequestWaitingEmail.RequestId)] = request.Id,
            }, institution.Id);

    private async Task EmailOperatorAsync(MadrasahDbContext db, Institution institution, ChangeRequest request)
    {
        var email = await db.Users.Where(u => u.Id == request.CreatedByUserId).Select(u => u.Email).FirstOrDefaultAsync();
        if (string.IsNullOrEmpty(email)) return;
        await outbox.EnqueueAsync<ChangeRequestOutcomeEmail>(db, email, request.CreatedByName,
            $"Pengajuan perubahan data {institution.Name}: {request.Status.Label()}", new Dictionary<string, object?>
            {
                [nameof(ChangeRequestOutcomeEmail.RecipientName)] = request.CreatedByName,
                [nameof(ChangeRequestOutcomeEmail.InstitutionName)] = institution.Name,
                [nameof(ChangeRequestOutcomeEmail.RequestId)] = request.Id,
                [nameof(ChangeRequestOutcomeEmail.Outcome)] = request.Status.Label(),
                [nameof(ChangeRequestOutcomeEmail.Rows)] = request.Fields.OrderBy(f => Order(f.FieldKey)).Select(f => new ChangeEmailRow(
                    f.Label, f.OldValue, f.NewValue,
                    f.HeadDecision == FieldDecision.Rejected ? $"Ditolak Kepala Madrasah: {f.HeadReason}"
                    : f.DistrictDecision == FieldDecision.Rejected ? $"Ditolak Kabupaten/Kota: {f.DistrictReason}"
                    : f.DistrictDecision == FieldDecision.Approved ? "Diterapkan" : f.HeadDecision.Label())).ToList(),
            }, institution.Id);
    }

    private static List<ChangeEmailRow> EmailRows(IEnumerable<ChangeRequestField> fields) =>
        fields.OrderBy(f => Order(f.FieldKey)).Select(f => new ChangeEmailRow(f.Label, f.OldValue, f.NewValue, null)).ToList();
}

/// <summary>One field in an approvals email: label, old → new, and the decision when there is one.</summary>
public sealed record ChangeEmailRow(string Label, string? OldValue, string? NewValue, string? Decision);
