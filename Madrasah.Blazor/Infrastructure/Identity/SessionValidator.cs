using System.Collections.Concurrent;
using System.Security.Claims;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>"Sessions" settings: how soon a revoked sign-in stops working where this process did not revoke it itself.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>How often an open page (a circuit) checks that its sign-in still holds. At most a minute.</summary>
    public int RevalidationSeconds { get; set; } = 30;

    /// <summary>How long requests reuse what they looked up about an account (every request asks, static files included).</summary>
    public int CacheSeconds { get; set; } = 10;
}

/// <summary>Whether a sign-in (a cookie's or an open page's principal) still speaks for its account.</summary>
public interface ISessionValidator
{
    Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);
}

/// <summary>
/// A sign-in holds while its account exists, is not deactivated, and still has the security stamp the sign-in was
/// issued with. Sign-out, deactivation, a Password change or reset and a lockout by wrong "Ubah Password" guesses
/// change the stamp, so every cookie and open page issued before stops working: requests are refused from the next
/// one on (the cookie's OnValidatePrincipal), open pages at once when this process made the change (the account's
/// live topic, see <see cref="ApplicationUser"/>) and otherwise within <see cref="SessionOptions.RevalidationSeconds"/>.
/// Each account's state is looked up at most once per <see cref="SessionOptions.CacheSeconds"/> and forgotten as soon
/// as a stamp or lockout changes here, so a page with its scripts, styles and images costs no query per file.
/// </summary>
public sealed class SessionValidator : ISessionValidator, IDisposable
{
    /// <summary>Accounts remembered at most (only signed-in users are looked up, so this is the number of active accounts).</summary>
    private const int MaxEntries = 20_000;

    private readonly IDbContextFactory<MadrasahDbContext> _factory;
    private readonly IOptions<IdentityOptions> _identity;
    private readonly TimeSpan _cacheTime;
    private readonly TimeProvider _clock;
    private readonly IDisposable _invalidation;
    private readonly ConcurrentDictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record AccountState(string? Stamp, bool Usable, DateTimeOffset LoadedAt);

    public SessionValidator(IDbContextFactory<MadrasahDbContext> factory, IOptions<IdentityOptions> identity, IOptions<SessionOptions> options,
        TimeProvider clock, LiveNotifier notifier)
    {
        _factory = factory;
        _identity = identity;
        _clock = clock;
        _cacheTime = TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds));
        _invalidation = notifier.InvalidateOn(LiveTopics.IsAccountSession, Forget);
    }

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.Identity?.IsAuthenticated != true) return false;
        var claims = _identity.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp)) return false;
        var account = await StateOfAsync(userId, cancellationToken);
        return account.Usable && string.Equals(account.Stamp, stamp, StringComparison.Ordinal);
    }

    private async ValueTask<AccountState> StateOfAsync(string userId, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_accounts.TryGetValue(userId, out var known) && now - known.LoadedAt < _cacheTime) return known;

        // A change that commits while this looks up forgets everything: what was read then is not kept.
        var generation = Interlocked.Read(ref _generation);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken);
        var state = new AccountState(row?.SecurityStamp, row is not null && row.LockoutEnd != DateTimeOffset.MaxValue, now);
        if (Interlocked.Read(ref _generation) == generation)
        {
            if (_accounts.Count >= MaxEntries) _accounts.Clear();
            _accounts[userId] = state;
        }
        return state;
    }

    /// <summary>A stamp, lockout or account changed: every account is looked up again on its next request.</summary>
    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _accounts.Clear();
    }

    public void Dispose() => _invalidation.Dispose();

    /// <summary>
    /// The sign-in cookie's check on every request: a cookie whose account no longer accepts it is rejected and
    /// deleted (the request goes on signed out: pages send it to the sign-in form, downloads are refused), before
    /// Identity's own periodic refresh of the cookie's claims.
    /// </summary>
    public static void CheckEveryRequest(CookieAuthenticationOptions options)
    {
        var refresh = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<ISessionValidator>();
            if (context.Principal is null || !await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await refresh(context);
        };
    }
}
