using Microsoft.AspNetCore.Authorization;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>An institution a resource belongs to, for resource-based checks (uploads, receipts, files).</summary>
public sealed record InstitutionRef(int InstitutionId, int DistrictId);

public sealed class InScopeRequirement : IAuthorizationRequirement
{
    public static readonly InScopeRequirement Instance = new();
}

/// <summary>Grants <see cref="InScopeRequirement"/> when the resource's institution lies in the user's scope.</summary>
public sealed class InstitutionScopeHandler : AuthorizationHandler<InScopeRequirement, InstitutionRef>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InScopeRequirement requirement, InstitutionRef resource)
    {
        if (UserScope.From(context.User).Allows(resource.InstitutionId, resource.DistrictId))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
