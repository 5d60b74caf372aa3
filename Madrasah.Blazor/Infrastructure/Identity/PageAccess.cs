using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// Whether a user may open a page: the page's own <c>[Authorize]</c> attributes, combined and evaluated as the router's
/// <c>AuthorizeRouteView</c> does. Endpoints that hand out what belongs to a page (a receipt printed on it, a file shown
/// on it) ask this together with the page's own data rule, so a download follows its page and never a copy of its rule.
/// </summary>
public sealed class PageAccess(IAuthorizationPolicyProvider policies, IAuthorizationService authorization)
{
    public Task<bool> MayOpenAsync<TPage>(ClaimsPrincipal user) where TPage : IComponent => MayOpenAsync(typeof(TPage), user);

    public async Task<bool> MayOpenAsync(Type page, ClaimsPrincipal user)
    {
        var attributes = page.GetCustomAttributes(inherit: true);
        if (attributes.OfType<IAllowAnonymous>().Any()) return true;
        var data = attributes.OfType<IAuthorizeData>().ToArray();
        if (data.Length == 0) return true;
        var policy = await AuthorizationPolicy.CombineAsync(policies, data);
        return policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
