using Madrasah.Blazor.Components.Shared;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>Where a staff member's sign-in account stands, as the personnel officer sees it.</summary>
public enum StaffAccountState
{
    /// <summary>"Belum ada akun".</summary>
    None = 0,
    /// <summary>"Undangan terkirim": the account exists, its owner has not set a password through the link yet.</summary>
    Invited = 1,
    /// <summary>"Aktif": the owner has set a password.</summary>
    Active = 2,
    /// <summary>"Nonaktif": deactivated by an administrator.</summary>
    Deactivated = 3,
}

public static class StaffAccountStateNames
{
    public static string Label(this StaffAccountState state) => state switch
    {
        StaffAccountState.None => "Belum ada akun",
        StaffAccountState.Invited => "Undangan terkirim",
        StaffAccountState.Active => "Aktif",
        _ => "Nonaktif",
    };

    public static Tone Tone(this StaffAccountState state) => state switch
    {
        StaffAccountState.None => Components.Shared.Tone.Neutral,
        StaffAccountState.Invited => Components.Shared.Tone.Waiting,
        StaffAccountState.Active => Components.Shared.Tone.Success,
        _ => Components.Shared.Tone.Danger,
    };
}

public sealed record StaffAccountRow(int StaffId, string FullName, string? Nip, string Nik, string Position, string? Email, StaffAccountState State, DateTime? InvitedUtc);

public sealed record StaffAccountPage(IReadOnlyList<StaffAccountRow> Rows, int TotalCount);

/// <summary>The "Buat Akun" form: the address the one-time link goes to (the staff member's name and NIP/NIK come from the list).</summary>
public sealed record StaffAccountInput(string? Email);

/// <summary>
/// Sign-in accounts of staff, kept by the personnel officer (<c>PetugasKepegawaian</c>) of their own institution: an
/// account (role Pegawai, bound to the staff record, so the person signs in with NIP or email) is created without any
/// password, and the person receives the same one-time activation link an administrator's new account gets
/// (<see cref="PasswordLinks"/>); the officer can send it again while the account waits. Never a default password.
/// </summary>
public sealed class StaffAccountService(
    IDbContextFactory<MadrasahDbContext> factory,
    IServiceScopeFactory scopes,
    PasswordLinks passwordLinks,
    AuditLog audit,
    TimeProvider clock)
{
    public const string EmailField = nameof(StaffAccountInput.Email);
    public const string NotFoundMessage = "Pegawai tidak ditemukan di lembaga Anda.";
    public static string LiveTopic(int institutionId) => $"staff-accounts:{institutionId}";

    private static int? InstitutionOf(UserScope scope) => scope.Role == Roles.PetugasKepegawaian ? scope.InstitutionId : null;

    public async Task<StaffAccountPage> ListAsync(UserScope officer, string? search, int page = 1, int pageSize = 20)
    {
        if (InstitutionOf(officer) is not { } institutionId) return new([], 0);
        await using var db = await factory.CreateDbContextAsync();
        var staff = db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId);
        if (TextLimits.Cut(search?.Trim(), TextLimits.Search) is { Length: > 0 } term)
        {
            var pattern = LikePattern.Containing(term);
            staff = staff.Where(s => EF.Functions.Like(s.FullName, pattern, LikePattern.Escape) || EF.Functions.Like(s.Nik, pattern, LikePattern.Escape)
                                     || (s.Nip != null && EF.Functions.Like(s.Nip, pattern, LikePattern.Escape)));
        }
        var total = await staff.CountAsync();
        var size = Math.Clamp(pageSize, 1, 100);
        var rows = await staff.OrderBy(s => s.FullName).ThenBy(s => s.Id).Skip((Math.Max(page, 1) - 1) * size).Take(size)
            .Select(s => new
            {
                s.Id, s.FullName, s.Nip, s.Nik, s.Position, s.Email,
                User = db.Users.Where(u => u.Id == s.UserId).Select(u => new { u.PasswordHash, u.LockoutEnd, u.CreatedUtc, u.Email }).FirstOrDefault(),
            })
            .ToListAsync();
        return new(rows.Select(r => new StaffAccountRow(r.Id, r.FullName, r.Nip, r.Nik, r.Position, r.User?.Email ?? r.Email,
            StateOf(r.User is not null, r.User?.PasswordHash, r.User?.LockoutEnd), r.User?.CreatedUtc)).ToList(), total);
    }

    public static StaffAccountState StateOf(bool hasAccount, string? passwordHash, DateTimeOffset? lockoutEnd) =>
        !hasAccount ? StaffAccountState.None
        : lockoutEnd == DateTimeOffset.MaxValue ? StaffAccountState.Deactivated
        : passwordHash is null ? StaffAccountState.Invited
        : StaffAccountState.Active;

    /// <summary>
    /// "Buat Akun": the account of a staff member of the officer's institution, with no password; the one-time link to
    /// set one is emailed in the same transaction. The address becomes the staff record's email when it had none.
    /// </summary>
    public async Task<FormResult> CreateAccountAsync(UserScope officer, int staffId, StaffAccountInput input)
    {
        if (InstitutionOf(officer) is not { } institutionId) return FormResult.Error("", NotFoundMessage);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.InstitutionId == institutionId);
        if (staff is null) return FormResult.Error("", NotFoundMessage);
        if (staff.UserId is not null) return FormResult.Error("", $"{staff.FullName} sudah memiliki akun. Gunakan “Kirim Ulang Tautan” bila tautannya hilang.");

        var email = input.Email?.Trim() ?? "";
        if (Identifiers.CheckEmail(email, "Email") is { } emailError) return FormResult.Error(EmailField, emailError);
        var normalized = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized))
            return FormResult.Error(EmailField, "Email ini sudah dipakai akun lain. Isi email pribadi pegawai ini.");
        var lower = email.ToLowerInvariant();
        if (await db.Staff.AnyAsync(s => s.Id != staff.Id && s.Email != null && s.Email.ToLower() == lower))
            return FormResult.Error(EmailField, "Email ini tercatat untuk pegawai lain. Isi email pribadi pegawai ini.");
        if (await db.Users.AnyAsync(u => u.Nik == staff.Nik))
            return FormResult.Error("", "NIK pegawai ini sudah dipakai akun lain. Hubungi Admin Kabupaten/Kota.");

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ApplicationUser
        {
            // No password: the person sets one through the link, which also confirms the address.
            UserName = email, Email = email, EmailConfirmed = false, FullName = staff.FullName, Nik = staff.Nik,
            InstitutionId = staff.InstitutionId, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return FormResult.Error(EmailField, string.Join(" ", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync(user, Roles.Pegawai);
        if (!role.Succeeded) return FormResult.Error("", string.Join(" ", role.Errors.Select(e => e.Description)));
        staff.UserId = user.Id;
        if (!string.Equals(staff.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            staff.Email = email;
            staff.EmailVerified = false;
        }
        await passwordLinks.QueueActivationAsync(db, users, user);
        audit.Record(db, officer, "staff-accounts.created",
            $"Akun pegawai {staff.FullName} ({email}) dibuat oleh petugas kepegawaian; tautan atur Password dikirim.",
            institutionId: staff.InstitutionId, entityType: nameof(Staff), entityId: staff.Id);
        db.PublishAfterCommit(LiveTopic(staff.InstitutionId), UserAdministrationService.LiveTopic);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    /// <summary>"Kirim Ulang Tautan": a new one-time link (the earlier ones stop working) while the account waits for its password.</summary>
    public async Task<string?> ResendLinkAsync(UserScope officer, int staffId)
    {
        if (InstitutionOf(officer) is not { } institutionId) return NotFoundMessage;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.InstitutionId == institutionId);
        if (staff is null) return NotFoundMessage;
        var user = staff.UserId is { } userId ? await db.Users.FirstOrDefaultAsync(u => u.Id == userId) : null;
        if (user is null) return $"{staff.FullName} belum memiliki akun. Gunakan “Buat Akun”.";
        switch (StateOf(true, user.PasswordHash, user.LockoutEnd))
        {
            case StaffAccountState.Active: return $"Akun {staff.FullName} sudah aktif. Bila lupa Password, pegawai dapat memakai “Lupa Password” di halaman masuk.";
            case StaffAccountState.Deactivated: return $"Akun {staff.FullName} dinonaktifkan. Hubungi Admin Kabupaten/Kota.";
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        await passwordLinks.QueueActivationAsync(db, users, user);
        audit.Record(db, officer, "staff-accounts.link-resent", $"Tautan atur Password dikirim ulang ke {user.Email} ({staff.FullName}).",
            institutionId: institutionId, entityType: nameof(Staff), entityId: staff.Id);
        db.PublishAfterCommit(LiveTopic(institutionId));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }
}
