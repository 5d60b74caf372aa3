using System.Security.Cryptography;
using System.Text;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.TeacherVerification;

/// <summary>
/// The signed-in account's own email verification (Biodata → Akun → "Verifikasi Sekarang"; the operator's own too):
/// the email on record, its correction with the account's password, "LANJUT" / "Kirim ulang kode" sending a 6-digit
/// code, "SIMPAN" checking it. Everything acts on the caller's own account only: no id is taken from the page.
/// </summary>
public sealed class AccountVerificationService(
    IDbContextFactory<MadrasahDbContext> factory,
    IServiceScopeFactory scopes,
    EmailOutbox outbox,
    AuditLog audit,
    TimeProvider clock,
    IOptions<TeacherVerificationOptions> options,
    ILogger<AccountVerificationService> logger)
{
    public const string CodeField = "Kode Verifikasi";
    public const int CodeLength = 6;

    /// <summary>Topic of one institution's PTK account statuses (operator's table, dashboard counter).</summary>
    public static string LiveTopic(int institutionId) => LiveTopics.Feature("ptk-accounts", institutionId);

    /// <summary>Topic of one account's own verification (its "Akun" tab in every open tab of the browser).</summary>
    public static string OwnTopic(string userId) => "account-verification:" + userId;

    private TeacherVerificationOptions O => options.Value;

    public async Task<VerificationState?> GetStateAsync(UserScope me)
    {
        if (!me.IsAuthenticated) return null;
        await using var db = await factory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().Include(u => u.Institution).FirstOrDefaultAsync(u => u.Id == me.UserId);
        if (user is null) return null;
        var staff = await OwnStaff(db, user).AsNoTracking().FirstOrDefaultAsync();
        var email = staff is not null ? staff.Email : user.Email;
        var verified = staff is not null ? staff.EmailVerified : await OwnVerifiedAsync(db, user);
        var now = Now;

        SentCode? sent = null;
        var code = await db.Set<AccountVerificationCode>().AsNoTracking()
            .Where(c => c.UserId == user.Id && c.UsedUtc == null && c.ReplacedUtc == null)
            .OrderByDescending(c => c.CreatedUtc).FirstOrDefaultAsync();
        if (code is not null && !verified)
        {
            var message = code.OutboxMessageId is { } id
                ? await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Id == id)
                    .Select(m => new { m.Status, m.SentUtc, m.Attempts, m.LastError }).FirstOrDefaultAsync()
                : null;
            sent = new SentCode(code.Email, code.CreatedUtc, code.ExpiresUtc, Math.Max(0, O.MaxTriesPerCode - code.Tries), code.ExpiresUtc <= now,
                message?.Status, message?.SentUtc, message?.Attempts ?? 0, message?.LastError);
        }
        var (next, limit) = verified || string.IsNullOrWhiteSpace(email) ? (null, null) : await NextCodeAsync(db, user.Id, now);
        return new VerificationState(user.FullName, email, verified, staff is not null, user.Institution?.Name, sent, next, limit);
    }

    /// <summary>The signed-in teacher's own PTK record (the "Data Diri" tab), or null for an account without one.</summary>
    public async Task<Staff?> GetOwnStaffAsync(UserScope me)
    {
        if (!me.IsAuthenticated) return null;
        await using var db = await factory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == me.UserId);
        return user is null ? null : await OwnStaff(db, user).AsNoTracking().Include(s => s.Institution).FirstOrDefaultAsync();
    }

    /// <summary>"Ubah Email" before LANJUT: the new address needs the account's password (a wrong one counts toward its lockout).</summary>
    public async Task<FormResult> ChangeEmailAsync(UserScope me, string? email, string? password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = me.IsAuthenticated ? await db.Users.FirstOrDefaultAsync(u => u.Id == me.UserId) : null;
        if (user is null) return FormResult.Error("", "Akun tidak ditemukan. Masuk kembali lalu ulangi.");
        var staff = await OwnStaff(db, user).FirstOrDefaultAsync();

        var errors = new Dictionary<string, string>();
        if (await EmailOnRecord.CheckAsync(db, email, staff?.Id, user.Id, "Email Aktif") is { } emailError) errors[nameof(ChangeEmailForm.Email)] = emailError;
        else if (EmailOnRecord.Normalize(email!) == EmailOnRecord.Normalize((staff is not null ? staff.Email : user.Email) ?? ""))
            errors[nameof(ChangeEmailForm.Email)] = "Email Aktif sama dengan email yang tercatat; tidak ada yang diubah.";
        if (string.IsNullOrEmpty(password)) errors[nameof(ChangeEmailForm.Password)] = "Password wajib diisi untuk mengubah Email Aktif.";
        else if (PasswordRules.CheckLength(password, "Password") is { } tooLong) errors[nameof(ChangeEmailForm.Password)] = tooLong;
        if (errors.Count > 0) return new(errors);

        if (await users.IsLockedOutAsync(user)) return FormResult.Error("", LockedOutMessage);
        if (!await users.CheckPasswordAsync(user, password!))
        {
            await users.AccessFailedAsync(user);
            if (!await users.IsLockedOutAsync(user)) return FormResult.Error(nameof(ChangeEmailForm.Password), "Password salah. Email Aktif tidak diubah.");
            await users.UpdateSecurityStampAsync(user); // every session of the account ends
            audit.Record(db, me, "identity.locked-out", "Akun terkunci setelah Password salah berulang saat mengubah Email Aktif.",
                entityType: nameof(ApplicationUser), entityId: user.Id);
            await db.SaveChangesAsync();
            return FormResult.Error("", LockedOutMessage);
        }
        await users.ResetAccessFailedCountAsync(user);

        var old = staff is not null ? staff.Email : user.Email;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await ReplaceCodesAsync(db, user.Id);
        EmailOnRecord.Apply(staff, user, email!);
        audit.Record(db, me, "ptk-accounts.email-changed-by-owner",
            $"Email Aktif diubah oleh pemilik akun dari {old ?? "(kosong)"} menjadi {email!.Trim()}; perlu diverifikasi ulang.",
            institutionId: user.InstitutionId, entityType: staff is not null ? nameof(Staff) : nameof(ApplicationUser), entityId: staff?.Id.ToString() ?? user.Id);
        Publish(db, user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    public const string LockedOutMessage = "Akun terkunci sementara karena Password salah terlalu sering. Demi keamanan, Anda dikeluarkan; coba lagi nanti.";

    /// <summary>"LANJUT" and "Kirim ulang kode": a new code to the email on record (older codes stop working), within the cooldown and the limits.</summary>
    public async Task<CodeRequest> SendCodeAsync(UserScope me)
    {
        await using var db = await factory.CreateDbContextAsync();
        // Two presses at once are checked one after the other, so the limits hold.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.SerializeOnAsync($"verification-code:{me.UserId}");
        var user = me.IsAuthenticated ? await db.Users.Include(u => u.Institution).FirstOrDefaultAsync(u => u.Id == me.UserId) : null;
        if (user is null) return new(false, "Akun tidak ditemukan. Masuk kembali lalu ulangi.");
        var staff = await OwnStaff(db, user).FirstOrDefaultAsync();
        var email = staff is not null ? staff.Email : user.Email;
        if (string.IsNullOrWhiteSpace(email))
            return new(false, "Email Aktif belum diisi. Isi email aktif Anda (atau minta operator lembaga mengisinya) sebelum verifikasi.");
        if (staff is not null ? staff.EmailVerified : await OwnVerifiedAsync(db, user)) return new(false, "Email Aktif Anda sudah terverifikasi.");

        var now = Now;
        var (next, limit) = await NextCodeAsync(db, user.Id, now);
        if (next is { } wait && wait > now)
            return new(false, limit ?? $"Kode baru dapat diminta lagi dalam {MailRequestThrottle.WaitText(wait - now)}. Periksa juga folder Spam.");

        await ReplaceCodesAsync(db, user.Id);
        var code = NewCode();
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var row = new AccountVerificationCode
        {
            UserId = user.Id, StaffId = staff?.Id, InstitutionId = user.InstitutionId, Email = email.Trim(), Salt = salt,
            CodeHash = Hash(salt, user.Id, code), CreatedUtc = now, ExpiresUtc = now.AddMinutes(O.CodeValidMinutes),
        };
        db.Add(row);
        var message = await outbox.EnqueueAsync<VerificationCodeEmail>(db, row.Email, user.FullName, Subject, new Dictionary<string, object?>
        {
            [nameof(VerificationCodeEmail.FullName)] = user.FullName,
            [nameof(VerificationCodeEmail.Code)] = code,
            [nameof(VerificationCodeEmail.Email)] = row.Email,
            [nameof(VerificationCodeEmail.InstitutionName)] = user.Institution?.Name,
            [nameof(VerificationCodeEmail.ExpiresUtc)] = row.ExpiresUtc,
            [nameof(VerificationCodeEmail.Minutes)] = O.CodeValidMinutes,
        }, user.InstitutionId);
        await db.SaveChangesAsync();
        row.OutboxMessageId = message.Id;
        audit.Record(db, me, "ptk-accounts.code-sent", $"Kode verifikasi dikirim ke {row.Email}; berlaku sampai {Wib.Format(row.ExpiresUtc)}.",
            institutionId: user.InstitutionId, entityType: nameof(ApplicationUser), entityId: user.Id);
        Publish(db, user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Verification code sent to account {UserId}", user.Id);
        return new(true);
    }

    public const string Subject = "Kode Verifikasi Email Akun Madrasah";

    /// <summary>"SIMPAN": the typed "Kode Verifikasi" against the account's newest working code.</summary>
    public async Task<CodeCheck> VerifyAsync(UserScope me, string? typed)
    {
        if (CheckFormat(typed) is { } formatError) return new(CodeOutcome.InvalidFormat, formatError);
        var code = typed!.Trim();
        await using var db = await factory.CreateDbContextAsync();
        var user = me.IsAuthenticated ? await db.Users.FirstOrDefaultAsync(u => u.Id == me.UserId) : null;
        if (user is null) return new(CodeOutcome.NoCode, "Akun tidak ditemukan. Masuk kembali lalu ulangi.");
        var staff = await OwnStaff(db, user).FirstOrDefaultAsync();
        if (staff is not null ? staff.EmailVerified : await OwnVerifiedAsync(db, user))
            return new(CodeOutcome.AlreadyVerified, "Email Aktif Anda sudah terverifikasi; kode tidak diperlukan lagi.");

        var now = Now;
        var recent = await db.Set<AccountVerificationCode>().AsNoTracking()
            .Where(c => c.UserId == user.Id && c.CreatedUtc > now.AddDays(-1))
            .OrderByDescending(c => c.CreatedUtc).Take(O.MaxCodesPerDay + 5).ToListAsync();
        var active = recent.FirstOrDefault(c => c.UsedUtc == null && c.ReplacedUtc == null);
        var matched = recent.FirstOrDefault(c => Matches(c, code));
        if (active is null)
        {
            if (matched?.UsedUtc is not null) return new(CodeOutcome.Used, "Kode ini sudah dipakai dan tidak berlaku lagi. Tekan “Kirim ulang kode” untuk kode baru.");
            if (matched?.ReplacedUtc is not null) return new(CodeOutcome.Replaced, ReplacedMessage);
            return new(CodeOutcome.NoCode, "Belum ada kode yang berlaku. Tekan “LANJUT” atau “Kirim ulang kode” untuk menerima kode baru.");
        }
        if (active.ExpiresUtc <= now)
            return new(CodeOutcome.Expired, $"Kode Verifikasi sudah kedaluwarsa (berlaku {O.CodeValidMinutes} menit sampai {Wib.Format(active.ExpiresUtc)}). Tekan “Kirim ulang kode” untuk kode baru.");

        // The try is counted before the code is compared, in one statement: parallel guesses cannot pass the limit.
        var max = O.MaxTriesPerCode;
        var counted = await db.Set<AccountVerificationCode>()
            .Where(c => c.Id == active.Id && c.UsedUtc == null && c.ReplacedUtc == null && c.Tries < max)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tries, c => c.Tries + 1));
        if (counted == 0) return new(CodeOutcome.TooManyTries, TooManyTriesMessage(max), 0);
        var left = max - await db.Set<AccountVerificationCode>().Where(c => c.Id == active.Id).Select(c => c.Tries).FirstAsync();

        if (!Matches(active, code))
        {
            logger.LogWarning("Wrong verification code for account {UserId} ({Left} tries left)", user.Id, left);
            if (left <= 0)
            {
                audit.Record(db, me, "ptk-accounts.code-blocked", $"Kode verifikasi untuk {active.Email} salah {max} kali; kode tidak berlaku lagi.",
                    institutionId: user.InstitutionId, entityType: nameof(ApplicationUser), entityId: user.Id);
                Publish(db, user);
                await db.SaveChangesAsync();
                return new(CodeOutcome.TooManyTries, TooManyTriesMessage(max), 0);
            }
            return ReferenceEquals(matched, null) || matched.Id == active.Id
                ? new(CodeOutcome.Wrong, $"Kode Verifikasi salah. Sisa percobaan: {left} kali.", left)
                : new(CodeOutcome.Wrong, $"{ReplacedMessage} Sisa percobaan untuk kode terbaru: {left} kali.", left);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await db.Set<AccountVerificationCode>()
            .Where(c => c.Id == active.Id && c.UsedUtc == null && c.ReplacedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedUtc, now));
        if (claimed != 1) return new(CodeOutcome.Used, "Kode ini baru saja dipakai. Muat ulang halaman untuk melihat statusnya.");
        if (staff is not null) staff.EmailVerified = true;
        audit.Record(db, me, "ptk-accounts.verified", $"Email Aktif {active.Email} terverifikasi dengan kode yang dikirim ke alamat itu.",
            institutionId: user.InstitutionId, entityType: staff is not null ? nameof(Staff) : nameof(ApplicationUser), entityId: staff?.Id.ToString() ?? user.Id);
        Publish(db, user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new(CodeOutcome.Verified);
    }

    private const string ReplacedMessage = "Kode ini sudah diganti dengan kode yang lebih baru: gunakan kode pada email verifikasi yang paling akhir.";

    private static string TooManyTriesMessage(int max) =>
        $"Kode Verifikasi salah {max} kali, sehingga kode ini tidak berlaku lagi. Tekan “Kirim ulang kode” untuk menerima kode baru.";

    /// <summary>
    /// The typed code's form, before it reaches any data (not counted as a try): 6 ASCII digits; spaces around it
    /// (a pasted code) are dropped, spaces inside, letters and other lengths are told plainly.
    /// </summary>
    public static string? CheckFormat(string? typed)
    {
        var code = typed?.Trim() ?? "";
        if (code.Length == 0) return $"{CodeField} wajib diisi.";
        if (code.Length > 64) return $"{CodeField} terdiri dari {CodeLength} angka.";
        if (code.Any(char.IsWhiteSpace)) return $"{CodeField} ditulis tanpa spasi: {CodeLength} angka, misalnya 482915.";
        var other = code.FirstOrDefault(c => !char.IsAsciiDigit(c));
        if (other != default)
            return char.IsLetter(other)
                ? $"{CodeField} hanya berisi angka 0–9, tanpa huruf (ada “{other}”). Salin kode dari email verifikasi."
                : $"{CodeField} hanya berisi angka 0–9 (ada “{other}”).";
        if (code.Length != CodeLength) return $"{CodeField} terdiri dari {CodeLength} angka; yang terisi {code.Length} angka.";
        return null;
    }

    /// <summary>A code from a cryptographic random source: each of the 10⁶ six-digit codes equally likely.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");

    /// <summary>HMAC-SHA256 of the account and code under the row's random salt, 64 hex digits.</summary>
    public static string Hash(string salt, string userId, string code) =>
        Convert.ToHexString(HMACSHA256.HashData(Convert.FromHexString(salt), Encoding.UTF8.GetBytes(userId + ":" + code)));

    private static bool Matches(AccountVerificationCode row, string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(row.Salt, row.UserId, code)), Encoding.ASCII.GetBytes(row.CodeHash));

    /// <summary>When the next code may be sent (null: now), and the message when an hourly or daily limit holds it.</summary>
    private async Task<(DateTime? Next, string? LimitMessage)> NextCodeAsync(MadrasahDbContext db, string userId, DateTime now)
    {
        var times = await db.Set<AccountVerificationCode>().Where(c => c.UserId == userId && c.CreatedUtc > now.AddDays(-1))
            .OrderByDescending(c => c.CreatedUtc).Select(c => c.CreatedUtc).ToListAsync();
        if (times.Count == 0) return (null, null);
        DateTime? next = times[0].AddSeconds(O.ResendCooldownSeconds);
        string? limit = null;
        var lastHour = times.Where(t => t > now.AddHours(-1)).ToList();
        if (lastHour.Count >= O.MaxCodesPerHour)
        {
            var hourFree = lastHour[O.MaxCodesPerHour - 1].AddHours(1);
            if (hourFree > next) (next, limit) = (hourFree, $"Batas {O.MaxCodesPerHour} kode per jam sudah tercapai. Kode baru dapat diminta lagi pukul {WibTime(hourFree)}. Periksa juga folder Spam.");
        }
        if (times.Count >= O.MaxCodesPerDay)
        {
            var dayFree = times[O.MaxCodesPerDay - 1].AddDays(1);
            if (dayFree > next) (next, limit) = (dayFree, $"Batas {O.MaxCodesPerDay} kode per hari sudah tercapai. Kode baru dapat diminta lagi pada {Wib.Format(dayFree)}, atau hubungi operator lembaga.");
        }
        return next > now ? (next, limit) : (null, null);
    }

    private static string WibTime(DateTime utc) => Wib.FromUtc(utc).ToString("HH.mm", Wib.Culture) + " WIB";

    /// <summary>Every working code of the account stops working (a new code, or a new address).</summary>
    internal static Task<int> ReplaceCodesAsync(MadrasahDbContext db, string userId, DateTime? now = null)
    {
        var at = now ?? DateTime.UtcNow;
        return db.Set<AccountVerificationCode>().Where(c => c.UserId == userId && c.UsedUtc == null && c.ReplacedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplacedUtc, at));
    }

    private Task<int> ReplaceCodesAsync(MadrasahDbContext db, string userId) => ReplaceCodesAsync(db, userId, Now);

    /// <summary>The PTK record of the account, within its own institution.</summary>
    internal static IQueryable<Staff> OwnStaff(MadrasahDbContext db, ApplicationUser user) =>
        db.Staff.Where(s => s.UserId == user.Id && s.InstitutionId == user.InstitutionId);

    /// <summary>An account without PTK data (the operator's) is verified when a code sent to its current address was used.</summary>
    internal static Task<bool> OwnVerifiedAsync(MadrasahDbContext db, ApplicationUser user)
    {
        var email = user.Email ?? "";
        return db.Set<AccountVerificationCode>().AnyAsync(c => c.UserId == user.Id && c.UsedUtc != null && c.Email == email);
    }

    private static void Publish(MadrasahDbContext db, ApplicationUser user)
    {
        db.PublishAfterCommit(OwnTopic(user.Id));
        if (user.InstitutionId is { } id) db.PublishAfterCommit(LiveTopic(id));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>The "Ubah Email" form of the "Akun" tab.</summary>
public sealed class ChangeEmailForm
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Email Aktif wajib diisi.")]
    [System.ComponentModel.DataAnnotations.MaxLength(TextLimits.Email, ErrorMessage = "Email Aktif paling banyak 254 karakter.")]
    public string Email { get; set; } = "";

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Password wajib diisi untuk mengubah Email Aktif.")]
    public string Password { get; set; } = "";
}
