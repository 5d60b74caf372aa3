using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Identity;

public enum SignInOutcome { Succeeded, Failed, LockedOut, EmailNotConfirmed, Deactivated }

/// <summary>Email (or NIK) + password sign-in and sign-out, with lockout and an audit entry for each.</summary>
public sealed class SignInService(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    IDbContextFactory<MadrasahDbContext> factory,
    AuditLog audit,
    ILogger<SignInService> logger)
{
    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool rememberMe)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            SpendOnePasswordCheck(password);
            return SignInOutcome.Failed;
        }
        return await SignInAsync(user, password, rememberMe);
    }

    /// <summary>
    /// NIK + password sign-in for the one account with that NIK (same lockout and outcomes as email sign-in), with
    /// that account's email; null when no single account has the NIK (after as long a check as a wrong password).
    /// </summary>
    public async Task<(SignInOutcome Outcome, string Email)?> PasswordSignInByNikAsync(string nik, string password, bool rememberMe)
    {
        var users = await userManager.Users.Where(u => u.Nik == nik).Take(2).ToListAsync();
        if (users.Count != 1)
        {
            SpendOnePasswordCheck(password);
            return null;
        }
        return (await SignInAsync(users[0], password, rememberMe), users[0].Email ?? "");
    }

    /// <summary>
    /// NIP + password sign-in for the account bound to the staff member with that NIP (PTK and staff sign in with
    /// "Email atau NIP"), with the same lockout and outcomes as email sign-in; null when no account has the NIP (after
    /// as long a check as a wrong password).
    /// </summary>
    public async Task<(SignInOutcome Outcome, string Email)?> PasswordSignInByNipAsync(string nip, string password, bool rememberMe)
    {
        string? userId;
        await using (var db = await factory.CreateDbContextAsync())
            userId = await db.Staff.Where(s => s.Nip == nip && s.UserId != null).Select(s => s.UserId).FirstOrDefaultAsync();
        var user = userId is null ? null : await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            SpendOnePasswordCheck(password);
            return null;
        }
        return (await SignInAsync(user, password, rememberMe), user.Email ?? "");
    }

    private async Task<SignInOutcome> SignInAsync(ApplicationUser user, string password, bool rememberMe)
    {
        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        var outcome = result.Succeeded ? SignInOutcome.Succeeded
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : result.IsNotAllowed ? await CheckUnconfirmedAsync(user, password)
            : SignInOutcome.Failed;
        // A deactivated account is "locked out" for ever; its owner is told why, once the password shows it is the owner.
        if (outcome == SignInOutcome.LockedOut && user.LockoutEnd == DateTimeOffset.MaxValue && await userManager.CheckPasswordAsync(user, password))
            return SignInOutcome.Deactivated;
        if (outcome == SignInOutcome.LockedOut)
            await RecordAsync(user, "identity.locked-out", "Akun terkunci setelah percobaan masuk yang gagal berulang.");
        if (outcome == SignInOutcome.Succeeded)
        {
            await RecordAsync(user, "identity.signed-in", "Masuk ke aplikasi.");
            logger.LogInformation("User {UserName} signed in", user.UserName);
        }
        return outcome;
    }

    /// <summary>
    /// Identity refuses an unverified account before it looks at the password, and so before its lockout: the same
    /// lockout is applied here, and "not verified" is told only for the right password of an account not locked out
    /// (otherwise the distinct message would confirm a guessed password, without limit).
    /// </summary>
    private async Task<SignInOutcome> CheckUnconfirmedAsync(ApplicationUser user, string password)
    {
        if (await userManager.IsLockedOutAsync(user)) return SignInOutcome.LockedOut;
        if (!await userManager.CheckPasswordAsync(user, password))
        {
            await userManager.AccessFailedAsync(user);
            return await userManager.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }
        await userManager.ResetAccessFailedCountAsync(user);
        return SignInOutcome.EmailNotConfirmed;
    }

    /// <summary>
    /// As slow as a wrong password for a real account (one 210,000-iteration hash), so timing does not tell which
    /// addresses or NIKs have accounts.
    /// </summary>
    private void SpendOnePasswordCheck(string password) =>
        userManager.PasswordHasher.VerifyHashedPassword(UnknownUser, UnknownUserHash(userManager.PasswordHasher), password);

    private static readonly ApplicationUser UnknownUser = new() { Id = "unknown", UserName = "unknown" };
    private static string? _unknownUserHash;

    /// <summary>A hash made with the app's own hasher settings, of a random password nobody can type.</summary>
    private static string UnknownUserHash(IPasswordHasher<ApplicationUser> hasher) =>
        _unknownUserHash ??= hasher.HashPassword(UnknownUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    /// <summary>
    /// "Keluar": deletes this browser's cookie and changes the account's security stamp, so no copy of any of its
    /// cookies (another device, a stolen one) and no open page of it works any longer (SessionValidator).
    /// </summary>
    public async Task SignOutAsync()
    {
        var principal = signInManager.Context.User;
        var user = await userManager.GetUserAsync(principal);
        await signInManager.SignOutAsync();
        if (user is null) return;
        await userManager.UpdateSecurityStampAsync(user);
        await RecordAsync(user, "identity.signed-out", "Keluar dari aplikasi.");
    }

    /// <summary>Longest return address kept; a longer one leads to the dashboard.</summary>
    public const int MaxReturnUrlLength = 2048;

    /// <summary>
    /// Only local paths of printable ASCII (what the app's own links are, escaped): no open redirect through
    /// returnUrl ("//host", "/\\host", a tab or line break that browsers drop, an absolute URL), and nothing a
    /// Location header cannot carry (non-ASCII gave a 500). Anything else leads to the dashboard.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= MaxReturnUrlLength
            && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && returnUrl.All(c => c is > ' ' and <= '~' and not '\\')
            && !returnUrl.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/";

    private async Task RecordAsync(ApplicationUser user, string action, string summary)
    {
        await using var db = await factory.CreateDbContextAsync();
        var actor = new UserScope(user.Id, user.UserName ?? "", user.FullName, "", user.InstitutionId, user.DistrictId);
        audit.Record(db, actor, action, summary, entityType: "User", entityId: user.Id);
        await db.SaveChangesAsync();
    }
}
