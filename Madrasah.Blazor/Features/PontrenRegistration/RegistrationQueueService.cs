using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.PontrenRegistration;

public sealed record QueueItem(
    int Id, int Version, string Number, RegistrationStatus Status, InstitutionType Category, string InstitutionName, string StatisticNumber,
    string? Npsn, string Address, string Village, string Subdistrict, string DistrictName, DateOnly FoundedOn, string SkNumber, DateOnly SkDate,
    string OperatorName, string OperatorNik, string OperatorEmail, Guid SkUploadId, string SkFileName, Guid AssignmentUploadId,
    string AssignmentFileName, DateTime SubmittedUtc, DateTime? DecidedUtc, string? DecidedByName, string? RejectionReason);

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int TotalCount);

/// <summary>
/// The district admin's side: the waiting registrations of their district in arrival order (the oldest first), the
/// recent decisions, and the two decisions. "Setujui" creates the institution and its operator account (the email to
/// set the password, through the accounts' own <see cref="PasswordLinks"/>) in one transaction; "Tolak" needs a
/// reason, emailed to the applicant. A registration outside the admin's district is not found, whatever its id.
/// </summary>
public sealed class RegistrationQueueService(
    IDbContextFactory<MadrasahDbContext> factory,
    IServiceScopeFactory scopes,
    PasswordLinks passwordLinks,
    EmailOutbox outbox,
    AuditLog audit,
    TimeProvider clock)
{
    public const string NotFound = "Pendaftaran tidak ditemukan atau bukan wilayah Anda.";
    public const string AlreadyDecided = "Pendaftaran ini sudah diputuskan oleh petugas lain. Daftar telah diperbarui.";

    private static IQueryable<PontrenRegistration> Visible(IQueryable<PontrenRegistration> query, UserScope actor) =>
        actor.SeesEverything ? query : actor.IsDistrictBound ? query.Where(r => r.DistrictId == actor.DistrictId) : query.Where(_ => false);

    /// <summary>Waiting registrations (arrival order), or decided ones (the latest first), a page at a time.</summary>
    public async Task<QueuePage> ListAsync(UserScope actor, bool decided = false, int page = 1, int pageSize = 10)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = Visible(db.Set<PontrenRegistration>().AsNoTracking(), actor);
        query = decided ? query.Where(r => r.Status != RegistrationStatus.Menunggu) : query.Where(r => r.Status == RegistrationStatus.Menunggu);
        var total = await query.CountAsync();
        query = decided ? query.OrderByDescending(r => r.DecidedUtc).ThenByDescending(r => r.Id) : query.OrderBy(r => r.SubmittedUtc).ThenBy(r => r.Id);
        var items = await query.Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            .Select(r => new QueueItem(r.Id, r.Version, r.Number, r.Status, r.Category, r.InstitutionName, r.StatisticNumber, r.Npsn, r.Address, r.Village,
                r.Subdistrict, r.District.Name, r.FoundedOn, r.SkNumber, r.SkDate, r.OperatorName, r.OperatorNik, r.OperatorEmail, r.SkUploadId, r.SkFileName,
                r.AssignmentUploadId, r.AssignmentFileName, r.SubmittedUtc, r.DecidedUtc, r.DecidedByName, r.RejectionReason))
            .ToListAsync();
        return new QueuePage(items, total);
    }

    public async Task<int> CountWaitingAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await Visible(db.Set<PontrenRegistration>(), actor).CountAsync(r => r.Status == RegistrationStatus.Menunggu);
    }

    /// <summary>True when the upload is one of the documents of a registration the admin may see.</summary>
    public async Task<bool> MayReadDocumentAsync(UserScope actor, Guid uploadId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await Visible(db.Set<PontrenRegistration>(), actor).AnyAsync(r => r.SkUploadId == uploadId || r.AssignmentUploadId == uploadId);
    }

    /// <summary>"Setujui": the institution, the operator's account with its set-password email, and the applicant's email; null when done, else why not.</summary>
    public async Task<string?> ApproveAsync(UserScope actor, int id, int version)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadrasahDbContext>();
        var registration = await Visible(db.Set<PontrenRegistration>(), actor).FirstOrDefaultAsync(r => r.Id == id);
        if (registration is null) return NotFound;
        if (registration.Status != RegistrationStatus.Menunggu || registration.Version != version) return AlreadyDecided;

        var label = RegistrationRules.StatisticLabel(registration.Category);
        if (await db.Institutions.AnyAsync(i => i.StatisticNumber == registration.StatisticNumber))
            return $"{label} {registration.StatisticNumber} sudah dipakai lembaga lain yang terdaftar. Tolak pendaftaran ini dengan alasan data ganda.";
        if (registration.Npsn is { } npsn && await db.Institutions.AnyAsync(i => i.Npsn == npsn))
            return $"NPSN {npsn} sudah dipakai lembaga lain yang terdaftar. Tolak pendaftaran ini atau minta pemohon memperbaiki NPSN.";
        var normalized = registration.OperatorEmail.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized))
            return $"Email Operator {registration.OperatorEmail} sudah dipakai akun lain. Tolak pendaftaran ini dan minta pemohon mendaftar dengan email lain.";

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var institution = new Institution
        {
            DistrictId = registration.DistrictId, Type = registration.Category, Name = registration.InstitutionName,
            StatisticNumber = registration.StatisticNumber, Npsn = registration.Npsn, Address = registration.Address,
            Village = registration.Village, Subdistrict = registration.Subdistrict, Email = registration.OperatorEmail,
            FoundedOn = registration.FoundedOn, SkNumber = registration.SkNumber, SkDate = registration.SkDate,
        };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = registration.OperatorEmail, Email = registration.OperatorEmail, EmailConfirmed = false, FullName = registration.OperatorName,
            InstitutionId = institution.Id, CreatedUtc = now,
            Nik = await db.Users.AnyAsync(u => u.Nik == registration.OperatorNik) ? null : registration.OperatorNik,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return string.Join(" ", created.Errors.Select(e => e.Description));
        var added = await users.AddToRoleAsync(user, Roles.Operator);
        if (!added.Succeeded) return string.Join(" ", added.Errors.Select(e => e.Description));
        await passwordLinks.QueueActivationAsync(db, users, user);

        registration.Status = RegistrationStatus.Disetujui;
        registration.DecidedUtc = now;
        registration.DecidedByName = actor.FullName;
        registration.InstitutionId = institution.Id;
        registration.Version++;
        await outbox.EnqueueAsync<RegistrationEmail>(db, registration.OperatorEmail, registration.OperatorName,
            $"[{registration.Number}] Pendaftaran {registration.InstitutionName} disetujui",
            RegistrationEmail.Parameters(RegistrationEmailKind.Approved, registration.Number, registration.InstitutionName, null), institution.Id);
        audit.Record(db, actor, "pontren.registration.approved",
            $"Pendaftaran {registration.Number} ({registration.InstitutionName}) disetujui; lembaga dan akun operator {registration.OperatorEmail} dibuat.",
            institutionId: institution.Id, districtId: registration.DistrictId, entityType: nameof(PontrenRegistration), entityId: registration.Number);
        db.PublishAfterCommit(PontrenTopics.Queue(registration.DistrictId));
        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException) { return AlreadyDecided; }
    }

    /// <summary>"Tolak": the reason is required and emailed; null when done, else why not (keyed messages for the reason field).</summary>
    public async Task<FormResult> RejectAsync(UserScope actor, int id, int version, string? reason)
    {
        if (TextRules.Check(reason, "Alasan Penolakan", RegistrationLimits.Reason, required: true) is { } error) return FormResult.Error("Reason", error);
        await using var db = await factory.CreateDbContextAsync();
        var registration = await Visible(db.Set<PontrenRegistration>(), actor).FirstOrDefaultAsync(r => r.Id == id);
        if (registration is null) return FormResult.Error("", NotFound);
        if (registration.Status != RegistrationStatus.Menunggu || registration.Version != version) return FormResult.Error("", AlreadyDecided);
        registration.Status = RegistrationStatus.Ditolak;
        registration.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        registration.DecidedByName = actor.FullName;
        registration.RejectionReason = reason!.Trim();
        registration.Version++;
        await outbox.EnqueueAsync<RegistrationEmail>(db, registration.OperatorEmail, registration.OperatorName,
            $"[{registration.Number}] Pendaftaran {registration.InstitutionName} ditolak",
            RegistrationEmail.Parameters(RegistrationEmailKind.Rejected, registration.Number, registration.InstitutionName, null, registration.RejectionReason));
        audit.Record(db, actor, "pontren.registration.rejected", $"Pendaftaran {registration.Number} ({registration.InstitutionName}) ditolak: {registration.RejectionReason}",
            districtId: registration.DistrictId, entityType: nameof(PontrenRegistration), entityId: registration.Number);
        db.PublishAfterCommit(PontrenTopics.Queue(registration.DistrictId));
        try
        {
            await db.SaveChangesAsync();
            return FormResult.Success;
        }
        catch (DbUpdateConcurrencyException) { return FormResult.Error("", AlreadyDecided); }
    }
}
