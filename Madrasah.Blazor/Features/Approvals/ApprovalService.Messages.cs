using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>What the approval chain sends out: the emails to whoever acts next, and the receipt of an applied change.</summary>
public sealed partial class ApprovalService
{
    private const string NoHeadAccountNote =
        "Diteruskan langsung ke Kabupaten/Kota karena lembaga belum memiliki akun Kepala Madrasah yang terdaftar.";

    private ReceiptRequest ReceiptRequestFor(ChangeRequest request, IReadOnlyList<ChangeRequestField> applied, IReadOnlyList<ChangeRequestEvent> history)
    {
        var institution = request.Institution;
        var forwarded = history.LastOrDefault(e => e.Action is ChangeRequestAction.ForwardedToDistrict);
        var head = forwarded?.ActorRole == Roles.Label(Roles.KepalaMadrasah) ? forwarded : null;
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
                new("Kepala Madrasah", head is not null ? $"{head.ActorName}, {Wib.Format(head.OccurredUtc)}"
                    : forwarded is not null ? "— (lembaga belum memiliki akun Kepala Madrasah)" : "—"),
                new("Admin Kabupaten/Kota", district is null ? "—" : $"{district.ActorName}, {Wib.Format(district.OccurredUtc)}"),
            ]),
        ]);
    }

    private sealed record Recipient(string Email, string FullName);

    private static IQueryable<ApplicationUser> UsersInRole(MadrasahDbContext db, string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select u;

    /// <summary>A head can decide only with an account bound to the institution whose email is confirmed.</summary>
    private static Task<bool> HasHeadAccountAsync(MadrasahDbContext db, int institutionId) =>
        UsersInRole(db, Roles.KepalaMadrasah).AnyAsync(u => u.InstitutionId == institutionId && u.EmailConfirmed);

    /// <summary>Who submitted the request as it stands: the actor of its last submission (another operator may have revised it).</summary>
    private static async Task<string> SubmitterAsync(MadrasahDbContext db, ChangeRequest request) =>
        await db.Set<ChangeRequestEvent>().AsNoTracking()
            .Where(e => e.ChangeRequestId == request.Id && (e.Action == ChangeRequestAction.Submitted || e.Action == ChangeRequestAction.Resubmitted))
            .OrderByDescending(e => e.Id).Select(e => e.ActorName).FirstOrDefaultAsync()
        ?? request.CreatedByName;

    /// <summary>Only heads who can decide are told: an account bound to the institution whose email is confirmed.</summary>
    private async Task EmailHeadsAsync(MadrasahDbContext db, Institution institution, ChangeRequest request, string submittedBy)
    {
        var heads = await UsersInRole(db, Roles.KepalaMadrasah).Where(u => u.InstitutionId == institution.Id && u.EmailConfirmed && u.Email != null)
            .Select(u => new Recipient(u.Email!, u.FullName)).ToListAsync();
        foreach (var head in heads)
            await EnqueueWaitingAsync(db, head, institution, request, submittedBy, forwardedByHead: null, toDistrict: false);
    }

    /// <summary>
    /// The district's admins with an active account (email confirmed): the request was forwarded by the head (<paramref name="forwardedByHead"/>), or, when that is
    /// null, straight from the operator because the institution has no head account.
    /// </summary>
    private async Task EmailDistrictAsync(MadrasahDbContext db, Institution institution, ChangeRequest request, string submittedBy, string? forwardedByHead)
    {
        var admins = await UsersInRole(db, Roles.AdminKabKota).Where(u => u.DistrictId == institution.DistrictId && u.EmailConfirmed && u.Email != null)
            .Select(u => new Recipient(u.Email!, u.FullName)).ToListAsync();
        foreach (var admin in admins)
            await EnqueueWaitingAsync(db, admin, institution, request, submittedBy, forwardedByHead, toDistrict: true);
    }

    private Task EnqueueWaitingAsync(MadrasahDbContext db, Recipient to, Institution institution, ChangeRequest request,
        string submittedBy, string? forwardedByHead, bool toDistrict) =>
        outbox.EnqueueAsync<ChangeRequestWaitingEmail>(db, to.Email, to.FullName,
            $"Perubahan data {institution.Name} menunggu persetujuan Anda", new Dictionary<string, object?>
            {
                [nameof(ChangeRequestWaitingEmail.RecipientName)] = to.FullName,
                [nameof(ChangeRequestWaitingEmail.InstitutionName)] = institution.Name,
                [nameof(ChangeRequestWaitingEmail.SubmittedBy)] = submittedBy,
                [nameof(ChangeRequestWaitingEmail.ForwardedByHead)] = forwardedByHead,
                [nameof(ChangeRequestWaitingEmail.ToDistrict)] = toDistrict,
                [nameof(ChangeRequestWaitingEmail.Rows)] = EmailRows(request.Fields.Where(f => f.HeadDecision != FieldDecision.Rejected)),
                [nameof(ChangeRequestWaitingEmail.RequestId)] = request.Id,
                [nameof(ChangeRequestWaitingEmail.OperatorNote)] = request.OperatorNote,
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
