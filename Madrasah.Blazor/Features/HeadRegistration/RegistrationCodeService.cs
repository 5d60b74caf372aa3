using System.Security.Cryptography;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// What the operator's "KODE REGISTRASI" block shows. <see cref="Code"/> is there only in the answer to
/// <see cref="RegistrationCodeService.GenerateAsync"/>: only its hash is stored, so the code is shown once, when made.
/// </summary>
public sealed record RegistrationCodeState(
    string? Code, bool HasCode, DateTime? ExpiresUtc, bool IsExpired, bool HeadNikMissing, string? HeadAccountEmail, bool HeadAccountVerified)
{
    /// <summary>A code exists and has not expired (whether or not it is shown now).</summary>
    public bool HasUsableCode => HasCode && !IsExpired;
    public bool HeadRegistered => HeadAccountEmail is not null;
}

public enum RegistrationStartStatus { Accepted, InvalidNik, WrongPair, CodeExpired, HeadNikMissing, AlreadyRegistered, RateLimited }

/// <summary>
/// The answer to a NIK + registration code sign-in: a ticket for the next step, or why not
/// (<see cref="NikError"/>: the NIK's format, in Indonesian, for <see cref="RegistrationStartStatus.InvalidNik"/>).
/// </summary>
public sealed record RegistrationStart(RegistrationStartStatus Status, string? Ticket = null, TimeSpan? RetryAfter = null, string? NikError = null);

/// <summary>
/// The institution's registration code: the operator generates it, the head signs in with NIK + code to start the
/// account registration. Codes come from a cryptographic random source, use no look-alike characters, expire after
/// HeadRegistration:CodeValidDays, stop working when a new one is generated and when the head's account is created.
/// Only a hash of the code is stored (<see cref="HashCode"/>); the code itself is shown once, when generated.
/// </summary>
public sealed class RegistrationCodeService(
    IDbContextFactory<MadrasahDbContext> factory,
    IDataProtectionProvider dataProtection,
    RegistrationAttemptLimiter limiter,
    AuditLog audit,
    TimeProvider clock,
    IOptions<HeadRegistrationOptions> options,
    ILogger<RegistrationCodeService> logger)
{
    /// <summary>Letters and digits without 0/O, 1/I/L: read aloud or typed from a screen without mistakes.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 10;

    public static string NewCode()
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
            if (code.Any(char.IsAsciiLetter) && code.Any(char.IsAsciiDigit)) return code;
        }
    }

    /// <summary>
    /// The stored form of a code: PBKDF2-SHA256 (fixed salt, so a typed code can be looked up by its hash; 20,000
    /// iterations, so a copy of the database does not give the live codes away by trying all 31^10 of them), 64 hex
    /// digits. Typed codes are normalized first.
    /// </summary>
    public static string HashCode(string code) =>
        Convert.ToHexString(Rfc2898DeriveBytes.Pbkdf2(NormalizeCode(code), CodeSalt, CodeHashIterations, HashAlgorithmName.SHA256, 32));

    public const int CodeHashIterations = 20_000;
    private static readonly byte[] CodeSalt = "Madrasah.HeadRegistration.Code.v1"u8.ToArray();

    /// <summary>Whether <paramref name="typedHash"/> equals <paramref name="storedHash"/>, in time that does not depend on where they differ.</summary>
    public static bool SameHash(string typedHash, string? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(typedHash), System.Text.Encoding.ASCII.GetBytes(storedHash));

    /// <summary>Upper case, without spaces or dashes a user may have typed or copied along.</summary>
    public static string NormalizeCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>
    /// The digits of a user name typed as a NIK ("3404 0155 0878 0002", "3404-0155-…": only digits, spaces, dots or
    /// dashes), or null for anything else (an email). A NIK means a head starting the registration with a code.
    /// </summary>
    public static string? ReadNik(string? userName)
    {
        var compact = new string((userName ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.')).ToArray());
        return compact.Length > 0 && compact.All(char.IsAsciiDigit) ? compact : null;
    }

    public static bool LooksLikeNik(string? userName) => ReadNik(userName) is not null;

    /// <summary>The NIK's format (16 digits, region, birth date: <see cref="Identifiers.CheckNik"/>), or null when valid.</summary>
    public static string? CheckNikFormat(string nik)
    {
        var error = Identifiers.CheckNik(nik, "NIK Kepala Madrasah");
        return error is not null && nik.Length != 16 ? $"{error} Yang terisi {nik.Length} digit." : error;
    }

    public async Task<RegistrationCodeState?> GetStateAsync(UserScope scope)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is not { } institutionId) return null;
        await using var db = await factory.CreateDbContextAsync();
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == institutionId);
        if (institution is null) return null;
        var head = await HeadAccounts(db, institutionId).Select(u => new { u.Email, u.EmailConfirmed }).FirstOrDefaultAsync();
        return new RegistrationCodeState(
            null, institution.RegistrationCodeHash is not null, institution.RegistrationCodeExpiresUtc,
            institution.RegistrationCodeExpiresUtc is { } expires && expires <= Now,
            string.IsNullOrWhiteSpace(institution.HeadNik), head?.Email, head?.EmailConfirmed ?? false);
    }

    /// <summary>A new code for the operator's institution; the previous one stops working. Refused once the head has an account.</summary>
    public async Task<RegistrationCodeState?> GenerateAsync(UserScope scope)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is not { } institutionId) return null;
        await using var db = await factory.CreateDbContextAsync();
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Id == institutionId);
        if (institution is null || await HeadAccounts(db, institutionId).AnyAsync()) return await GetStateAsync(scope);

        string code, hash;
        do hash = HashCode(code = NewCode()); while (await db.Institutions.AnyAsync(i => i.RegistrationCodeHash == hash));
        var replaced = institution.RegistrationCodeHash is not null;
        institution.RegistrationCodeHash = hash;
        institution.RegistrationCodeExpiresUtc = Now.AddDays(options.Value.CodeValidDays);
        audit.Record(db, scope, "head-registration.code-generated",
            (replaced ? "Kode registrasi baru dibuat; kode sebelumnya tidak berlaku lagi." : "Kode registrasi dibuat.")
            + $" Berlaku sampai {Infrastructure.Time.Wib.Format(institution.RegistrationCodeExpiresUtc.Value)}.",
            institutionId: institutionId, entityType: nameof(Institution), entityId: institutionId);
        await db.SaveChangesAsync();
        return await GetStateAsync(scope) is { } state ? state with { Code = code } : null; // shown this once
    }

    /// <summary>
    /// "Batalkan Registrasi": removes the head's account while its email is still unverified (a mistyped address
    /// would otherwise leave the head stuck), so the head can register again with a new code. A verified account stays.
    /// </summary>
    public async Task<RegistrationCodeState?> CancelUnverifiedHeadAsync(UserScope scope)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is not { } institutionId) return null;
        await using var db = await factory.CreateDbContextAsync();
        var head = await HeadAccounts(db, institutionId).FirstOrDefaultAsync(u => !u.EmailConfirmed);
        if (head is not null)
        {
            db.Users.Remove(head);
            audit.Record(db, scope, "head-registration.cancelled",
                $"Akun Kepala Madrasah {head.Email} yang belum diverifikasi dibatalkan oleh operator; Kepala Madrasah dapat mendaftar ulang dengan kode baru.",
                institutionId: institutionId, entityType: nameof(ApplicationUser), entityId: head.Id);
            await db.SaveChangesAsync();
        }
        return await GetStateAsync(scope);
    }

    /// <summary>The sign-in page's check of NIK (user name) + registration code (password): <see cref="BeginTry"/>, then <see cref="OpenAsync"/>.</summary>
    public async Task<RegistrationStart> StartAsync(string nik, string code, string? client)
    {
        nik = ReadNik(nik) ?? nik.Trim();
        return BeginTry(nik, client) ?? await OpenAsync(nik, code, client);
    }

    /// <summary>
    /// The first step of every sign-in with a NIK (with a registration code, or with the password of the account that
    /// has the NIK): the NIK's format, then the limit of wrong tries per NIK and per client, the try counted. The same
    /// for every NIK, with or without an account, so neither the answer nor the limit tells which NIKs have one.
    /// Null when the try may go on.
    /// </summary>
    public RegistrationStart? BeginTry(string nik, string? client)
    {
        // A malformed NIK is told at once (it reaches no data, so it needs no rate limit and reveals nothing).
        if (CheckNikFormat(nik) is { } nikError) return new(RegistrationStartStatus.InvalidNik, NikError: nikError);
        if (limiter.TryBegin(nik, client) is not { } wait) return null;
        logger.LogWarning("Sign-in with NIK {Nik} from {Client} refused: too many wrong tries", Mask(nik), client);
        return new(RegistrationStartStatus.RateLimited, RetryAfter: wait);
    }

    /// <summary>The try with this NIK proved its owner (a right password): it does not count, and the NIK's count is cleared when it signed in.</summary>
    public void EndTry(string nik, string? client, bool signedIn)
    {
        if (signedIn) limiter.RecordSuccess(nik, client);
        else limiter.Release(nik, client);
    }

    /// <summary>NIK + registration code after <see cref="BeginTry"/> let the try go on: a ticket for the next step, or why not.</summary>
    public async Task<RegistrationStart> OpenAsync(string nik, string code, string? client)
    {
        code = NormalizeCode(code);
        if (code.Length == 0) return new(RegistrationStartStatus.WrongPair);
        var hash = HashCode(code);
        await using var db = await factory.CreateDbContextAsync();
        // The head's institutions (one, as a rule) with a code; the typed code's hash compared with each in constant time.
        var candidates = await db.Institutions.Where(i => i.HeadNik == nik && i.RegistrationCodeHash != null).ToListAsync();
        var institution = candidates.Where(i => SameHash(hash, i.RegistrationCodeHash)).ToList().FirstOrDefault();
        if (institution is null)
        {
            // The try stays counted. The right code of an institution that has no head NIK yet: the operator must record it first.
            var withoutNik = await db.Institutions.AnyAsync(i => i.RegistrationCodeHash == hash && (i.HeadNik == null || i.HeadNik == ""));
            return new(withoutNik ? RegistrationStartStatus.HeadNikMissing : RegistrationStartStatus.WrongPair);
        }
        var expires = institution.RegistrationCodeExpiresUtc ?? DateTime.MinValue;
        var expired = expires <= Now;
        if (expired || await HeadAccounts(db, institution.Id).AnyAsync())
        {
            limiter.Release(nik, client); // a right pair: the try does not count
            return new(expired ? RegistrationStartStatus.CodeExpired : RegistrationStartStatus.AlreadyRegistered);
        }

        limiter.RecordSuccess(nik, client);
        audit.Record(db, UserScope.Anonymous, "head-registration.code-used",
            $"Kode registrasi dipakai untuk masuk dengan NIK Kepala {Mask(nik)}; registrasi akun Kepala Madrasah dimulai.",
            institutionId: institution.Id, districtId: institution.DistrictId, entityType: nameof(Institution), entityId: institution.Id);
        await db.SaveChangesAsync();
        var ticketExpiry = Now.AddMinutes(options.Value.TicketMinutes);
        if (ticketExpiry > expires) ticketExpiry = expires;
        return new(RegistrationStartStatus.Accepted, new RegistrationTicket(institution.Id, hash, nik, ticketExpiry).Protect(dataProtection));
    }

    /// <summary>The head accounts (role KepalaMadrasah) bound to an institution.</summary>
    internal static IQueryable<ApplicationUser> HeadAccounts(MadrasahDbContext db, int institutionId)
    {
        var headRole = db.Roles.Where(r => r.Name == Roles.KepalaMadrasah).Select(r => r.Id);
        return db.Users.Where(u => u.InstitutionId == institutionId && db.UserRoles.Any(ur => ur.UserId == u.Id && headRole.Contains(ur.RoleId)));
    }

    /// <summary>"3404********0002": enough to tell heads apart in logs and audit, not the whole personal number.</summary>
    internal static string Mask(string nik) => nik.Length == 16 ? nik[..4] + new string('*', 8) + nik[12..] : "(bukan NIK)";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
