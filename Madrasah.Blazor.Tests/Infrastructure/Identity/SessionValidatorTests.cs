using System.Security.Claims;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Identity;

/// <summary>
/// A sign-in (a cookie's principal, an open page's state) holds only while its account exists, is active and keeps
/// the security stamp the sign-in carries; the scope services act for comes from that check.
/// </summary>
public sealed class SessionValidatorTests : IAsyncLifetime
{
    private const int CacheSeconds = 10;
    private readonly ManualClock _clock = new();
    private readonly AppServices _app;

    public SessionValidatorTests() =>
        _app = new AppServices((services, configuration) =>
        {
            services.AddEmail(configuration);
            services.AddPdf(configuration);
            services.AddApprovals();
            services.AddRazorComponents().AddInteractiveServerComponents(); // a circuit's own services (its NavigationManager)
            services.AddSingleton<TimeProvider>(_clock);
        }, new Dictionary<string, string?> { ["Sessions:CacheSeconds"] = CacheSeconds.ToString() });

    public async ValueTask InitializeAsync() => await _app.SeedDemoDataAsync();
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private ISessionValidator Sessions => _app.Provider.GetRequiredService<ISessionValidator>();

    /// <summary>The principal the sign-in cookie of <paramref name="email"/> would carry now.</summary>
    private async Task<ClaimsPrincipal> SignInAsync(string email)
    {
        await using var scope = _app.CreateRequestScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task ChangeAccountAsync(string email, Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change)
    {
        await using var scope = _app.CreateRequestScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await change(users, (await users.FindByEmailAsync(email))!);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task A_sign_in_ends_with_a_sign_out_a_deactivation_a_new_Password_or_the_account_itself()
    {
        const string email = "operator@min1sleman.sch.id";
        var first = await SignInAsync(email);
        Assert.True(await Sessions.IsCurrentAsync(first));
        Assert.True(await Sessions.IsCurrentAsync(first)); // asked again (the next request): still

        await ChangeAccountAsync(email, (users, user) => users.UpdateSecurityStampAsync(user)); // what "Keluar" does
        Assert.False(await Sessions.IsCurrentAsync(first));

        var second = await SignInAsync(email);
        Assert.True(await Sessions.IsCurrentAsync(second));
        await ChangeAccountAsync(email, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)); // deactivated
        Assert.False(await Sessions.IsCurrentAsync(second));
        await ChangeAccountAsync(email, (users, user) => users.SetLockoutEndDateAsync(user, null));
        Assert.True(await Sessions.IsCurrentAsync(second));

        await ChangeAccountAsync(email, (users, user) => users.ChangePasswordAsync(user, DemoData.Password, "Gejayan#Operator27"));
        Assert.False(await Sessions.IsCurrentAsync(second));

        await ChangeAccountAsync("baru@contoh.sch.id", (users, _) => users.CreateAsync(new ApplicationUser { UserName = "baru@contoh.sch.id", Email = "baru@contoh.sch.id", FullName = "Baru" }));
        var removed = await SignInAsync("baru@contoh.sch.id");
        Assert.True(await Sessions.IsCurrentAsync(removed));
        await ChangeAccountAsync("baru@contoh.sch.id", (users, user) => users.DeleteAsync(user));
        Assert.False(await Sessions.IsCurrentAsync(removed));

        Assert.False(await Sessions.IsCurrentAsync(new ClaimsPrincipal(new ClaimsIdentity())));
        var withoutStamp = new ClaimsPrincipal(new ClaimsIdentity(second.Claims.Where(c => c.Type != "AspNet.Identity.SecurityStamp"), "Identity.Application"));
        Assert.False(await Sessions.IsCurrentAsync(withoutStamp));
    }

    [Fact]
    public async Task Requests_reuse_the_lookup_and_a_change_made_outside_the_app_counts_after_the_cache_time()
    {
        const string email = "kepala@min1sleman.sch.id";
        var principal = await SignInAsync(email);
        Assert.True(await Sessions.IsCurrentAsync(principal));

        // Changed behind the app's back (another tool on the database): the remembered state holds for a while ...
        await using (var db = _app.Database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetUsers\" SET \"SecurityStamp\" = 'DIGANTI' WHERE \"Email\" = {0}", email);
        Assert.True(await Sessions.IsCurrentAsync(principal));
        _clock.Advance(TimeSpan.FromSeconds(CacheSeconds - 1));
        Assert.True(await Sessions.IsCurrentAsync(principal));

        // ... and no longer than the cache time.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(await Sessions.IsCurrentAsync(principal));
    }

    [Fact]
    public async Task An_open_page_of_a_revoked_sign_in_turns_anonymous_by_itself_and_saves_nothing()
    {
        const string email = "operator@min1sleman.sch.id";
        await using var circuit = _app.Provider.CreateAsyncScope();
        var state = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)state).SetAuthenticationState(Task.FromResult(new AuthenticationState(await SignInAsync(email))));
        ((IHostEnvironmentNavigationManager)circuit.ServiceProvider.GetRequiredService<NavigationManager>()).Initialize("http://localhost/", "http://localhost/");
        foreach (var handler in circuit.ServiceProvider.GetServices<CircuitHandler>())
            await handler.OnCircuitOpenedAsync(null!, TestContext.Current.CancellationToken); // as Blazor does once the page's circuit is up
        var currentUser = circuit.ServiceProvider.GetRequiredService<CurrentUser>();
        var scope = await currentUser.GetScopeAsync();
        Assert.Equal(Roles.Operator, scope.Role);

        // The administrator deactivates the operator in another circuit; the page's state turns anonymous without asking.
        await ChangeAccountAsync(email, async (users, user) =>
        {
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            return await users.UpdateSecurityStampAsync(user);
        });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await state.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true && DateTime.UtcNow < deadline)
            await Task.Delay(20); // the live topic is delivered on another thread
        Assert.False((await state.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);

        // What the open change form would save now acts for nobody.
        var now = await currentUser.GetScopeAsync();
        Assert.False(now.IsAuthenticated);
        var approvals = circuit.ServiceProvider.GetRequiredService<ApprovalService>();
        var saved = await approvals.SaveAsync(now, null, new Dictionary<string, string?> { ["Facilities"] = "Asrama baru" }, null, submit: false);
        Assert.False(saved.Succeeded);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Set<ChangeRequest>().AnyAsync());
    }

    [Fact]
    public async Task The_scope_of_a_revoked_sign_in_is_anonymous_even_before_the_page_hears_of_it()
    {
        const string email = "operator@min1sleman.sch.id";
        await using var circuit = _app.Provider.CreateAsyncScope();
        var state = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)state).SetAuthenticationState(Task.FromResult(new AuthenticationState(await SignInAsync(email))));

        // Changed behind the app's back (no live topic reaches the page) and past the cache time.
        await using (var db = _app.Database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetUsers\" SET \"SecurityStamp\" = 'DIGANTI' WHERE \"Email\" = {0}", email);
        _clock.Advance(TimeSpan.FromSeconds(CacheSeconds + 1));
        Assert.True((await state.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated); // the page has not re-checked yet

        Assert.False((await circuit.ServiceProvider.GetRequiredService<CurrentUser>().GetScopeAsync()).IsAuthenticated);
        Assert.False((await state.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated); // and now the page shows it
    }
}
