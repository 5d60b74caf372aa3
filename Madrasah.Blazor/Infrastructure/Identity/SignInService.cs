using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Identity;

public enum SignInOutcome { Succeeded, Failed, LockedOut, EmailNotConfirmed }

/// <summary>Email + password sign-in and sign-out, with lockout and an audit entry for each.</summary>
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
            // As slow as a wrong password for a real account (one 210,000-iteration hash), so timing does not tell
            // which addresses have accounts.
            userManager.PasswordHasher.VerifyHashedPassword(UnknownUser, UnknownUserHash(userManager.PasswordHasher), password);
            return SignInOutcome.Failed;
        }

        // Checked before the password so an unverified account is told why, but only once the password is right.
        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await RecordAsync(user, "identity.locked-out", "Akun terkunci setelah percobaan masuk yang gagal berulang.");
            return SignInOutcome.LockedOut;
        }
        if (result.IsNotAllowed)
            return await userManager.CheckPasswordAsync(user, password) ? SignInOutcome.EmailNotConfirmed : SignInOutcome.Failed;
        if (!result.Succeeded) return SignInOutcome.Failed;

        await RecordAsync(user, "identity.signed-in", "Masuk ke aplikasi.");
        logger.LogInformation("User {UserName} signed in", user.UserName);
        return SignInOutcome.Succeeded;
    }

    private static readonly ApplicationUser UnknownUser = new() { Id = "unknown", UserName = "unknown" };
    private static string? _unknownUserHash;

    /// <summary>A hash made with the app's own hasher settings, of a random password nobody can type.</summary>
    private static string UnknownUserHash(IPasswordHasher<ApplicationUser> hasher) =>
        _unknownUserHash ??= hasher.HashPassword(UnknownUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    public async Task SignOutAsync()
    {
        var principal = signInManager.Context.User;
        var user = await userManager.GetUserAsync(principal);
        await signInManager.SignOutAsync();
        if (user is not null) await RecordAsync(user, "identity.signed-out", "Keluar dari aplikasi.");
    }

    /// <summary>Only local paths: an open redirect through returnUrl is not possible.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
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
