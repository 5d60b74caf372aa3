using System.Security.Claims;
using Bunit;
using Madrasah.Blazor.Components;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// bUnit for one component alone: MudBlazor's services with our Indonesian texts, the app's own registrations
/// over a real SQLite file (<see cref="AppServices.Register"/>), loose JS interop, and a signed-in user of any role.
/// A test class derives from it and registers its feature in the constructor (<c>Services.AddApprovals()</c>).
/// xunit.v3 disposes it asynchronously, as MudBlazor's async-only services need.
/// </summary>
[Trait("Kind", "Component")] // the PostgreSQL pass leaves these out: a component alone exercises no engine difference
public abstract class ComponentTestContext : BunitContext
{
    protected TestDatabase Database { get; } = new();

    // bUnit's WaitFor… steps give up after 1 s by default: on a 2-core machine running the browser tests and the
    // PostgreSQL pass beside, a search that renders in milliseconds alone once took longer. A passing step still
    // returns as soon as its condition holds; only a failing one waits this long.
    static ComponentTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    protected ComponentTestContext(Action<IServiceCollection, IConfiguration>? configure = null, IDictionary<string, string?>? settings = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        AppServices.Register(Services, Database, configure, settings);
        // bUnit's signed-in user has no account or security stamp behind it: its sign-in always holds here
        // (SessionValidatorTests test the real check).
        Services.AddSingleton<ISessionValidator, AlwaysCurrentSessions>();
        Services.AddMadrasahMudBlazor();
        Services.AddLiveUpdates();
        AddAuthorization();
    }

    /// <summary>Signs the test's user in with the claims the app issues (role, institution, district, full name).</summary>
    protected UserScope SignInAs(UserScope scope)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(scope.UserName);
        authorization.SetRoles(scope.Role);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, scope.UserId),
            new(MadrasahClaims.FullName, scope.FullName),
        };
        if (scope.InstitutionId is { } institutionId) claims.Add(new(MadrasahClaims.InstitutionId, institutionId.ToString()));
        if (scope.DistrictId is { } districtId) claims.Add(new(MadrasahClaims.DistrictId, districtId.ToString()));
        authorization.SetClaims(claims.ToArray());
        return scope;
    }

    /// <summary>MudBlazor's popover, dialog and snackbar providers, for components that open dialogs or menus.</summary>
    protected IRenderedComponent<MudProvidersForTests> RenderMudProviders() =>
        Render<MudProvidersForTests>();

    private sealed class AlwaysCurrentSessions : ISessionValidator
    {
        public Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
            Task.FromResult(principal.Identity?.IsAuthenticated == true);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Database.DisposeAsync();
    }
}
