using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.UserAccounts;

/// <summary>Whose password an emailed link sets; <see cref="IsActivation"/> when the account has no password yet.</summary>
public sealed record PasswordLinkTarget(string UserId, string FullName, string Email, bool IsActivation);

/// <summary>
/// Setting a password: through an emailed link (activation of a new account, "Lupa Password"), or "Ubah Password"
/// by a signed-in user who knows the current one. Every change is audited.
/// </summary>
public sealed class AccountPasswordService(
    IServiceScopeFactory scopes,
    PasswordLinks passwordLinks,
    PasswordLinkRequestLimiter limiter,
    BackgroundWork work,
    AuditLog audit,
    ILogger<AccountPasswordService> logger)
{
    public const string LinkInvalidMessage =
        "Tautan ini tidak berlaku lagi: sudah dipakai, sudah diganti dengan tautan yang lebih baru, atau kedaluwarsa. Minta tautan baru lewat “Lupa Password”.";

    /// <summary>The account an emailed link is for, or null when the link is not (or no longer) valid.</summary>
    public async Task<PasswordLinkTarget?> ReadLinkAsync(string? userId, string? token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindLinkUserAsync(users, userId, token);
        return user is null ? null : new(user.Id, user.FullName, user.Email ?? "", user.PasswordHash is null);
    }

    /// <summary>"Simpan Password" on the page of an emailed link: sets the password, confirms the email, lifts a lockout.</summary>
    public async Task<FormResult> SetPasswordFromLinkAsync(string? userId, string? token, string? password, string? repeat)
    {
        if (CheckNewPassword(password, repeat) is { } refused) return refused;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindLinkUserAsync(users, userId, token);
        if (user is null) return FormResult.Error("", LinkInvalidMessage);

        var activation = user.PasswordHash is null;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.ResetPasswordAsync(user, PasswordLinks.Decode(token)!, password!);
        if (!result.Succeeded)
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? FormResult.Error("", LinkInvalidMessage)
                : FormResult.Error(nameof(PasswordForm.Password), string.Join(" ", result.Errors.Select(e => e.Description)));
        user.EmailConfirmed = true; // the link reached this address
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        if (user.LockoutEnd is { } end && end != DateTimeOffset.MaxValue) await users.SetLockoutEndDateAsync(user, null);

        audit.Record(db, ActorOf(user), activation ? "accounts.password-set" : "accounts.password-reset",
            activation ? $"Akun {user.Email} diaktifkan: Password pertama dibuat." : $"Password akun {user.Email} diatur ulang lewat tautan email.",
            entityType: nameof(ApplicationUser), entityId: user.Id);
        db.PublishAfterCommit(UserAdministrationService.LiveTopic); // an open account list shows it active
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    /// <summary>
    /// "Lupa Password": answers at once and alike for every address (null, or how long to wait when the address or the
    /// client asked too often); the link for an account with this address is made and emailed afterwards, out of the
    /// answer's time (<see cref="BackgroundWork"/>: <see cref="SendPasswordLinkAsync"/>).
    /// </summary>
    public TimeSpan? RequestReset(string? email, string? client)
    {
        var typed = email?.Trim() ?? "";
        if (Identifiers.CheckEmail(typed) is not null) return null; // the form has told the field's message
        var normalized = typed.ToUpperInvariant();
        if (limiter.TryAcquire(normalized, client) is { } wait)
        {
            logger.LogWarning("Password link for {Email} refused: asked again too soon", typed);
            return wait;
        }
        work.Enqueue("password link", services => services.GetRequiredService<AccountPasswordService>().SendPasswordLinkAsync(normalized));
        return null;
    }

    /// <summary>
    /// The work behind "Lupa Password": emails a link to the account with this (normalized) address, an activation link
    /// when it has no password yet; nothing for an unknown address or a deactivated account.
    /// </summary>
    public async Task SendPasswordLinkAsync(string normalizedEmail)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail);
        if (user is null || user.LockoutEnd == DateTimeOffset.MaxValue) return;

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (user.PasswordHash is null) await passwordLinks.QueueActivationAsync(db, users, user);
        else await passwordLinks.QueueResetAsync(db, users, user);
        audit.Record(db, UserScope.Anonymous, "accounts.password-link-sent", $"Tautan pengaturan Password dikirim ke {user.Email} (Lupa Password).",
            institutionId: user.InstitutionId, districtId: user.DistrictId, entityType: nameof(ApplicationUser), entityId: user.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The form-wide message of "Ubah Password" once wrong Passwords locked the account (the page then signs the user out).</summary>
    public const string LockedOutMessage = "Akun terkunci sementara karena Password Saat Ini salah terlalu sering. Demi keamanan, Anda dikeluarkan.";

    /// <summary>
    /// "Ubah Password" of the signed-in user, with the current password. The caller refreshes the sign-in cookie,
    /// whose security stamp this changes (other devices are signed out at their next request). A wrong current
    /// password counts toward the account's lockout like a wrong sign-in: the guess that locks it also changes the
    /// stamp (every session ends) and answers <see cref="LockedOutMessage"/> under "" (the page signs the user out);
    /// a locked account's guesses are not checked at all.
    /// </summary>
    public async Task<FormResult> ChangePasswordAsync(UserManager<ApplicationUser> users, MadrasahDbContext db, ApplicationUser user,
        string? current, string? password, string? repeat)
    {
        if (await users.IsLockedOutAsync(user)) return FormResult.Error("", LockedOutMessage);
        if (string.IsNullOrEmpty(current)) return FormResult.Error(nameof(ChangePasswordForm.CurrentPassword), "Password Saat Ini wajib diisi.");
        if (PasswordRules.CheckLength(current, "Password Saat Ini") is { } currentTooLong)
            return FormResult.Error(nameof(ChangePasswordForm.CurrentPassword), currentTooLong);
        if (CheckNewPassword(password, repeat) is { } refused) return refused;
        if (current == password) return FormResult.Error(nameof(PasswordForm.Password), "Password Baru harus berbeda dari Password Saat Ini.");
        var result = await users.ChangePasswordAsync(user, current, password!);
        if (!result.Succeeded)
        {
            if (!result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                return FormResult.Error(nameof(PasswordForm.Password), string.Join(" ", result.Errors.Select(e => e.Description)));
            await users.AccessFailedAsync(user);
            if (!await users.IsLockedOutAsync(user)) return FormResult.Error(nameof(ChangePasswordForm.CurrentPassword), "Password Saat Ini salah.");
            await users.UpdateSecurityStampAsync(user);
            audit.Record(db, ActorOf(user), "identity.locked-out", "Akun terkunci setelah Password Saat Ini salah berulang pada Ubah Password.",
                entityType: nameof(ApplicationUser), entityId: user.Id);
            await db.SaveChangesAsync();
            logger.LogWarning("User {UserName} locked out by wrong current passwords on Ubah Password", user.UserName);
            return FormResult.Error("", LockedOutMessage);
        }
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(db, ActorOf(user), "accounts.password-changed", $"Password akun {user.Email} diubah oleh pemiliknya.",
            entityType: nameof(ApplicationUser), entityId: user.Id);
        await db.SaveChangesAsync();
        return FormResult.Success;
    }

    private static FormResult? CheckNewPassword(string? password, string? repeat)
    {
        if (string.IsNullOrEmpty(password)) return FormResult.Error(nameof(PasswordForm.Password), "Password Baru wajib diisi.");
        if (PasswordRules.CheckLength(password, "Password Baru") is { } tooLong) return FormResult.Error(nameof(PasswordForm.Password), tooLong);
        if (!PasswordRules.IsStrong(password))
            return FormResult.Error(nameof(PasswordForm.Password), PasswordRules.IsCommon(password) ? PasswordRules.CommonPasswordMessage
                : "Password Baru belum memenuhi ketentuan: minimal 8 karakter dengan huruf besar, huruf kecil, angka dan simbol.");
        if (password != repeat) return FormResult.Error(nameof(PasswordForm.RepeatPassword), "Ulangi Password tidak sama dengan Password Baru.");
        return null;
    }

    private static async Task<ApplicationUser?> FindLinkUserAsync(UserManager<ApplicationUser> users, string? userId, string? token)
    {
        if (string.IsNullOrWhiteSpace(userId) || PasswordLinks.Decode(token) is not { } decoded) return null;
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.LockoutEnd == DateTimeOffset.MaxValue) return null;
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, decoded)
            ? user : null;
    }

    private static UserScope ActorOf(ApplicationUser user) =>
        new(user.Id, user.UserName ?? "", user.FullName, "", user.InstitutionId, user.DistrictId);
}

/// <summary>The new-password fields shared by the link page and "Ubah Password" (their InputModels' names).</summary>
public class PasswordForm
{
    public string Password { get; set; } = "";
    public string RepeatPassword { get; set; } = "";
}

public sealed class ChangePasswordForm : PasswordForm
{
    public string CurrentPassword { get; set; } = "";
}
