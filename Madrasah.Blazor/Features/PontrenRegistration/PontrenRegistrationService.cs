using System.Security.Cryptography;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.RateLimits;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.PontrenRegistration;

/// <summary>What the registration form sends (the names are the form's fields, used as keys of refusals).</summary>
public sealed record RegistrationForm(
    InstitutionType? Category, string? InstitutionName, string? StatisticNumber, string? Npsn, string? Address, string? Village,
    string? Subdistrict, string? ProvinceCode, int? DistrictId, DateOnly? FoundedOn, string? SkNumber, DateOnly? SkDate,
    string? OperatorName, string? OperatorNik, string? OperatorEmail);

/// <summary>A chosen PDF: its name as the user gave it and its bytes (checked by content, not by name).</summary>
public sealed record DocumentInput(string FileName, byte[] Content);

public static class RegistrationFields
{
    public const string SkDocument = "SkDocument";
    public const string AssignmentLetter = "AssignmentLetter";
}

public sealed record DistrictChoice(int Id, string Name, string ProvinceCode, string ProvinceName);

public sealed record RegisterResult(FormResult Form, string? Number = null, string? StatusPath = null, string? Email = null)
{
    public bool Succeeded => Form.Succeeded && Number is not null;
}

/// <summary>What the applicant sees through the status link: the status, their place in the queue while waiting.</summary>
public sealed record ApplicantView(
    string Number, string InstitutionName, InstitutionType Category, string DistrictName, int DistrictId, RegistrationStatus Status,
    DateTime SubmittedUtc, int? Position, int WaitingCount, DateTime? DecidedUtc, string? RejectionReason, string OperatorEmail);

public static class PontrenTopics
{
    /// <summary>A district's queue: the admin's list and every waiting applicant's position.</summary>
    public static string Queue(int districtId) => $"pontren-registrations:district:{districtId}";
}

/// <summary>
/// The applicant's side of the pesantren registration: the districts offered, the per-field checks (each refusal names
/// its field in Indonesian), the duplicate check shown before submission, "Kirim Pendaftaran" (registration, two PDFs,
/// confirmation email with the status link, the district queue's live update) and the status page with the live
/// position in the queue. Rate-limited per client and per email address.
/// </summary>
public sealed class PontrenRegistrationService(
    IDbContextFactory<MadrasahDbContext> factory,
    UploadStore uploads,
    EmailOutbox outbox,
    AuditLog audit,
    RegistrationLimiter limiter,
    TimeProvider clock)
{
    public const string StatusPathPrefix = "/pontren/daftar/status/";

    public static readonly UploadRule SkRule = UploadRule.Pdf("SK/Piagam", RegistrationLimits.DocumentBytes);
    public static readonly UploadRule AssignmentRule = UploadRule.Pdf("Surat Tugas Operator", RegistrationLimits.DocumentBytes);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The districts (Kabupaten/Kota) served by this application: a registration waits in one of their queues.</summary>
    public async Task<IReadOnlyList<DistrictChoice>> DistrictsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Districts.AsNoTracking().OrderBy(d => d.ProvinceName).ThenBy(d => d.Name)
            .Select(d => new DistrictChoice(d.Id, d.Name, d.ProvinceCode, d.ProvinceName)).ToListAsync();
    }

    /// <summary>Every check of the form, duplicates included, without saving anything (also what "Kirim Pendaftaran" checks first).</summary>
    public async Task<FormResult> ValidateAsync(RegistrationForm form, DocumentInput? sk, DocumentInput? assignment)
    {
        var errors = new Dictionary<string, string>();
        void Add(string field, string? message) { if (message is not null) errors.TryAdd(field, message); }
        var today = Wib.Today(clock);

        if (form.Category is not { } category || !RegistrationRules.Categories.Contains(category))
            Add(nameof(RegistrationForm.Category), "Kategori Lembaga wajib dipilih: Pondok Pesantren, MDT atau LPQ.");
        Add(nameof(RegistrationForm.InstitutionName), TextRules.Check(form.InstitutionName, "Nama Lembaga", TextLimits.InstitutionName, required: true));
        var statisticLabel = RegistrationRules.StatisticLabel(form.Category);
        Add(nameof(RegistrationForm.StatisticNumber), Identifiers.CheckStatisticNumber(form.StatisticNumber, statisticLabel));
        if (!string.IsNullOrWhiteSpace(form.Npsn)) Add(nameof(RegistrationForm.Npsn), Identifiers.CheckNpsn(form.Npsn));
        Add(nameof(RegistrationForm.Address), TextRules.Check(form.Address, "Alamat", TextLimits.Address, required: true));
        Add(nameof(RegistrationForm.Village), TextRules.Check(form.Village, "Desa/Kelurahan", TextLimits.PlaceName, required: true));
        Add(nameof(RegistrationForm.Subdistrict), TextRules.Check(form.Subdistrict, "Kecamatan", TextLimits.PlaceName, required: true));

        var districts = await DistrictsAsync();
        if (string.IsNullOrWhiteSpace(form.ProvinceCode) || districts.All(d => d.ProvinceCode != form.ProvinceCode))
            Add(nameof(RegistrationForm.ProvinceCode), "Provinsi wajib dipilih dari daftar.");
        else if (districts.FirstOrDefault(d => d.Id == form.DistrictId) is not { } district || district.ProvinceCode != form.ProvinceCode)
            Add(nameof(RegistrationForm.DistrictId), "Kabupaten/Kota wajib dipilih dari daftar provinsi yang dipilih.");

        if (form.FoundedOn is not { } founded) Add(nameof(RegistrationForm.FoundedOn), "Tanggal Berdiri wajib diisi sesuai SK/Piagam.");
        else if (founded > today) Add(nameof(RegistrationForm.FoundedOn), "Tanggal Berdiri tidak boleh setelah hari ini.");
        else if (founded.Year < 1600) Add(nameof(RegistrationForm.FoundedOn), "Tanggal Berdiri tidak valid: tahun sebelum 1600.");
        Add(nameof(RegistrationForm.SkNumber), TextRules.Check(form.SkNumber, "Nomor SK/Piagam", RegistrationLimits.SkNumber, required: true));
        if (form.SkDate is not { } skDate) Add(nameof(RegistrationForm.SkDate), "Tanggal SK/Piagam wajib diisi.");
        else if (skDate > today) Add(nameof(RegistrationForm.SkDate), "Tanggal SK/Piagam tidak boleh setelah hari ini.");
        else if (form.FoundedOn is { } foundedOn && skDate < foundedOn) Add(nameof(RegistrationForm.SkDate), "Tanggal SK/Piagam tidak boleh sebelum Tanggal Berdiri.");

        Add(nameof(RegistrationForm.OperatorName), TextRules.Check(form.OperatorName, "Nama Operator", TextLimits.PersonName, required: true));
        Add(nameof(RegistrationForm.OperatorNik), Identifiers.CheckNik(Digits(form.OperatorNik), "NIK Operator"));
        Add(nameof(RegistrationForm.OperatorEmail), Identifiers.CheckEmail(form.OperatorEmail, "Email Operator"));
        Add(RegistrationFields.SkDocument, CheckDocument(sk, SkRule));
        Add(RegistrationFields.AssignmentLetter, CheckDocument(assignment, AssignmentRule));

        foreach (var (field, message) in await DuplicatesAsync(form)) Add(field, message);
        return new FormResult(errors);
    }

    /// <summary>
    /// The duplicate check shown while the form is filled in: the same statistic number, or a very similar name at
    /// the same address (same village), of a registered institution or a waiting registration; and an operator email
    /// already used by an account or a waiting registration. Keyed by the field it concerns.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> DuplicatesAsync(RegistrationForm form)
    {
        var found = new Dictionary<string, string>();
        await using var db = await factory.CreateDbContextAsync();
        var label = RegistrationRules.StatisticLabel(form.Category);
        var number = form.StatisticNumber?.Trim();
        if (!string.IsNullOrEmpty(number) && Identifiers.CheckStatisticNumber(number, label) is null)
        {
            if (await db.Institutions.AsNoTracking().Where(i => i.StatisticNumber == number).Select(i => i.Name).FirstOrDefaultAsync() is { } registered)
                found[nameof(RegistrationForm.StatisticNumber)] = $"{label} {number} sudah terdaftar atas nama {registered}. Jika lembaga Anda sudah terdaftar, hubungi Kemenag Kabupaten/Kota untuk akun operatornya.";
            else if (await db.Set<PontrenRegistration>().AnyAsync(r => r.StatisticNumber == number && r.Status == RegistrationStatus.Menunggu))
                found[nameof(RegistrationForm.StatisticNumber)] = $"{label} {number} sudah diajukan dan sedang menunggu persetujuan Kemenag Kabupaten/Kota. Pantau statusnya melalui tautan di email pendaftaran.";
        }

        var nameKey = RegistrationRules.NormalizeName(form.InstitutionName);
        var addressKey = RegistrationRules.NormalizeAddress(form.Address);
        if (form.DistrictId is { } districtId && nameKey.Length > 0 && addressKey.Length > 0 && !string.IsNullOrWhiteSpace(form.Village))
        {
            var institutions = await db.Institutions.AsNoTracking().Where(i => i.DistrictId == districtId)
                .Select(i => new { i.Name, i.Address, i.Village }).ToListAsync();
            var similar = institutions.FirstOrDefault(i => RegistrationRules.SimilarName(nameKey, RegistrationRules.NormalizeName(i.Name))
                && RegistrationRules.SameAddress(addressKey, form.Village!, RegistrationRules.NormalizeAddress(i.Address), i.Village));
            if (similar is not null)
                found[nameof(RegistrationForm.InstitutionName)] = $"Nama Lembaga sangat mirip dengan \"{similar.Name}\" yang sudah terdaftar di alamat yang sama. Periksa kembali apakah lembaga Anda sudah terdaftar.";
            else
            {
                var waiting = await db.Set<PontrenRegistration>().AsNoTracking()
                    .Where(r => r.DistrictId == districtId && r.Status == RegistrationStatus.Menunggu)
                    .Select(r => new { r.InstitutionName, r.NameKey, r.AddressKey, r.Village }).ToListAsync();
                var pending = waiting.FirstOrDefault(r => RegistrationRules.SimilarName(nameKey, r.NameKey)
                    && RegistrationRules.SameAddress(addressKey, form.Village!, r.AddressKey, r.Village));
                if (pending is not null)
                    found[nameof(RegistrationForm.InstitutionName)] = $"Nama Lembaga sangat mirip dengan \"{pending.InstitutionName}\" di alamat yang sama, yang sedang menunggu persetujuan. Lembaga yang sama tidak perlu didaftarkan dua kali.";
            }
        }

        var email = form.OperatorEmail?.Trim();
        if (!string.IsNullOrEmpty(email) && Identifiers.CheckEmail(email) is null)
        {
            var normalized = email.ToUpperInvariant();
            var lower = email.ToLowerInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized))
                found[nameof(RegistrationForm.OperatorEmail)] = "Email Operator sudah dipakai akun lain. Gunakan email lain untuk akun operator lembaga ini.";
            else if (await db.Set<PontrenRegistration>().AnyAsync(r => r.OperatorEmail == lower && r.Status == RegistrationStatus.Menunggu))
                found[nameof(RegistrationForm.OperatorEmail)] = "Email Operator sudah dipakai pendaftaran lain yang sedang menunggu persetujuan.";
        }
        return found;
    }

    /// <summary>One document: present, within the size limit and a real PDF by its content.</summary>
    public static string? CheckDocument(DocumentInput? document, UploadRule rule)
    {
        if (document is null) return $"{rule.FieldLabel} wajib diunggah (PDF, paling besar {rule.MaxSizeText}).";
        return CheckDocumentSize(document.FileName, document.Content.Length, rule)
            ?? (UploadStore.Detect(document.Content) == FileKind.Pdf ? null
                : $"{rule.FieldLabel} \"{Path.GetFileName(document.FileName)}\": isi berkas bukan PDF. Unggah hasil pindaian (scan) dokumen dalam format PDF yang asli.");
    }

    /// <summary>The size rules of <see cref="CheckDocument"/> alone: what a chosen file is told before it is read.</summary>
    public static string? CheckDocumentSize(string fileName, long size, UploadRule rule)
    {
        var name = Path.GetFileName(fileName);
        if (size == 0) return $"{rule.FieldLabel} \"{name}\": berkas kosong.";
        if (size > rule.MaxBytes) return $"{rule.FieldLabel} \"{name}\": ukuran berkas melebihi batas {rule.MaxSizeText}.";
        return null;
    }

    /// <summary>"Kirim Pendaftaran": checks, the limits, then the registration with its documents, the confirmation email and the queue's live update.</summary>
    public async Task<RegisterResult> RegisterAsync(RegistrationForm form, DocumentInput? sk, DocumentInput? assignment, string? client)
    {
        var validation = await ValidateAsync(form, sk, assignment);
        if (!validation.Succeeded) return new RegisterResult(validation);
        var email = form.OperatorEmail!.Trim().ToLowerInvariant();
        if (limiter.TryRegister(client, email) is { } wait)
            return new RegisterResult(FormResult.Error("", $"Terlalu banyak pendaftaran dari perangkat atau email ini. Coba lagi dalam {RegistrationLimiter.WaitText(wait)}."));

        var now = Now;
        var token = NewToken();
        var districtId = form.DistrictId!.Value;
        var registration = new PontrenRegistration
        {
            Status = RegistrationStatus.Menunggu,
            Category = form.Category!.Value,
            InstitutionName = form.InstitutionName!.Trim(),
            NameKey = TextLimits.Cut(RegistrationRules.NormalizeName(form.InstitutionName), TextLimits.InstitutionName),
            StatisticNumber = form.StatisticNumber!.Trim(),
            Npsn = string.IsNullOrWhiteSpace(form.Npsn) ? null : form.Npsn.Trim(),
            Address = form.Address!.Trim(),
            AddressKey = TextLimits.Cut(RegistrationRules.NormalizeAddress(form.Address), TextLimits.Address),
            Village = form.Village!.Trim(),
            Subdistrict = form.Subdistrict!.Trim(),
            DistrictId = districtId,
            FoundedOn = form.FoundedOn!.Value,
            SkNumber = form.SkNumber!.Trim(),
            SkDate = form.SkDate!.Value,
            OperatorName = form.OperatorName!.Trim(),
            OperatorNik = Digits(form.OperatorNik)!,
            OperatorEmail = email,
            SubmittedUtc = now,
            AccessTokenHash = HashToken(token),
        };
        var applicant = new UserScope(RegistrationUploadAccess.ApplicantOwner, email, registration.OperatorName, "", null, districtId);
        var statusPath = StatusPathPrefix + token;

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            registration.Number = await NextNumberAsync(db, now);
            var skUpload = await uploads.SaveAsync(db, applicant, new MemoryStream(sk!.Content), sk.FileName, SkRule);
            var letterUpload = await uploads.SaveAsync(db, applicant, new MemoryStream(assignment!.Content), assignment.FileName, AssignmentRule);
            registration.SkUploadId = skUpload.Id;
            registration.SkFileName = skUpload.OriginalName;
            registration.AssignmentUploadId = letterUpload.Id;
            registration.AssignmentFileName = letterUpload.OriginalName;
            db.Add(registration);
            await outbox.EnqueueAsync<RegistrationEmail>(db, email, registration.OperatorName,
                $"[{registration.Number}] Pendaftaran {registration.InstitutionName} telah diterima",
                RegistrationEmail.Parameters(RegistrationEmailKind.Received, registration.Number, registration.InstitutionName, statusPath));
            audit.Record(db, applicant, "pontren.registration.submitted",
                $"Pendaftaran {registration.Number}: {registration.Category.ShortLabel()} {registration.InstitutionName} ({RegistrationRules.StatisticLabel(registration.Category)} {registration.StatisticNumber}) dikirim.",
                districtId: districtId, entityType: nameof(PontrenRegistration), entityId: registration.Number);
            db.PublishAfterCommit(PontrenTopics.Queue(districtId));
            try
            {
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return new RegisterResult(FormResult.Success, registration.Number, statusPath, email);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another registration took the same number at the same moment: try the next one.
                await transaction.RollbackAsync();
                registration.Id = 0;
            }
        }
    }

    /// <summary>The registration the status link opens, with the live position in its district's queue; null for a wrong token.</summary>
    public async Task<ApplicantView?> OpenAsync(string? token)
    {
        if (!IsWellFormed(token)) return null;
        var hash = HashToken(token!);
        await using var db = await factory.CreateDbContextAsync();
        var r = await db.Set<PontrenRegistration>().AsNoTracking().Include(x => x.District).FirstOrDefaultAsync(x => x.AccessTokenHash == hash);
        if (r is null) return null;
        var waiting = db.Set<PontrenRegistration>().Where(x => x.DistrictId == r.DistrictId && x.Status == RegistrationStatus.Menunggu);
        var total = await waiting.CountAsync();
        int? position = r.Status == RegistrationStatus.Menunggu
            ? await waiting.CountAsync(x => x.SubmittedUtc < r.SubmittedUtc || (x.SubmittedUtc == r.SubmittedUtc && x.Id < r.Id)) + 1
            : null;
        return new ApplicantView(r.Number, r.InstitutionName, r.Category, r.District.Name, r.DistrictId, r.Status, r.SubmittedUtc, position, total,
            r.DecidedUtc, r.RejectionReason, r.OperatorEmail);
    }

    private static async Task<string> NextNumberAsync(MadrasahDbContext db, DateTime nowUtc)
    {
        var prefix = $"PP-{Wib.FromUtc(nowUtc).Year}-";
        var last = await db.Set<PontrenRegistration>().Where(r => r.Number.StartsWith(prefix)).OrderByDescending(r => r.Number)
            .Select(r => r.Number).FirstOrDefaultAsync();
        var next = last is null ? 1 : int.Parse(last[prefix.Length..]) + 1;
        return $"{prefix}{next:000000}";
    }

    private static string? Digits(string? value) =>
        string.IsNullOrWhiteSpace(value) ? value : new string(value.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.').ToArray());

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    public static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token))).ToLowerInvariant();
    public static bool IsWellFormed(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>Registrations per client and per operator email: 5 an hour each (a pesantren registers once).</summary>
public sealed class RegistrationLimiter(TimeProvider clock)
{
    public const int PerHour = 5;
    private readonly RecentEvents _events = new(clock, () => TimeSpan.FromHours(1));

    public TimeSpan? TryRegister(string? client, string email) =>
        _events.TryRecord(
            new RateLimit("register-ip:" + (client ?? "unknown"), PerHour, TimeSpan.FromHours(1)),
            new RateLimit("register-email:" + email, PerHour, TimeSpan.FromHours(1)));

    public static string WaitText(TimeSpan wait) =>
        wait.TotalMinutes >= 1 ? $"{(int)Math.Ceiling(wait.TotalMinutes)} menit" : $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} detik";
}
