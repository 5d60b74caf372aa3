using System.Security.Cryptography;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.Helpdesk;

/// <summary>What the "Hubungi Kami" form sends (the names are the form's fields, used as keys of refusals).</summary>
public sealed record TicketForm(
    string? Email, string? Subject, TicketUserType? UserType, int? ReportTypeId, int? CategoryId, string? BelajarIdAccount,
    string? OrganizationName, string? Jenjang, string? Npsn, string? ProvinceCode, string? RegencyCode, string? Details,
    IReadOnlyList<string>? Checklist = null);

/// <summary>A file chosen in a form: its name as the user gave it and its bytes (checked by content, not by name).</summary>
public sealed record AttachmentInput(string FileName, byte[] Content);

/// <summary>The answer to "Kirim": the refusals per field, or the new ticket's number; <see cref="RetryAfter"/> when rate-limited.</summary>
public sealed record SubmitResult(FormResult Form, string? Number = null, string? Email = null, DateTime? DueUtc = null, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Form.Succeeded && Number is not null;
}

/// <summary>What the requester sees through the secure link (never internal notes, never the agents' names).</summary>
public sealed record RequesterView(
    string Number, string Subject, TicketStatus Status, DateTime SubmittedUtc, DateTime? DueUtc, DateTime? InfoRequestedUtc,
    DateTime? AutoCloseUtc, bool AutoClosed, IReadOnlyList<RequesterMessage> Messages, IReadOnlyList<string> FileNames);

public sealed record RequesterMessage(MessageKind Kind, string From, string Body, DateTime CreatedUtc, IReadOnlyList<string> FileNames);

public static class HelpdeskFields
{
    public const string Attachments = "Attachments";
    public const string Answer = "Answer";
}

/// <summary>
/// The requester's side of the helpdesk: "Kirim" of the public form (every rule of the guide, each refusal naming its
/// field), and the page of the secure link (status, the agents' answers, the answer to a question with files).
/// Both are rate-limited per client (<see cref="HelpdeskLimiter"/>). The link's token is 256 random bits; only its
/// SHA-256 is stored, so the database alone opens no ticket.
/// </summary>
public sealed class HelpdeskRequesterService(
    IDbContextFactory<MadrasahDbContext> factory,
    HolidayCalendar calendar,
    UploadStore uploads,
    EmailOutbox outbox,
    AuditLog audit,
    HelpdeskLimiter limiter,
    HelpdeskTopicService topics,
    HelpdeskLinks links,
    IOptions<HelpdeskOptions> options,
    TimeProvider clock)
{
    /// <summary>Whose name uploads of requesters carry (they have no account); <see cref="HelpdeskUploadAccess"/> lets agents read them.</summary>
    public static readonly UserScope Requester = new(HelpdeskUploadAccess.RequesterOwner, "pelapor helpdesk", "Pelapor", "", null, null);

    public HelpdeskOptions Settings => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The form's checks without saving anything (also what "Kirim" checks first).</summary>
    public async Task<FormResult> ValidateAsync(TicketForm form, IReadOnlyList<AttachmentInput> files)
    {
        var errors = new Dictionary<string, string>();
        void Add(string field, string? message) { if (message is not null) errors.TryAdd(field, message); }

        Add(nameof(TicketForm.Email), HelpdeskRules.CheckPersonalEmail(form.Email));
        Add(nameof(TicketForm.Subject), TextRules.Check(form.Subject, "Perihal", HelpdeskLimits.Subject, required: true));
        if (form.UserType is null || !Enum.IsDefined(form.UserType.Value)) Add(nameof(TicketForm.UserType), "Tipe Pengguna wajib dipilih.");
        var choices = await topics.ActiveChoicesAsync();
        var reportType = choices.FirstOrDefault(t => t.Id == form.ReportTypeId);
        if (reportType is null) Add(nameof(TicketForm.ReportTypeId), "Jenis Laporan – Tipe Laporan wajib dipilih dari daftar.");
        else if (!reportType.Categories.Any(c => c.Id == form.CategoryId))
            Add(nameof(TicketForm.CategoryId), "Kategori Masalah wajib dipilih dari daftar untuk Jenis Laporan – Tipe Laporan yang dipilih.");
        Add(nameof(TicketForm.BelajarIdAccount), HelpdeskRules.CheckBelajarIdAccount(form.BelajarIdAccount, form.UserType));
        Add(nameof(TicketForm.OrganizationName), TextRules.Check(form.OrganizationName, "Nama Sekolah/Dinas/Instansi", TextLimits.InstitutionName, required: true));
        if (form.UserType?.IsSchool() == true)
        {
            if (string.IsNullOrWhiteSpace(form.Jenjang)) Add(nameof(TicketForm.Jenjang), "Jenjang wajib dipilih untuk Tipe Pengguna satuan pendidikan.");
            else if (!HelpdeskRules.Jenjang.Any(j => j.Label == form.Jenjang)) Add(nameof(TicketForm.Jenjang), "Jenjang wajib dipilih dari daftar.");
            Add(nameof(TicketForm.Npsn), Identifiers.CheckNpsn(form.Npsn));
        }
        var region = await RegionAsync(form.ProvinceCode, form.RegencyCode);
        if (region.Province is null) Add(nameof(TicketForm.ProvinceCode), "Provinsi wajib dipilih dari daftar.");
        else if (region.Regency is null) Add(nameof(TicketForm.RegencyCode), $"Kota/Kabupaten wajib dipilih dari daftar Provinsi {region.Province}.");
        Add(nameof(TicketForm.Details), TextRules.Check(form.Details, "Detail Permasalahan", HelpdeskLimits.Details, required: true));
        Add(HelpdeskFields.Attachments, CheckFiles(files));
        return new FormResult(errors);
    }

    /// <summary>"Lampiran": at most <see cref="HelpdeskOptions.MaxAttachments"/> files, each within the size limit and a real PDF, PNG or JPEG.</summary>
    public string? CheckFiles(IReadOnlyList<AttachmentInput> files)
    {
        if (files.Count > Settings.MaxAttachments) return $"Lampiran paling banyak {Settings.MaxAttachments} berkas.";
        foreach (var file in files)
            if (CheckFile(file.FileName, file.Content.Length, file.Content) is { } error) return error;
        return null;
    }

    /// <summary>One chosen file: size, then type by content.</summary>
    public string? CheckFile(string fileName, long size, ReadOnlySpan<byte> content)
    {
        var name = Path.GetFileName(fileName);
        if (size > Settings.MaxAttachmentBytes) return $"Lampiran \"{name}\": ukuran berkas melebihi batas {UploadRule.SizeText(Settings.MaxAttachmentBytes)}.";
        if (size == 0) return $"Lampiran \"{name}\": berkas kosong.";
        return UploadStore.Detect(content) is null
            ? $"Lampiran \"{name}\": isi berkas bukan PDF, PNG atau JPEG. Unggah dokumen PDF atau gambar tangkapan layar (PNG/JPEG) yang asli."
            : null;
    }

    public UploadRule AttachmentRule => new("Lampiran", Settings.MaxAttachmentBytes, FileKind.Pdf, FileKind.Png, FileKind.Jpeg);

    /// <summary>"Kirim": checks, the per-client and per-address limits, then the ticket with its files, the confirmation email and the queue's live update.</summary>
    public async Task<SubmitResult> SubmitAsync(TicketForm form, IReadOnlyList<AttachmentInput> files, string? client)
    {
        var validation = await ValidateAsync(form, files);
        if (!validation.Succeeded) return new SubmitResult(validation);
        var email = form.Email!.Trim();
        if (limiter.TrySubmit(client, email) is { } wait)
            return new SubmitResult(FormResult.Error("", $"Terlalu banyak laporan dari perangkat atau alamat email ini dalam satu jam. Coba lagi dalam {HelpdeskLimiter.WaitText(wait)}."), RetryAfter: wait);

        var hours = await calendar.GetWorkingHoursAsync();
        var region = await RegionAsync(form.ProvinceCode, form.RegencyCode);
        var now = Now;
        var checklist = (form.Checklist ?? []).Intersect(HelpdeskRules.Checklist(form.UserType)).ToList();
        var school = form.UserType!.Value.IsSchool();
        var ticket = new HelpdeskTicket
        {
            Email = email,
            Subject = form.Subject!.Trim(),
            UserType = form.UserType.Value,
            ReportTypeId = form.ReportTypeId!.Value,
            CategoryId = form.CategoryId!.Value,
            BelajarIdAccount = string.IsNullOrWhiteSpace(form.BelajarIdAccount) ? null : form.BelajarIdAccount.Trim().ToLowerInvariant(),
            OrganizationName = form.OrganizationName!.Trim(),
            Jenjang = school ? form.Jenjang : null,
            Npsn = school ? form.Npsn!.Trim() : null,
            ProvinceCode = form.ProvinceCode!, ProvinceName = region.Province!,
            RegencyCode = form.RegencyCode!, RegencyName = region.Regency!,
            Details = form.Details!.Trim(),
            ChecklistTicked = checklist.Count == 0 ? null : string.Join("\n", checklist),
            Status = TicketStatus.Baru,
            SubmittedUtc = now,
            UpdatedUtc = now,
            DueUtc = ServiceLevel.DueForReport(hours, now, Settings.AnswerWorkingDays, Settings.DailyCutOff),
        };
        var link = links.Issue(ticket);

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            ticket.Number = await NextNumberAsync(db, now);
            db.Add(ticket);
            foreach (var file in files)
            {
                var upload = await uploads.SaveAsync(db, Requester, new MemoryStream(file.Content), file.FileName, AttachmentRule);
                ticket.Attachments.Add(new HelpdeskAttachment { UploadId = upload.Id, FileName = upload.OriginalName, SizeBytes = upload.SizeBytes });
            }
            await outbox.EnqueueAsync<HelpdeskEmail>(db, email, null, $"[{ticket.Number}] Laporan Anda telah kami terima: {ticket.Subject}",
                HelpdeskEmail.Parameters(HelpdeskEmailKind.Received, ticket.Number, ticket.Subject, null, ticket.DueUtc, link,
                    dueRule: ServiceLevel.CutOffRule(Settings.DailyCutOff)));
            audit.Record(db, Requester, "helpdesk.submitted", $"Laporan {ticket.Number} dikirim melalui Hubungi Kami ({ticket.UserType.Label()}, {ticket.ProvinceName}).",
                entityType: nameof(HelpdeskTicket), entityId: ticket.Number);
            db.PublishAfterCommit(HelpdeskTopics.Queue);
            try
            {
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return new SubmitResult(FormResult.Success, ticket.Number, email, ticket.DueUtc);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another report took the same number at the same moment: try the next one.
                await transaction.RollbackAsync();
                ticket.Id = 0;
                ticket.Attachments.Clear();
            }
        }
    }

    /// <summary>The ticket the token opens, as the requester sees it; null for a wrong token, or with the wait when the client is over its limit.</summary>
    /// <param name="count">False for the interactive render right after the prerendered one: one visit counts once.</param>
    public async Task<(RequesterView? View, TimeSpan? RetryAfter)> OpenAsync(string? token, string? client, bool count = true)
    {
        if (count && limiter.TryOpenLink(client) is { } wait) return (null, wait);
        if (!HelpdeskLinks.IsWellFormed(token)) return (null, null);
        var hash = HelpdeskLinks.HashToken(token!);
        await using var db = await factory.CreateDbContextAsync();
        var ticket = await db.Set<HelpdeskTicket>().AsNoTracking().AsSplitQuery()
            .Include(t => t.Messages).Include(t => t.Attachments)
            .FirstOrDefaultAsync(t => t.AccessTokenHash == hash);
        if (ticket is null) return (null, null);
        var messages = ticket.Messages.Where(m => m.Kind is MessageKind.Reply or MessageKind.InfoRequest or MessageKind.RequesterAnswer)
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
            .Select(m => new RequesterMessage(m.Kind, m.Kind == MessageKind.RequesterAnswer ? "Anda" : "Tim Helpdesk", m.Body, m.CreatedUtc,
                ticket.Attachments.Where(a => a.MessageId == m.Id).Select(a => a.FileName).ToList()))
            .ToList();
        DateTime? autoClose = ticket.Status == TicketStatus.MenungguInformasi && ticket.InfoRequestedUtc is { } asked ? asked.AddHours(Settings.AutoCloseHours) : null;
        return (new RequesterView(ticket.Number, ticket.Subject, ticket.Status, ticket.SubmittedUtc, ticket.DueUtc, ticket.InfoRequestedUtc, autoClose,
            ticket.AutoClosed, messages, ticket.Attachments.Where(a => a.MessageId == null).Select(a => a.FileName).ToList()), null);
    }

    /// <summary>
    /// The requester's answer to "Menunggu informasi", with files: the ticket goes back to the agents, the reminders
    /// stop, the service-level clock resumes. Refused once the ticket is closed (a new report must be made).
    /// </summary>
    public async Task<FormResult> AnswerAsync(string? token, string? answer, IReadOnlyList<AttachmentInput> files, string? client)
    {
        if (limiter.TryOpenLink(client) is { } wait)
            return FormResult.Error("", $"Terlalu banyak permintaan dari perangkat Anda. Coba lagi dalam {HelpdeskLimiter.WaitText(wait)}.");
        if (TextRules.Check(answer, "Jawaban", HelpdeskLimits.Message, required: true) is { } answerError) return FormResult.Error(HelpdeskFields.Answer, answerError);
        if (CheckFiles(files) is { } fileError) return FormResult.Error(HelpdeskFields.Attachments, fileError);
        if (!HelpdeskLinks.IsWellFormed(token)) return FormResult.Error("", LinkInvalidMessage);
        var hash = HelpdeskLinks.HashToken(token!);
        var hours = await calendar.GetWorkingHoursAsync();
        await using var db = await factory.CreateDbContextAsync();
        var ticket = await db.Set<HelpdeskTicket>().FirstOrDefaultAsync(t => t.AccessTokenHash == hash);
        if (ticket is null) return FormResult.Error("", LinkInvalidMessage);
        if (ticket.Status == TicketStatus.Selesai)
            return FormResult.Error("", $"Laporan {ticket.Number} sudah ditutup (Selesai). Silakan buat laporan baru melalui Hubungi Kami.");
        if (ticket.Status != TicketStatus.MenungguInformasi)
            return FormResult.Error("", "Laporan ini tidak sedang menunggu informasi dari Anda. Tim helpdesk sedang memprosesnya.");

        var now = Now;
        var message = new HelpdeskMessage { Kind = MessageKind.RequesterAnswer, Body = answer!.Trim(), AuthorName = "Pelapor", CreatedUtc = now };
        ticket.Messages.Add(message);
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var file in files)
        {
            var upload = await uploads.SaveAsync(db, Requester, new MemoryStream(file.Content), file.FileName, AttachmentRule);
            ticket.Attachments.Add(new HelpdeskAttachment { UploadId = upload.Id, FileName = upload.OriginalName, SizeBytes = upload.SizeBytes, Message = message });
        }
        HelpdeskTransitions.Resume(ticket, hours, now, Settings);
        audit.Record(db, Requester, "helpdesk.answered", $"Pelapor menjawab permintaan informasi laporan {ticket.Number}" + (files.Count > 0 ? $" dengan {files.Count} lampiran." : "."),
            entityType: nameof(HelpdeskTicket), entityId: ticket.Number);
        db.PublishAfterCommit(HelpdeskTopics.Queue, HelpdeskTopics.Ticket(ticket.Id));
        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return FormResult.Error("", "Laporan ini baru saja berubah (mis. ditutup otomatis). Muat ulang halaman untuk melihat statusnya.");
        }
        return FormResult.Success;
    }

    public const string LinkInvalidMessage =
        "Tautan laporan tidak valid. Buka tautan persis seperti di email dari tim helpdesk, atau buat laporan baru melalui Hubungi Kami.";

    private async Task<(string? Province, string? Regency)> RegionAsync(string? provinceCode, string? regencyCode)
    {
        if (string.IsNullOrWhiteSpace(provinceCode)) return (null, null);
        var region = await topics.RegionAsync();
        if (!region.Provinces.TryGetValue(provinceCode, out var province)) return (null, null);
        var regency = regencyCode is not null && region.Regencies.TryGetValue(provinceCode, out var list) ? list.FirstOrDefault(r => r.Code == regencyCode)?.Name : null;
        return (province, regency);
    }

    /// <summary>"HD-2026-000123": the year's next number (WIB year of submission).</summary>
    private static async Task<string> NextNumberAsync(MadrasahDbContext db, DateTime nowUtc)
    {
        var prefix = $"HD-{Wib.FromUtc(nowUtc).Year}-";
        var last = await db.Set<HelpdeskTicket>().Where(t => t.Number.StartsWith(prefix)).OrderByDescending(t => t.Number).Select(t => t.Number).FirstOrDefaultAsync();
        var next = last is null ? 1 : int.Parse(last[prefix.Length..]) + 1;
        return prefix + next.ToString("D6");
    }
}
