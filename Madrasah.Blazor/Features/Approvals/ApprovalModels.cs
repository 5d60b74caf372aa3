using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Time;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// The outcome of an action: success (with the request's id), or an Indonesian message with any conflicting fields
/// and, for invalid input, the message of each field (field key → message).
/// </summary>
public sealed record ApprovalResult(
    bool Succeeded, string? Error = null, int? RequestId = null, IReadOnlyList<string>? Conflicts = null,
    IReadOnlyDictionary<string, string>? FieldErrors = null)
{
    public static ApprovalResult Ok(int id) => new(true, RequestId: id);
    public static ApprovalResult Fail(string error, IReadOnlyList<string>? conflicts = null) => new(false, error, Conflicts: conflicts);
    public static ApprovalResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(false, $"Periksa kembali isian berikut. {string.Join(" ", errors.Values)}", FieldErrors: errors);
}

/// <summary>The head's decision on one field: approve, or reject with a reason.</summary>
public sealed record FieldDecisionInput(int FieldId, bool Approve, string? Reason = null);

/// <summary>
/// Filters of an inbox; every filter is optional. Dates are WIB calendar days of submission, both included;
/// <see cref="Search"/> as <see cref="ChangeRequestListQuery.Matching"/> reads it; <see cref="Sort"/> null is newest change first.
/// </summary>
public sealed record ChangeRequestFilter(
    int? InstitutionId = null, ChangeRequestStatus? Status = null, DateOnly? From = null, DateOnly? To = null,
    string? Search = null, ChangeRequestSort? Sort = null)
{
    /// <summary>The labels of the district inbox's date fields, as the message below names them.</summary>
    public const string FromLabel = "Diajukan dari", ToLabel = "Diajukan sampai";

    /// <summary>Null, or why the dates cannot match anything: "from" after "to" (a list would silently stay empty).</summary>
    public string? DateRangeError() => From is { } from && To is { } to && from > to
        ? $"Tanggal \"{FromLabel}\" ({Wib.FormatDate(from)}) tidak boleh setelah tanggal \"{ToLabel}\" ({Wib.FormatDate(to)}). Ubah salah satu tanggal."
        : null;
}

/// <summary>One row of an inbox: only what the row shows.</summary>
public sealed record ChangeRequestListItem(int Id, string InstitutionName, ChangeRequestStatus Status, string CreatedByName, DateTime? SubmittedUtc, string FieldLabels)
{
    private string? _cells;
    private string? _cellsWithInstitution;
    private string? _key;

    /// <summary>
    /// The id as text, made once per row: the row's @key and data-request-id in every open inbox, without an int boxed
    /// or formatted per circuit and render.
    /// </summary>
    public string Key => _key ??= Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The row's cells as encoded HTML, made once per row. Every open inbox (a circuit each) renders it as one markup
    /// frame and, since <see cref="ApprovalReadCache"/> hands the same rows to every circuit, holds the same string:
    /// a row costs a circuit a few render-tree frames instead of two dozen frames and a component.
    /// </summary>
    public string CellsHtml(bool withInstitution) => withInstitution
        ? _cellsWithInstitution ??= ChangeRequestRowHtml.Cells(this, withInstitution: true)
        : _cells ??= ChangeRequestRowHtml.Cells(this, withInstitution: false);
}

/// <summary>One page of an inbox list, newest first.</summary>
public sealed record ChangeRequestList(IReadOnlyList<ChangeRequestListItem> Rows, int Page, bool HasNext)
{
    public static readonly ChangeRequestList Empty = new([], 1, false);
    public bool HasPrevious => Page > 1;
}

/// <summary>The head's inbox: what waits for the head, then the history of the institution's requests.</summary>
public sealed record HeadInbox(ChangeRequestList Waiting, ChangeRequestList History)
{
    public static readonly HeadInbox Empty = new(ChangeRequestList.Empty, ChangeRequestList.Empty);
}

/// <summary>What the operator's form edits: every field's value, the note, and the revision a revised request had.</summary>
public sealed class ChangeRequestForm
{
    public required Dictionary<string, string?> Values { get; init; }
    /// <summary>The institution's present values: what a field may keep (see <see cref="FieldRule.Check"/>).</summary>
    public IReadOnlyDictionary<string, string?> Current { get; init; } = new Dictionary<string, string?>();
    public string? Note { get; set; }
    public int? Revision { get; init; }
}

public sealed record ChangeFieldView(
    int Id, string Key, string Label, string? OldValue, string? NewValue, string? CurrentValue,
    FieldDecision HeadDecision, string? HeadReason, FieldDecision DistrictDecision, string? DistrictReason, bool IsConflict);

public sealed record TimelineEntry(DateTime OccurredUtc, string ActorName, string ActorRole, ChangeRequestAction Action, string? FieldLabel, string? Reason);

/// <summary>A request as one user sees it, with what that user may do now.</summary>
public sealed record ChangeRequestDetail(
    int Id, int InstitutionId, string InstitutionName, int DistrictId, ChangeRequestStatus Status, string? OperatorNote,
    string CreatedByName, DateTime CreatedUtc, DateTime? SubmittedUtc, int Revision, string? DistrictReason, string? ReceiptNumber,
    IReadOnlyList<ChangeFieldView> Fields, IReadOnlyList<TimelineEntry> Timeline,
    bool CanEdit, bool CanWithdraw, bool CanHeadDecide, bool CanDistrictDecide)
{
    public IReadOnlyList<ChangeFieldView> Conflicts => Fields.Where(f => f.IsConflict).ToList();

    /// <summary>
    /// Why the district cannot approve now (the service refuses it the same way), or null: a forwarded field whose
    /// institution value changed since the request was made must not be overwritten unseen.
    /// </summary>
    public string? ApprovalBlockedReason => Conflicts is { Count: > 0 } conflicts
        ? $"Setujui tidak tersedia: data lembaga sudah berubah sejak pengajuan ini dibuat ({string.Join(", ", conflicts.Select(c => c.Label))}). " +
          "Tolak pengajuan ini dengan alasan agar operator memperbarui pengajuannya."
        : null;
    public bool IsRejected => Status is ChangeRequestStatus.RejectedByHead or ChangeRequestStatus.RejectedByDistrict;
}

/// <summary>
/// Live topics of the approvals feature. Each audience has its own topic, so a change only wakes the inboxes that can
/// show it: the operator's list (every request of the institution), the head's inbox (submitted requests), the
/// district's inbox (requests that reached the district), and one request's page.
/// </summary>
public static class ApprovalTopics
{
    public const string Feature = "approvals";
    public static string Institution(int institutionId) => LiveTopics.Feature(Feature, institutionId);
    public static string Head(int institutionId) => $"{Institution(institutionId)}:head";
    public static string District(int districtId) => LiveTopics.FeatureDistrict(Feature, districtId);
    public static string Request(int requestId) => $"{Feature}:request:{requestId}";

    /// <summary>The topic a user's inbox and menu badge watch.</summary>
    public static string For(UserScope scope) => scope.Role switch
    {
        Roles.AdminKabKota => District(scope.DistrictId ?? 0),
        Roles.KepalaMadrasah => Head(scope.InstitutionId ?? 0),
        _ => Institution(scope.InstitutionId ?? 0),
    };
}
