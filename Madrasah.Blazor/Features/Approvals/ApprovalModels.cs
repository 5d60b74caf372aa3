using Madrasah.Blazor.Infrastructure.Live;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>The outcome of an action: success (with the request's id), or an Indonesian message and any conflicting fields.</summary>
public sealed record ApprovalResult(bool Succeeded, string? Error = null, int? RequestId = null, IReadOnlyList<string>? Conflicts = null)
{
    public static ApprovalResult Ok(int id) => new(true, RequestId: id);
    public static ApprovalResult Fail(string error, IReadOnlyList<string>? conflicts = null) => new(false, error, Conflicts: conflicts);
}

/// <summary>The head's decision on one field: approve, or reject with a reason.</summary>
public sealed record FieldDecisionInput(int FieldId, bool Approve, string? Reason = null);

/// <summary>Filters of an inbox; every filter is optional. Dates are WIB calendar days of submission.</summary>
public sealed record ChangeRequestFilter(int? InstitutionId = null, ChangeRequestStatus? Status = null, DateOnly? From = null, DateOnly? To = null);

public sealed record ChangeRequestListItem(
    int Id, int InstitutionId, string InstitutionName, ChangeRequestStatus Status, string CreatedByName,
    DateTime? SubmittedUtc, DateTime UpdatedUtc, IReadOnlyList<string> FieldLabels);

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
}

/// <summary>Live topics of the approvals feature: per institution, per district, per request.</summary>
public static class ApprovalTopics
{
    public const string Feature = "approvals";
    public static string Institution(int institutionId) => LiveTopics.Feature(Feature, institutionId);
    public static string District(int districtId) => LiveTopics.FeatureDistrict(Feature, districtId);
    public static string Request(int requestId) => $"{Feature}:request:{requestId}";

    /// <summary>The topic a user's inbox and menu badge watch.</summary>
    public static string For(Infrastructure.Identity.UserScope scope) =>
        scope.IsDistrictBound ? District(scope.DistrictId ?? 0) : Institution(scope.InstitutionId ?? 0);
}
