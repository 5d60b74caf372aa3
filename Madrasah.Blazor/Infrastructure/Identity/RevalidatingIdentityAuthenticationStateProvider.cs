using System.Security.Claims;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// The sign-in of an open page (a circuit), checked with <see cref="ISessionValidator"/> every
/// <see cref="SessionOptions.RevalidationSeconds"/> seconds, and at once when its account's session topic is
/// published (this process signed the account out, deactivated it or changed its Password). A sign-in that no
/// longer holds turns the page's state anonymous: the page shows the sign-in form, and services asked through
/// <see cref="CurrentUser"/> act for nobody. The topic is followed in circuits only (<see cref="LiveSessionCircuitHandler"/>):
/// a request that changes its own user's stamp ("Ubah Password") finishes its own answer.
/// </summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly ISessionValidator _sessions;
    private readonly LiveNotifier _notifier;
    private readonly IOptions<IdentityOptions> _identity;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private string? _subscribedUserId;
    private bool _live;

    public RevalidatingIdentityAuthenticationStateProvider(ILoggerFactory loggerFactory, ISessionValidator sessions, LiveNotifier notifier,
        IOptions<IdentityOptions> identity, IOptions<SessionOptions> options)
        : base(loggerFactory)
    {
        _sessions = sessions;
        _notifier = notifier;
        _identity = identity;
        _interval = TimeSpan.FromSeconds(Math.Clamp(options.Value.RevalidationSeconds, 1, 60));
        AuthenticationStateChanged += WatchAccount;
    }

    protected override TimeSpan RevalidationInterval => _interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        _sessions.IsCurrentAsync(authenticationState.User, cancellationToken);

    /// <summary>From now on the account of the current state is followed (the provider serves an open page).</summary>
    internal void FollowAccount()
    {
        _live = true;
        try { WatchAccount(GetAuthenticationStateAsync()); }
        catch (InvalidOperationException) { /* no state yet: the first one set is followed when it comes */ }
    }

    /// <summary>Follows the account of the current state: its session topic re-checks the sign-in without waiting for the interval.</summary>
    private async void WatchAccount(Task<AuthenticationState> task)
    {
        if (!_live) return;
        try
        {
            var user = (await task).User;
            var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(_identity.Value.ClaimsIdentity.UserIdClaimType) : null;
            lock (_gate)
            {
                if (userId == _subscribedUserId) return;
                _subscription?.Dispose();
                _subscribedUserId = userId;
                _subscription = userId is null ? null : _notifier.Subscribe(LiveTopics.AccountSession(userId), CheckNowAsync);
            }
        }
        catch (Exception) { /* a failed state task leaves the periodic check in charge */ }
    }

    private async Task CheckNowAsync()
    {
        var state = await GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated == true && !await _sessions.IsCurrentAsync(state.User))
            SetAuthenticationState(Task.FromResult(SignedOut));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= WatchAccount;
            lock (_gate) _subscription?.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>Makes the page's authentication state follow its account's session topic once it is a circuit.</summary>
internal sealed class LiveSessionCircuitHandler(AuthenticationStateProvider authenticationState) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        (authenticationState as RevalidatingIdentityAuthenticationStateProvider)?.FollowAccount();
        return Task.CompletedTask;
    }
}
