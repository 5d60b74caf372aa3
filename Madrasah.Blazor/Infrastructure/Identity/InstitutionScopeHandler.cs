using Microsoft.AspNetCore.Authorization;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// Whose a single resource is (an uploaded file, a receipt): its institution and district, and the account that
/// created it, for resource-based checks through <see cref="Policies.InScope"/>.
/// </summary>
public sealed record InstitutionRef(int? InstitutionId, int? DistrictId, string? OwnerUserId = null)
{
    /// <summary>
    /// The one rule for single resources: admin and helpdesk see all; the account that created it sees it; otherwise
    /// its institution must lie in the user's scope, or, for a district's own resource (no institution), the district.
    /// </summary>
    public bool IsVisibleTo(UserScope scope) =>
        scope.IsAuthenticated && (
            scope.SeesEverything
            || (OwnerUserId is { Length: > 0 } owner && owner == scope.UserId)
            || (InstitutionId is { } i && DistrictId is { } d && scope.Allows(i, d))
            || (InstitutionId is null && DistrictId is { } district && scope.IsDistrictBound && scope.DistrictId == district));
}

public sealed class InScopeRequirement : IAuthorizationRequirement
{
    public static readonly InScopeRequirement Instance = new();
}

/// <summary>
/// Grants <see cref="Policies.InScope"/> when the resource lies in the user's scope. Lists and queries are scoped by
/// <see cref="ScopeQueryExtensions.VisibleTo(IQueryable{Data.Institution}, UserScope)"/>. Downloads (/berkas/{id},
/// /bukti/{number}.pdf) ask the rule of the page they belong to instead (<see cref="PageAccess"/> and the page's query),
/// which is narrower: staff see their institution but not every page of it.
/// </summary>
public sealed class InstitutionScopeHandler : AuthorizationHandler<InScopeRequirement, InstitutionRef>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InScopeRequirement requirement, InstitutionRef resource)
    {
        if (resource.IsVisibleTo(UserScope.From(context.User)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
