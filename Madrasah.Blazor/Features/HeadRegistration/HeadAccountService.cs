using System.Security.Cryptography;
using System.Text;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>Whom the "Informasi User" step registers: read from a valid ticket.</summary>
public sealed record HeadRegistrationContext(int InstitutionId, string InstitutionName, string HeadName, string HeadNik);

/// <summary>The password part of the "Informasi User" step: the rules met, and whether "Selanjutnya" may be pressed.</summary>
public sealed record PasswordEntry(IReadOnlyList<PasswordRules.Rule> Rules, bool IsCommon, bool Matches, bool RepeatEntered, bool TooLong = false)
{
    /// <summary>Every rule met, the length within both bounds (the "length" rule) included.</summary>
    public bool RulesMet => Rules.All(r => r.Met);
    public bool IsStrong => RulesMet && !IsCommon;
    public bool CanContinue => IsStrong && Matches;

    /// <summary>The line under the rules: green "Password Strong", or red saying what is wrong.</summary>
    public string StrengthMessage => PasswordRules.StrengthMessage(Rules, IsCommon, TooLong);

    public string? RepeatMessage => RepeatEntered && !Matches ? "Ulangi Password tidak sama dengan Password." : null;

    public static PasswordEntry Evaluate(string? password, string? repeat) =>
        new(PasswordRules.Evaluate(password), PasswordRules.IsCommon(password),
            !string.IsNullOrEmpty(password) && password == repeat, !string.IsNullOrEmpty(repeat), PasswordRules.CheckLength(password) is not null);
}

public sealed record RegistrationResult(bool Succeeded, string? Email = null, IReadOnlyList<string>? Errors = null)
{
    public static RegistrationResult Failed(params string[] errors) => new(false, Errors: errors);
}

public enum VerificationStatus { Verified, AlreadyUsed, Expired, Invalid }

/// <summary>
/// The answer to a request for a new verification link, the same for every address: taken (the link follows when the
/// address is an unverified head account's), or refused for now because the address or the client asked too often
/// (<see cref="RetryAfter"/>).
/// </summary>
public sealed record ResendResult(TimeSpan? RetryAfter = null)
{
    public string? ThrottleMessage => RetryAfter is not { } wait ? null
        : "Tautan verifikasi untuk email ini sudah diminta beberapa saat lalu. Periksa kotak masuk dan folder Spam; "
          + $"permintaan baru dapat dikirim lagi dalam {MailRequestThrottle.WaitText(wait)}.";
}

public sealed record VerificationResult(VerificationStatus Status, string? Email = null);

/// <summary>
/// The head's account: created from the "Informasi User" step (role KepalaMadrasah, bound to the institution,
/// email not yet confirmed) with a verification email; verified once through the link; a new link on request.
/// </summary>
public sealed class HeadAccountService(
    IDbContextFactory<MadrasahDbContext> factory,
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    EmailOutbox outbox,
    PublicLinks links,
    AuditLog audit,
    VerificationResendLimiter resendLimiter,
    BackgroundWork work,
    TimeProvider clock,
    IOptions<HeadRegistrationOptions> options,
    ILogger<HeadAccountService> logger)
{
    public const string VerifyPath = "/registrasi-kepala/verifikasi-email";
    public const string ResendPath = "/registrasi-kepala/kirim-ulang-verifikasi";
    public const string WizardPath = "/registrasi-kepala/informasi-user";

    public const string TicketInvalidMessage =
        "Sesi registrasi tidak berlaku lagi (sudah kedaluwarsa, sudah dipakai, atau kode registrasi telah diganti). Masuk kembali dengan NIK dan Kode Registrasi.";

    /// <summary>
    /// The head being registered, or null when the ticket is forged, expired, its code is no longer the institution's,
    /// or its NIK no longer the institution's head NIK.
    /// </summary>
    public async Task<HeadRegistrationContext?> ReadTicketAsync(string? protectedTicket)
    {
        var ticket = RegistrationTicket.Unprotect(dataProtection, protectedTicket);
        if (ticket is null || ticket.ExpiresUtc <= Now) return null;
        await using var db = await factory.CreateDbContextAsync();
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i =>
            i.Id == ticket.InstitutionId && i.RegistrationCodeHash == ticket.CodeHash && i.HeadNik == ticket.Nik && i.RegistrationCodeExpiresUtc > Now);
        if (institution?.HeadNik is null || await RegistrationCodeService.HeadAccounts(db, institution.Id).AnyAsync()) return null;
        return new(institution.Id, institution.Name, institution.HeadName ?? "Kepala Madrasah", institution.HeadNik);
    }

    /// <summary>Null when the email may be used for the new account; otherwise why not, in Indonesian.</summary>
    public async Task<string?> CheckEmailAsync(string? email)
    {
        email = email?.Trim() ?? "";
        if (Identifiers.CheckEmail(email) is { } invalid) return invalid;
        await using var db = await factory.CreateDbContextAsync();
        var normalized = email.ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized)
            ? "Email ini sudah digunakan oleh akun lain. Gunakan email aktif lain yang belum pernah dipakai untuk masuk."
            : null;
    }

    /// <summary>"Ya" in the confirmation dialog: creates the account, consumes the code, sends the verification email.</summary>
    public async Task<RegistrationResult> RegisterAsync(string? protectedTicket, string? email, string? password, string? repeatPassword)
    {
        email = email?.Trim() ?? "";
        var context = await ReadTicketAsync(protectedTicket);
        if (context is null) return RegistrationResult.Failed(TicketInvalidMessage);
        if (await CheckEmailAsync(email) is { } emailError) return RegistrationResult.Failed(emailError);
        var entry = PasswordEntry.Evaluate(password, repeatPassword);
        if (!entry.IsStrong) return RegistrationResult.Failed(entry.StrengthMessage);
        if (!entry.Matches) return RegistrationResult.Failed("Ulangi Password tidak sama dengan Password.");
        var ticket = RegistrationTicket.Unprotect(dataProtection, protectedTicket)!;

        // Identity's stores and this work share one context (one scope), so one transaction covers them all.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Claim the code first: of two simultaneous registrations only one finds it still there.
        var now = Now;
        var claimed = await db.Institutions
            .Where(i => i.Id == ticket.InstitutionId && i.RegistrationCodeHash == ticket.CodeHash && i.HeadNik == ticket.Nik && i.RegistrationCodeExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RegistrationCodeHash, (string?)null).SetProperty(i => i.RegistrationCodeExpiresUtc, (DateTime?)null));
        if (claimed != 1) return RegistrationResult.Failed(TicketInvalidMessage);

        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == ticket.InstitutionId);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = false, FullName = context.HeadName, Nik = context.HeadNik,
            InstitutionId = institution.Id, CreatedUtc = now,
        };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded) return RegistrationResult.Failed(created.Errors.Select(e => e.Description).ToArray());
        var role = await users.AddToRoleAsync(user, Roles.KepalaMadrasah);
        if (!role.Succeeded) return RegistrationResult.Failed(role.Errors.Select(e => e.Description).ToArray());

        var actor = new UserScope(user.Id, email, user.FullName, Roles.KepalaMadrasah, institution.Id, null);
        audit.Record(db, actor, "head-registration.account-created",
            $"Akun Kepala Madrasah {user.FullName} ({email}) dibuat dengan NIK {RegistrationCodeService.Mask(context.HeadNik)}; kode registrasi telah dipakai dan tidak berlaku lagi.",
            districtId: institution.DistrictId, entityType: "User", entityId: user.Id);
        await QueueVerificationEmailAsync(db, user, institution);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Head account {Email} created for institution {InstitutionId}", email, institution.Id);
        return new RegistrationResult(true, email);
    }

    /// <summary>The link of a verification email: confirms the email once, within its lifetime.</summary>
    public async Task<VerificationResult> VerifyAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return new(VerificationStatus.Invalid);
        var hash = Hash(token.Trim());
        await using var db = await factory.CreateDbContextAsync();
        var link = await db.Set<EmailVerificationToken>().Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash);
        if (link is null) return new(VerificationStatus.Invalid);
        if (link.UsedUtc is not null || link.User.EmailConfirmed) return new(VerificationStatus.AlreadyUsed, link.User.Email);
        if (link.ReplacedUtc is not null || link.ExpiresUtc <= Now) return new(VerificationStatus.Expired, link.User.Email);

        link.UsedUtc = Now;
        link.User.EmailConfirmed = true;
        var user = link.User;
        audit.Record(db, new UserScope(user.Id, user.UserName ?? "", user.FullName, Roles.KepalaMadrasah, user.InstitutionId, null),
            "head-registration.email-verified", $"Email {user.Email} diverifikasi; akun Kepala Madrasah aktif.", entityType: "User", entityId: user.Id);
        await db.SaveChangesAsync();
        return new(VerificationStatus.Verified, user.Email);
    }

    /// <summary>
    /// "Kirim ulang verifikasi": answers at once and alike for every address (nothing, or how long to wait when the
    /// address or the client asked too often: HeadRegistration:ResendIntervalSeconds, ResendMaxPerHour,
    /// ResendMaxPerClientPerHour); the new link for an unverified head account is made and emailed afterwards, out of
    /// the answer's time (<see cref="BackgroundWork"/>: <see cref="SendVerificationLinkAsync"/>).
    /// </summary>
    public ResendResult Resend(string? email, string? client)
    {
        var typed = email?.Trim() ?? "";
        if (Identifiers.CheckEmail(typed) is not null) return new(); // the form has told the field's message
        var normalized = typed.ToUpperInvariant();
        if (resendLimiter.TryAcquire(normalized, client) is { } wait)
        {
            logger.LogWarning("Verification link request for {Email} refused: asked again too soon", typed);
            return new(wait);
        }
        work.Enqueue("verification link", services => services.GetRequiredService<HeadAccountService>().SendVerificationLinkAsync(normalized));
        return new();
    }

    /// <summary>
    /// The work behind "Kirim ulang verifikasi": a new link for the unverified head account with this (normalized)
    /// address (older links stop working); nothing for any other address.
    /// </summary>
    public async Task SendVerificationLinkAsync(string normalizedEmail)
    {
        await using var db = await factory.CreateDbContextAsync();
        var user = await db.Users.Include(u => u.Institution)
            .FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail && !u.EmailConfirmed && u.InstitutionId != null);
        if (user?.Institution is null || !await RegistrationCodeService.HeadAccounts(db, user.Institution.Id).AnyAsync(u => u.Id == user.Id))
            return;
        // Older links are invalidated by a direct UPDATE: one transaction with the new link, so a failed save leaves them working.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await QueueVerificationEmailAsync(db, user, user.Institution);
        audit.Record(db, UserScope.Anonymous, "head-registration.verification-resent", $"Tautan verifikasi baru dikirim ke {user.Email}.",
            institutionId: user.InstitutionId, entityType: "User", entityId: user.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public static string VerificationSubject(string institutionName) => $"Verifikasi Email Akun Kepala Madrasah {institutionName}";

    /// <summary>Invalidates the account's older links at once (ExecuteUpdate) and adds the new one to <paramref name="db"/>: call inside a transaction.</summary>
    private async Task QueueVerificationEmailAsync(MadrasahDbContext db, ApplicationUser user, Institution institution)
    {
        var now = Now;
        await db.Set<EmailVerificationToken>().Where(t => t.UserId == user.Id && t.UsedUtc == null && t.ReplacedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplacedUtc, now));
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var link = new EmailVerificationToken
        {
            UserId = user.Id, TokenHash = Hash(token), CreatedUtc = now, ExpiresUtc = now.AddHours(options.Value.VerificationLinkHours),
        };
        db.Add(link);
        await outbox.EnqueueAsync<HeadVerificationEmail>(db, user.Email!, user.FullName, VerificationSubject(institution.Name), new Dictionary<string, object?>
        {
            [nameof(HeadVerificationEmail.HeadName)] = user.FullName,
            [nameof(HeadVerificationEmail.InstitutionName)] = institution.Name,
            [nameof(HeadVerificationEmail.Link)] = links.Absolute($"{VerifyPath}?token={token}"),
            [nameof(HeadVerificationEmail.ExpiresUtc)] = link.ExpiresUtc,
        }, institution.Id);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
