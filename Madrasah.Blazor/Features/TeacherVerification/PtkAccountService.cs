using System.Text.RegularExpressions;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.TeacherVerification;

/// <summary>
/// The operator's side of PTK accounts, for the operator's own institution only: the table with each PTK's active
/// email and its status, setting or changing an email (one by one or from a pasted "NIK/NIP → email" list), and
/// giving a PTK a sign-in account (a one-time set-password link, or an initial password).
/// </summary>
public sealed partial class PtkAccountService(
    IDbContextFactory<MadrasahDbContext> factory,
    IServiceScopeFactory scopes,
    PasswordLinks passwordLinks,
    AuditLog audit,
    TimeProvider clock,
    IOptions<TeacherVerificationOptions> options)
{
    public const string NotFoundMessage = "PTK tidak ditemukan di lembaga Anda.";
    /// <summary>Longest list the paste box takes (rows): a large madrasah has about 150 PTK.</summary>
    public const int MaxImportRows = 500;
    public const int MaxImportChars = 100_000;

    private static int? InstitutionOf(UserScope op) => op.Role == Roles.Operator ? op.InstitutionId : null;

    public const string OperatorUnverifiedMessage =
        "Verifikasi dahulu email akun Anda sendiri (bagian “Email Akun Anda (Operator)” di atas): operator wajib memiliki email terverifikasi sebelum mengisi email dan akun PTK.";

    /// <summary>The seed's order: the operator's own email is verified before they set the PTK's.</summary>
    private static async Task<bool> OperatorVerifiedAsync(MadrasahDbContext db, UserScope op)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == op.UserId);
        return user is not null && await AccountVerificationService.OwnVerifiedAsync(db, user);
    }

    public async Task<PtkAccountPage> ListAsync(UserScope op, PtkAccountQuery query)
    {
        if (InstitutionOf(op) is not { } institutionId) return new([], 0, new Dictionary<PtkAccountStatus, int>(), false);
        var all = await RowsAsync(institutionId);
        var counts = Enum.GetValues<PtkAccountStatus>().ToDictionary(s => s, s => all.Count(r => r.Status == s));
        IEnumerable<PtkAccountRow> rows = all;
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (query.Search?.Trim() is { Length: > 0 } term)
        {
            var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
            rows = rows.Where(r => r.FullName.Contains(term, StringComparison.OrdinalIgnoreCase)
                                   || r.Position.Contains(term, StringComparison.OrdinalIgnoreCase)
                                   || (r.Email?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
                                   || (digits.Length >= 4 && (r.Nik.Contains(digits) || (r.Nip?.Contains(digits) ?? false))));
        }
        var matched = rows.ToList();
        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = matched.Skip((Math.Max(query.Page, 1) - 1) * size).Take(size).ToList();
        await using var db = await factory.CreateDbContextAsync();
        return new(page, matched.Count, counts, await OperatorVerifiedAsync(db, op));
    }

    /// <summary>Verified / total PTK of the operator's (or head's) institution: the dashboard's counter.</summary>
    public async Task<(int Verified, int Total)> CountAsync(UserScope scope)
    {
        if (scope.Role is not (Roles.Operator or Roles.KepalaMadrasah) || scope.InstitutionId is not { } id) return (0, 0);
        await using var db = await factory.CreateDbContextAsync();
        var staff = db.Staff.Where(s => s.InstitutionId == id);
        return (await staff.CountAsync(s => s.EmailVerified), await staff.CountAsync());
    }

    private async Task<List<PtkAccountRow>> RowsAsync(int institutionId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var now = Now;
        var max = options.Value.MaxTriesPerCode;
        var rows = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .OrderBy(s => s.FullName)
            .Select(s => new
            {
                s.Id, s.FullName, s.Nik, s.Nip, s.Position, s.Email, s.EmailVerified, s.UserId,
                HasPassword = s.UserId != null && db.Users.Any(u => u.Id == s.UserId && u.PasswordHash != null),
                Code = db.Set<AccountVerificationCode>()
                    .Where(c => c.StaffId == s.Id && c.UserId == s.UserId && c.UsedUtc == null && c.ReplacedUtc == null)
                    .OrderByDescending(c => c.CreatedUtc).Select(c => new { c.CreatedUtc, c.ExpiresUtc, c.Tries }).FirstOrDefault(),
            }).ToListAsync();
        return rows.Select(r =>
        {
            var status = string.IsNullOrWhiteSpace(r.Email) ? PtkAccountStatus.NoEmail
                : r.EmailVerified ? PtkAccountStatus.Verified
                : r.Code is { } c && c.ExpiresUtc > now && c.Tries < max ? PtkAccountStatus.CodeSent
                : PtkAccountStatus.AwaitingVerification;
            return new PtkAccountRow(r.Id, r.FullName, r.Nik, r.Nip, r.Position, r.Email, status, r.UserId != null, r.HasPassword,
                r.EmailVerified ? null : r.Code?.CreatedUtc, r.EmailVerified ? null : r.Code?.ExpiresUtc);
        }).ToList();
    }

    /// <summary>"Simpan" of "Ubah Email": the PTK's active email (and its account's sign-in address); it must be verified again.</summary>
    public async Task<FormResult> SetEmailAsync(UserScope op, int staffId, string? email)
    {
        if (InstitutionOf(op) is not { } institutionId) return FormResult.Error("", NotFoundMessage);
        await using var db = await factory.CreateDbContextAsync();
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.InstitutionId == institutionId);
        if (staff is null) return FormResult.Error("", NotFoundMessage);
        if (!await OperatorVerifiedAsync(db, op)) return FormResult.Error("", OperatorUnverifiedMessage);
        if (await EmailOnRecord.CheckAsync(db, email, staff.Id, staff.UserId) is { } error) return FormResult.Error(nameof(SetEmailForm.Email), error);
        if (EmailOnRecord.Normalize(email!) == EmailOnRecord.Normalize(staff.Email ?? ""))
            return FormResult.Error(nameof(SetEmailForm.Email), "Email sama dengan yang tercatat; tidak ada yang diubah.");

        await using var transaction = await db.Database.BeginTransactionAsync();
        await ApplyAsync(db, op, staff, email!, "satu per satu");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    private async Task ApplyAsync(MadrasahDbContext db, UserScope op, Staff staff, string email, string how)
    {
        var user = staff.UserId is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == staff.UserId);
        if (user is not null) await AccountVerificationService.ReplaceCodesAsync(db, user.Id, Now);
        var old = staff.Email;
        EmailOnRecord.Apply(staff, user, email);
        audit.Record(db, op, "ptk-accounts.email-set",
            $"Email Aktif {staff.FullName} diisi operator ({how}): {old ?? "(kosong)"} → {staff.Email}; menunggu verifikasi oleh PTK."
            + (user is not null ? " Email masuk akun ikut berubah." : ""),
            institutionId: staff.InstitutionId, entityType: nameof(Staff), entityId: staff.Id);
        db.PublishAfterCommit(AccountVerificationService.LiveTopic(staff.InstitutionId));
        if (user is not null) db.PublishAfterCommit(AccountVerificationService.OwnTopic(user.Id));
    }

    /// <summary>
    /// A pasted list, one PTK a line: NIK (16 digits) or NIP (18 digits, spaces allowed inside) then the email,
    /// separated by a tab, comma, semicolon or space (a spreadsheet's copied columns work). <paramref name="apply"/>
    /// false only checks ("Periksa Daftar"); true saves every good line in one transaction and reports each line.
    /// </summary>
    public async Task<ImportReport> ImportAsync(UserScope op, string? text, bool apply)
    {
        if (InstitutionOf(op) is not { } institutionId) return new([new(0, "", "", null, ImportOutcome.Error, NotFoundMessage)], false);
        text ??= "";
        if (text.Length > MaxImportChars)
            return new([new(0, "", "", null, ImportOutcome.Error, $"Daftar terlalu panjang: paling banyak {MaxImportChars:N0} karakter ({MaxImportRows} baris) sekali tempel.")], false);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Count(l => !string.IsNullOrWhiteSpace(l)) > MaxImportRows)
            return new([new(0, "", "", null, ImportOutcome.Error, $"Daftar terlalu panjang: paling banyak {MaxImportRows} baris sekali tempel. Bagi menjadi beberapa bagian.")], false);

        await using var db = await factory.CreateDbContextAsync();
        if (!await OperatorVerifiedAsync(db, op)) return new([new(0, "", "", null, ImportOutcome.Error, OperatorUnverifiedMessage)], false);
        var staff = await db.Staff.Where(s => s.InstitutionId == institutionId).ToListAsync();
        var byNik = staff.ToDictionary(s => s.Nik);
        var byNip = staff.Where(s => s.Nip != null).ToDictionary(s => s.Nip!);
        var rows = new List<ImportRow>();
        var staffLine = new Dictionary<int, int>();
        var emailLine = new Dictionary<string, int>();
        var changes = new List<(Staff Staff, string Email)>();

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0) continue;
            var (identifier, email) = SplitLine(line);
            var digits = new string(identifier.Where(char.IsAsciiDigit).ToArray());
            if (rows.Count == 0 && digits.Length == 0 && !email.Contains('@'))
            {
                rows.Add(new(number, identifier, email, null, ImportOutcome.Header, "Baris judul kolom, dilewati."));
                continue;
            }
            ImportRow Fail(string message, Staff? s = null) => new(number, identifier, email, s?.FullName, ImportOutcome.Error, message);

            if (identifier.Length == 0) { rows.Add(Fail("NIK/NIP kosong. Tulis NIK (16 angka) atau NIP (18 angka), lalu email.")); continue; }
            if (NonIdentifier().IsMatch(identifier))
            {
                rows.Add(Fail($"NIK/NIP hanya berisi angka (spasi, titik atau tanda hubung boleh di antaranya); “{identifier}” bukan NIK/NIP."));
                continue;
            }
            Staff? person = digits.Length switch
            {
                16 => byNik.GetValueOrDefault(digits),
                18 => byNip.GetValueOrDefault(digits),
                _ => null,
            };
            if (digits.Length is not (16 or 18)) { rows.Add(Fail($"NIK/NIP harus 16 angka (NIK) atau 18 angka (NIP); yang terisi {digits.Length} angka.")); continue; }
            if (person is null) { rows.Add(Fail($"Tidak ada PTK dengan {(digits.Length == 16 ? "NIK" : "NIP")} {digits} di lembaga Anda.")); continue; }
            if (staffLine.TryGetValue(person.Id, out var firstLine)) { rows.Add(Fail($"{person.FullName} sudah ada di baris {firstLine}; baris ini dilewati.", person)); continue; }
            staffLine[person.Id] = number;
            if (email.Length == 0) { rows.Add(Fail("Email kosong. Tulis email aktif PTK sesudah NIK/NIP.", person)); continue; }
            var normalized = EmailOnRecord.Normalize(email);
            if (emailLine.TryGetValue(normalized, out var sameEmail)) { rows.Add(Fail($"Email yang sama sudah dipakai di baris {sameEmail}.", person)); continue; }
            if (await EmailOnRecord.CheckAsync(db, email, person.Id, person.UserId) is { } error) { rows.Add(Fail(error, person)); continue; }
            emailLine[normalized] = number;
            if (normalized == EmailOnRecord.Normalize(person.Email ?? ""))
            {
                rows.Add(new(number, identifier, email, person.FullName, ImportOutcome.Unchanged, "Sama dengan email yang tercatat; tidak diubah."));
                continue;
            }
            changes.Add((person, email));
            rows.Add(new(number, identifier, email, person.FullName, apply ? ImportOutcome.Saved : ImportOutcome.Ready,
                (apply ? "Tersimpan" : "Siap disimpan") + (person.Email is null ? "." : $" (menggantikan {person.Email}).")));
        }
        if (apply && changes.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var (person, email) in changes) await ApplyAsync(db, op, person, email, "dari daftar tempel");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        return new(rows, apply);
    }

    /// <summary>The email is the token with "@" (the last one); the identifier is what comes before it.</summary>
    private static (string Identifier, string Email) SplitLine(string line)
    {
        var tokens = Separators().Split(line).Where(t => t.Length > 0).ToList();
        var at = tokens.FindLastIndex(t => t.Contains('@'));
        if (at < 0)
        {
            // No address: the first cell is the identifier (a NIP may hold spaces), the rest what stood for the email.
            var cells = CellSeparators().Split(line);
            return cells.Length > 1 ? (cells[0].Trim(), string.Join(" ", cells.Skip(1)).Trim()) : (line, "");
        }
        return (string.Join(" ", tokens.Take(at)).Trim(), tokens[at].Trim());
    }

    [GeneratedRegex(@"[\s,;]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[\t,;]")]
    private static partial Regex CellSeparators();

    [GeneratedRegex(@"[^0-9\s.\-]")]
    private static partial Regex NonIdentifier();

    /// <summary>
    /// "Buat Akun": a sign-in account (role Pegawai) for a PTK with an email and no account yet. <see cref="AccountSetup.Link"/>
    /// emails a one-time set-password link (UserAccounts' activation email); <see cref="AccountSetup.InitialPassword"/>
    /// sets the operator's password, which the teacher can use at once.
    /// </summary>
    public async Task<FormResult> CreateAccountAsync(UserScope op, int staffId, AccountSetup setup, string? password)
    {
        if (InstitutionOf(op) is not { } institutionId) return FormResult.Error("", NotFoundMessage);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.InstitutionId == institutionId);
        if (staff is null) return FormResult.Error("", NotFoundMessage);
        if (!await OperatorVerifiedAsync(db, op)) return FormResult.Error("", OperatorUnverifiedMessage);
        if (staff.UserId is not null) return FormResult.Error("", "PTK ini sudah memiliki akun. Gunakan “Kirim Tautan Password” bila perlu.");
        if (string.IsNullOrWhiteSpace(staff.Email)) return FormResult.Error("", "Isi Email Aktif PTK ini terlebih dahulu; email itu menjadi nama masuk akunnya.");
        if (await EmailOnRecord.CheckAsync(db, staff.Email, staff.Id, null) is { } emailError) return FormResult.Error("", emailError);
        if (setup == AccountSetup.InitialPassword)
        {
            if (string.IsNullOrEmpty(password)) return FormResult.Error(nameof(CreateAccountForm.Password), "Password Awal wajib diisi.");
            if (PasswordRules.CheckLength(password, "Password Awal") is { } tooLong) return FormResult.Error(nameof(CreateAccountForm.Password), tooLong);
            if (!PasswordRules.IsStrong(password))
                return FormResult.Error(nameof(CreateAccountForm.Password), PasswordRules.IsCommon(password) ? PasswordRules.CommonPasswordMessage
                    : "Password Awal belum memenuhi ketentuan: minimal 8 karakter dengan huruf besar, huruf kecil, angka dan simbol.");
        }
        if (await db.Users.AnyAsync(u => u.Nik == staff.Nik)) return FormResult.Error("", "NIK PTK ini sudah dipakai akun lain. Hubungi Admin Kabupaten/Kota.");

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ApplicationUser
        {
            UserName = staff.Email, Email = staff.Email, FullName = staff.FullName, Nik = staff.Nik, InstitutionId = staff.InstitutionId,
            CreatedUtc = Now,
            // Sign-in needs a confirmed address: the operator's initial password vouches for it; the link confirms it when used.
            EmailConfirmed = setup == AccountSetup.InitialPassword,
        };
        var created = setup == AccountSetup.InitialPassword ? await users.CreateAsync(user, password!) : await users.CreateAsync(user);
        if (!created.Succeeded)
            return FormResult.Error(setup == AccountSetup.InitialPassword ? nameof(CreateAccountForm.Password) : "", string.Join(" ", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync(user, Roles.Pegawai);
        if (!role.Succeeded) return FormResult.Error("", string.Join(" ", role.Errors.Select(e => e.Description)));
        staff.UserId = user.Id;
        if (setup == AccountSetup.Link) await passwordLinks.QueueActivationAsync(db, users, user);
        audit.Record(db, op, "ptk-accounts.account-created",
            $"Akun PTK {staff.FullName} ({staff.Email}) dibuat; " + (setup == AccountSetup.Link ? "tautan atur Password dikirim ke email aktifnya." : "Password awal diatur oleh operator."),
            institutionId: staff.InstitutionId, entityType: nameof(Staff), entityId: staff.Id);
        db.PublishAfterCommit(AccountVerificationService.LiveTopic(staff.InstitutionId), UserAdministrationService.LiveTopic);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    /// <summary>"Kirim Tautan Password": a one-time set-password link to the PTK's account (activation when it has no password yet).</summary>
    public async Task<string?> SendPasswordLinkAsync(UserScope op, int staffId)
    {
        if (InstitutionOf(op) is not { } institutionId) return NotFoundMessage;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.InstitutionId == institutionId);
        var user = staff?.UserId is { } userId ? await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.InstitutionId == institutionId) : null;
        if (staff is null) return NotFoundMessage;
        if (!await OperatorVerifiedAsync(db, op)) return OperatorUnverifiedMessage;
        if (user is null) return "PTK ini belum memiliki akun.";
        if (user.LockoutEnd == DateTimeOffset.MaxValue) return "Akun PTK ini dinonaktifkan; hubungi Admin Kabupaten/Kota.";
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (user.PasswordHash is null) await passwordLinks.QueueActivationAsync(db, users, user);
        else await passwordLinks.QueueResetAsync(db, users, user);
        audit.Record(db, op, "ptk-accounts.password-link-sent", $"Tautan atur Password dikirim operator ke {user.Email} ({staff.FullName}).",
            institutionId: institutionId, entityType: nameof(Staff), entityId: staff.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>The "Ubah Email" dialog of a row.</summary>
public sealed class SetEmailForm
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Email wajib diisi.")]
    [System.ComponentModel.DataAnnotations.MaxLength(TextLimits.Email, ErrorMessage = "Email paling banyak 254 karakter.")]
    public string Email { get; set; } = "";
}

/// <summary>The "Buat Akun" dialog of a row.</summary>
public sealed class CreateAccountForm
{
    public AccountSetup Setup { get; set; } = AccountSetup.Link;
    public string Password { get; set; } = "";
}
