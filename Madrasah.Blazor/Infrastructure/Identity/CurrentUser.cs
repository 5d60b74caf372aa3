using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// The signed-in user's scope for components and services of the current circuit or request. A sign-in that no
/// longer holds (signed out elsewhere, deactivated, Password changed: <see cref="ISessionValidator"/>) gives the
/// anonymous scope, for which services do nothing, and turns the page's state anonymous at once, without waiting
/// for the circuit's next periodic check.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider, ISessionValidator sessions)
{
    public async Task<UserScope> GetScopeAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true) return UserScope.Anonymous;
        if (!await sessions.IsCurrentAsync(state.User))
        {
            if (authenticationStateProvider is IHostEnvironmentAuthenticationStateProvider host)
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            return UserScope.Anonymous;
        }
        return UserScope.From(state.User);
    }
}
