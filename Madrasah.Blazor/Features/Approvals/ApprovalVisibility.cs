using System.Linq.Expressions;
using Madrasah.Blazor.Infrastructure.Identity;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// The one visibility rule of change requests, on top of the institution/district scope: the operator sees every
/// request of the institution; the head every submitted one except drafts; the district only those that reached it
/// (waiting for it, applied, rejected by it, or closed by the operator after its rejection).
/// </summary>
public static class ApprovalVisibility
{
    /// <summary>The statuses a district admin can see, in the order of the district inbox's filter.</summary>
    public static readonly IReadOnlyList<ChangeRequestStatus> DistrictStatuses =
        [ChangeRequestStatus.WaitingForDistrict, ChangeRequestStatus.Applied, ChangeRequestStatus.RejectedByDistrict, ChangeRequestStatus.Withdrawn];

    private static readonly Expression<Func<ChangeRequest, bool>> HeadRule =
        r => r.Status != ChangeRequestStatus.Draft && r.SubmittedUtc != null;

    private static readonly Expression<Func<ChangeRequest, bool>> DistrictRule =
        r => r.Status == ChangeRequestStatus.WaitingForDistrict || r.Status == ChangeRequestStatus.Applied
             || r.Status == ChangeRequestStatus.RejectedByDistrict
             || (r.Status == ChangeRequestStatus.Withdrawn && r.DistrictReason != null);

    private static readonly Func<ChangeRequest, bool> HeadRuleCompiled = HeadRule.Compile();
    private static readonly Func<ChangeRequest, bool> DistrictRuleCompiled = DistrictRule.Compile();

    public static IQueryable<ChangeRequest> VisibleApprovals(this IQueryable<ChangeRequest> query, UserScope scope)
    {
        query = query.VisibleTo(scope);
        return scope.Role switch
        {
            Roles.Operator => query,
            Roles.KepalaMadrasah => query.Where(HeadRule),
            Roles.AdminKabKota => query.Where(DistrictRule),
            _ when scope.SeesEverything => query.Where(HeadRule),
            _ => query.Where(_ => false),
        };
    }

    /// <summary>Whether the head of the institution can see the request in its current state.</summary>
    public static bool SeenByHead(ChangeRequest request) => HeadRuleCompiled(request);

    /// <summary>Whether the district can see the request in its current state.</summary>
    public static bool SeenByDistrict(ChangeRequest request) => DistrictRuleCompiled(request);
}
