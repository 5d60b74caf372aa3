using System.Linq.Expressions;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.UserAccounts;

public enum UserStatus { Active, AwaitingActivation, LockedOut, Deactivated }

public static class UserStatusNames
{
    public static string Label(this UserStatus status) => status switch
    {
        UserStatus.Active => "Aktif",
        UserStatus.AwaitingActivation => "Menunggu aktivasi",
        UserStatus.LockedOut => "Terkunci sementara",
        _ => "Nonaktif",
    };
}

/// <summary>A row of the account list. <paramref name="Manageable"/>: the viewer may resend the activation, deactivate or activate it.</summary>
public sealed record UserListItem(string Id, string FullName, string Email, string Role, string? Binding, UserStatus Status, bool Manageable);

/// <summary>The account list's sortable columns: Nama, Email, Peran, Lembaga / Wilayah.</summary>
public enum UserSort { Name, Email, Role, Binding }

/// <summary>What the account list asks for: a search term (name, email, institution or district), one role or all, the sort, a 1-based page.</summary>
public sealed record UserQuery(string? Search = null, int Page = 1, int PageSize = 20, string? Role = null, UserSort SortBy = UserSort.Name, bool Descending = false);

public sealed record UserPage(IReadOnlyList<UserListItem> Items, int TotalCount);

public sealed record Choice(int Id, string Name);

/// <summary>What the "Tambah Pengguna" form offers the viewer: the roles they may give, and where an account may be bound.</summary>
public sealed record UserFormOptions(IReadOnlyList<string> Roles, IReadOnlyList<Choice> Institutions, IReadOnlyList<Choice> Districts);

/// <summary>The "Tambah Pengguna" form's values.</summary>
public sealed record NewUser(string? FullName, string? Email, string? Role, int? InstitutionId, int? DistrictId, string? Nik);

/// <summary>
/// The accounts an administrator keeps: every account for the system administrator; the operators and personnel
/// officers of the district's institutions for a district admin. A new account has no password: its owner sets one
/// through the activation email (which also confirms the address). Deactivating ends every open session.
/// </summary>
public sealed class UserAdministrationService(
    IDbContextFactory<MadrasahDbContext> factory,
    IServiceScopeFactory scopes,
    PasswordLinks passwordLinks,
    AuditLog audit,
    TimeProvider clock)
{
    public const string LiveTopic = "user-accounts";

    /// <summary>The roles <paramref name="actor"/> may give; empty for everyone else.</summary>
    public static IReadOnlyList<string> RolesManagedBy(UserScope actor) => actor.Role switch
    {
        Roles.Admin => Roles.All,
        Roles.AdminKabKota => [Roles.Operator, Roles.PetugasKepegawaian],
        _ => [],
    };

    /// <summary>The roles of the accounts <paramref name="actor"/> sees (the list's role filter): those of <see cref="VisibleUsers"/>.</summary>
    public static IReadOnlyList<string> RolesVisibleTo(UserScope actor) => actor.Role switch
    {
        Roles.Admin => Roles.All,
        Roles.AdminKabKota => [Roles.AdminKabKota, .. Roles.InstitutionBound],
        _ => [],
    };

    public async Task<UserPage> ListAsync(UserScope actor, UserQuery query)
    {
        var managed = RolesManagedBy(actor);
        if (managed.Count == 0) return new([], 0);
        await using var db = await factory.CreateDbContextAsync();
        var rows = VisibleUsers(db, actor).Select(u => new
        {
            u.Id, u.FullName, Email = u.Email ?? "", u.EmailConfirmed, u.PasswordHash, u.LockoutEnd,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() ?? "",
            Binding = u.Institution != null ? u.Institution.Name : u.District != null ? u.District.Name : null,
        });
        if (query.Search?.Trim() is { Length: > 0 } term)
        {
            var pattern = LikePattern.Containing(term);
            rows = rows.Where(r => EF.Functions.Like(r.FullName, pattern, LikePattern.Escape) || EF.Functions.Like(r.Email, pattern, LikePattern.Escape)
                                   || (r.Binding != null && EF.Functions.Like(r.Binding, pattern, LikePattern.Escape)));
        }
        if (query.Role is { Length: > 0 } role) rows = rows.Where(r => r.Role == role);
        var total = await rows.CountAsync();
        var size = Math.Clamp(query.PageSize, 1, 100);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (UserSort.Email, false) => rows.OrderBy(r => r.Email),
            (UserSort.Email, true) => rows.OrderByDescending(r => r.Email),
            (UserSort.Role, var descending) => OrderByRoleLabel(rows, r => r.Role, descending).ThenBy(r => r.FullName),
            (UserSort.Binding, false) => rows.OrderBy(r => r.Binding == null).ThenBy(r => r.Binding).ThenBy(r => r.FullName),
            (UserSort.Binding, true) => rows.OrderBy(r => r.Binding == null).ThenByDescending(r => r.Binding).ThenBy(r => r.FullName),
            (_, true) => rows.OrderByDescending(r => r.FullName),
            _ => rows.OrderBy(r => r.FullName),
        };
        var page = await sorted.ThenBy(r => r.Email)
            .Skip((Math.Max(query.Page, 1) - 1) * size).Take(size).ToListAsync();
        var now = clock.GetUtcNow();
        return new(page.Select(r => new UserListItem(r.Id, r.FullName, r.Email, r.Role, r.Binding,
            StatusOf(r.EmailConfirmed, r.PasswordHash, r.LockoutEnd, now), managed.Contains(r.Role) && r.Id != actor.UserId)).ToList(), total);
    }

    public async Task<UserFormOptions> GetFormOptionsAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        var institutions = await db.Institutions.VisibleTo(actor).OrderBy(i => i.Name).Select(i => new Choice(i.Id, i.Name)).ToListAsync();
        var districts = actor.Role == Roles.Admin
            ? await db.Districts.OrderBy(d => d.Name).Select(d => new Choice(d.Id, d.Name)).ToListAsync()
            : [];
        return new(RolesManagedBy(actor), institutions, districts);
    }

    /// <summary>"Simpan": creates the account and queues its activation email, in one transaction.</summary>
    public async Task<FormResult> CreateAsync(UserScope actor, NewUser input)
    {
        var errors = new Dictionary<string, string>();
        var name = input.FullName?.Trim() ?? "";
        var email = input.Email?.Trim() ?? "";
        var nik = string.IsNullOrWhiteSpace(input.Nik) ? null : new string(input.Nik.Where(char.IsAsciiDigit).ToArray());
        if (TextRules.Check(name, "Nama Lengkap", TextLimits.PersonName, required: true) is { } nameError) errors[nameof(NewUser.FullName)] = nameError;
        if (Identifiers.CheckEmail(email) is { } emailError) errors[nameof(NewUser.Email)] = emailError;
        if (nik is not null && Identifiers.CheckNik(nik) is { } nikError) errors[nameof(NewUser.Nik)] = nikError;

        var role = input.Role;
        if (role is null || !RolesManagedBy(actor).Contains(role))
            errors[nameof(NewUser.Role)] = "Peran wajib dipilih dari daftar.";

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        Institution? institution = null;
        District? district = null;
        if (role is not null && Roles.InstitutionBound.Contains(role))
        {
            institution = input.InstitutionId is { } id ? await db.Institutions.VisibleTo(actor).FirstOrDefaultAsync(i => i.Id == id) : null;
            if (institution is null) errors[nameof(NewUser.InstitutionId)] = "Lembaga wajib dipilih untuk peran ini.";
        }
        else if (role == Roles.AdminKabKota)
        {
            district = input.DistrictId is { } id && actor.Role == Roles.Admin ? await db.Districts.FirstOrDefaultAsync(d => d.Id == id) : null;
            if (district is null) errors[nameof(NewUser.DistrictId)] = "Kabupaten/Kota wajib dipilih untuk Admin Kabupaten/Kota.";
        }

        var normalized = email.ToUpperInvariant();
        if (!errors.ContainsKey(nameof(NewUser.Email))
            && await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized))
            errors[nameof(NewUser.Email)] = "Email ini sudah dipakai akun lain.";
        if (nik is not null && !errors.ContainsKey(nameof(NewUser.Nik)) && await db.Users.AnyAsync(u => u.Nik == nik))
            errors[nameof(NewUser.Nik)] = "NIK ini sudah dipakai akun lain.";
        if (errors.Count > 0) return new(errors);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = false, FullName = name, Nik = nik,
            InstitutionId = institution?.Id, DistrictId = district?.Id, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return FormResult.Error("", string.Join(" ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role!);
        if (!added.Succeeded) return FormResult.Error("", string.Join(" ", added.Errors.Select(e => e.Description)));

        await passwordLinks.QueueActivationAsync(db, users, user);
        audit.Record(db, actor, "accounts.created",
            $"Akun {Roles.Label(role!)} {name} ({email}) dibuat{BindingText(institution, district)}; email aktivasi dikirim.",
            institutionId: institution?.Id, districtId: district?.Id ?? institution?.DistrictId, entityType: nameof(ApplicationUser), entityId: user.Id);
        db.PublishAfterCommit(LiveTopic);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    /// <summary>"Kirim Ulang Aktivasi": a new activation email for an account that has not set its password yet.</summary>
    public async Task<string?> ResendActivationAsync(UserScope actor, string userId) =>
        await ChangeAsync(actor, userId, async (db, users, user) =>
        {
            if (user.PasswordHash is not null) return "Akun ini sudah aktif: pemiliknya dapat memakai “Lupa Password” bila lupa.";
            await passwordLinks.QueueActivationAsync(db, users, user);
            audit.Record(db, actor, "accounts.activation-resent", $"Email aktivasi dikirim ulang ke {user.Email}.",
                institutionId: user.InstitutionId, districtId: user.DistrictId, entityType: nameof(ApplicationUser), entityId: user.Id);
            return null;
        });

    /// <summary>"Nonaktifkan" ends every session and refuses sign-in; "Aktifkan" also lifts a temporary lockout.</summary>
    public async Task<string?> SetActiveAsync(UserScope actor, string userId, bool active) =>
        await ChangeAsync(actor, userId, async (db, users, user) =>
        {
            if (active)
            {
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }
            else
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                await users.UpdateSecurityStampAsync(user); // open sessions are signed out at their next check
            }
            audit.Record(db, actor, active ? "accounts.activated" : "accounts.deactivated",
                $"Akun {user.FullName} ({user.Email}) {(active ? "diaktifkan kembali" : "dinonaktifkan")}.",
                institutionId: user.InstitutionId, districtId: user.DistrictId, entityType: nameof(ApplicationUser), entityId: user.Id);
            return null;
        });

    /// <summary>
    /// Runs <paramref name="change"/> on an account the actor manages (not their own), in one transaction with its
    /// audit entry and emails. Returns the Indonesian reason when refused.
    /// </summary>
    private async Task<string?> ChangeAsync(UserScope actor, string userId,
        Func<MadrasahDbContext, UserManager<ApplicationUser>, ApplicationUser, Task<string?>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = userId == actor.UserId ? null : await VisibleUsers(db, actor).FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null || !(await users.GetRolesAsync(user)).Any(RolesManagedBy(actor).Contains))
            return "Akun tidak ditemukan atau bukan wewenang Anda.";

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await change(db, users, user) is { } refused) return refused;
        db.PublishAfterCommit(LiveTopic);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>Accounts the actor sees: all for the administrator; for a district admin, those of its institutions and its own district.</summary>
    private static IQueryable<ApplicationUser> VisibleUsers(MadrasahDbContext db, UserScope actor)
    {
        var users = db.Users.AsQueryable();
        if (actor.Role == Roles.Admin) return users;
        if (actor.IsDistrictBound)
            return users.Where(u => u.DistrictId == actor.DistrictId || (u.Institution != null && u.Institution.DistrictId == actor.DistrictId));
        return users.Where(_ => false);
    }

    /// <summary>Sorts by the role's Indonesian label (what the list shows), not by its code name.</summary>
    private static IOrderedQueryable<T> OrderByRoleLabel<T>(IQueryable<T> rows, Expression<Func<T, string>> role, bool descending)
    {
        var byLabel = Roles.All.OrderBy(Roles.Label, StringComparer.Ordinal).ToArray();
        Expression rank = Expression.Constant(byLabel.Length);
        for (var i = byLabel.Length - 1; i >= 0; i--)
            rank = Expression.Condition(Expression.Equal(role.Body, Expression.Constant(byLabel[i])), Expression.Constant(i), rank);
        var key = Expression.Lambda<Func<T, int>>(rank, role.Parameters);
        return descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
    }

    internal static UserStatus StatusOf(bool emailConfirmed, string? passwordHash, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        lockoutEnd == DateTimeOffset.MaxValue ? UserStatus.Deactivated
        : lockoutEnd > now ? UserStatus.LockedOut
        : passwordHash is null || !emailConfirmed ? UserStatus.AwaitingActivation
        : UserStatus.Active;

    private static string BindingText(Institution? institution, District? district) =>
        institution is not null ? $" untuk {institution.Name}" : district is not null ? $" untuk {district.Name}" : "";
}
