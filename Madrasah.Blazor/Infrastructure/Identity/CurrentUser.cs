using Microsoft.AspNetCore.Components.Authorization;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>The signed-in user's scope for components and services of the current circuit or request.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider)
{
    public async Task<UserScope> GetScopeAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return UserScope.From(state.User);
    }
}
