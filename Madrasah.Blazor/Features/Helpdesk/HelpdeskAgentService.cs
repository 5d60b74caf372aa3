using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.Helpdesk;

/// <summary>Which tickets the queue shows. <see cref="Status"/> null: every open one (not "Selesai").</summary>
public sealed record QueueQuery(
    TicketStatus? Status = null, int? CategoryId = null, string? ProvinceCode = null, bool OverdueOnly = false, bool MineOnly = false,
    string? Search = null, int Page = 1, int PageSize = 20);

public sealed record QueueRow(
    int Id, string Number, string Subject, string Email, TicketUserType UserType, string Category, string Province, string Regency,
    TicketStatus Status, DateTime SubmittedUtc, DateTime? DueUtc, bool Overdue, string? AssignedTo);

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int TotalCount)
{
    public static readonly QueuePage Empty = new([], 0);
}

public sealed record AgentChoice(string UserId, string Name);

public sealed record TicketMessageView(long Id, MessageKind Kind, string Author, string Body, DateTime CreatedUtc, IReadOnlyList<TicketFile> Files);
public sealed record TicketFile(Guid UploadId, string FileName, long SizeBytes);

public sealed record TicketDetail(
    int Id, string Number, string Subject, string Email, TicketUserType UserType, string ReportType, string Category, string? BelajarIdAccount,
    string OrganizationName, string? Jenjang, string? Npsn, string Province, string Regency, string Details, IReadOnlyList<string> Checklist,
    TicketStatus Status, DateTime SubmittedUtc, DateTime? DueUtc, bool Overdue, TimeSpan? PausedRemaining, DateTime? InfoRequestedUtc,
    int RemindersSent, DateTime? NextFollowUpUtc, DateTime? ClosedUtc, bool AutoClosed, string? AssignedToUserId, string? AssignedTo,
    IReadOnlyList<TicketFile> Files, IReadOnlyList<TicketMessageView> Messages);

/// <summary>
/// The agents' console (role Helpdesk; the administrator too): the queue, a ticket, and what agents do with it — take
/// or assign it, note internally, reply (by email through the outbox), ask for information ("Menunggu informasi"),
/// close. Each change is audited and published to the live queue and the ticket's page.
/// </summary>
public sealed class HelpdeskAgentService(
    IDbContextFactory<MadrasahDbContext> factory,
    HolidayCalendar calendar,
    EmailOutbox outbox,
    AuditLog audit,
    HelpdeskLinks links,
    IOptions<HelpdeskOptions> options,
    TimeProvider clock)
{
    public const string BodyField = "Body";
    public const string ChangedMessage = "Laporan ini baru saja diubah oleh orang lain atau oleh sistem. Periksa keadaannya yang terbaru, lalu ulangi.";

    public static bool IsAgent(UserScope scope) => scope.Role is Roles.Helpdesk or Roles.Admin;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<QueuePage> ListAsync(UserScope scope, QueueQuery query)
    {
        if (!IsAgent(scope)) return QueuePage.Empty;
        var now = Now;
        await using var db = await factory.CreateDbContextAsync();
        var tickets = db.Set<HelpdeskTicket>().AsNoTracking();
        // Open and overdue are ranges of the stored urgency key (HelpdeskTicket.QueueSortKey), which the indexes lead with.
        tickets = query.Status is { } status ? tickets.Where(t => t.Status == status) : tickets.Where(t => t.QueueSortKey < HelpdeskTicket.ClosedSortKey);
        if (query.CategoryId is { } category) tickets = tickets.Where(t => t.CategoryId == category || t.ReportTypeId == category);
        if (!string.IsNullOrEmpty(query.ProvinceCode)) tickets = tickets.Where(t => t.ProvinceCode == query.ProvinceCode);
        var overdueBelow = HelpdeskTicket.OverdueBelow(now);
        if (query.OverdueOnly) tickets = tickets.Where(t => t.QueueSortKey < overdueBelow);
        if (query.MineOnly) tickets = tickets.Where(t => t.AssignedToUserId == scope.UserId);
        if (TextLimits.Cut(query.Search?.Trim(), TextLimits.Search) is { Length: > 0 } search)
        {
            var pattern = LikePattern.Containing(search);
            tickets = tickets.Where(t => EF.Functions.Like(t.Number, pattern, LikePattern.Escape) || EF.Functions.Like(t.Email, pattern, LikePattern.Escape)
                || EF.Functions.Like(t.Subject, pattern, LikePattern.Escape) || EF.Functions.Like(t.OrganizationName, pattern, LikePattern.Escape));
        }
        var total = await tickets.CountAsync();
        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        // The most urgent first: due soonest (paused and closed ones after), then the oldest.
        var rows = await tickets
            .OrderBy(t => t.QueueSortKey).ThenBy(t => t.SubmittedUtc).ThenBy(t => t.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(t => new QueueRow(t.Id, t.Number, t.Subject, t.Email, t.UserType, t.Category.Name, t.ProvinceName, t.RegencyName, t.Status,
                t.SubmittedUtc, t.DueUtc, (t.Status == TicketStatus.Baru || t.Status == TicketStatus.Diproses) && t.DueUtc < now, t.AssignedToName))
            .ToListAsync();
        return new QueuePage(rows, total);
    }

    public async Task<int> CountOpenAsync(UserScope scope)
    {
        if (!IsAgent(scope)) return 0;
        await using var db = await factory.CreateDbContextAsync();
        return await db.Set<HelpdeskTicket>().CountAsync(t => t.Status == TicketStatus.Baru);
    }

    public async Task<TicketDetail?> GetAsync(UserScope scope, int id)
    {
        if (!IsAgent(scope)) return null;
        await using var db = await factory.CreateDbContextAsync();
        var t = await db.Set<HelpdeskTicket>().AsNoTracking().AsSplitQuery()
            .Include(x => x.ReportType).Include(x => x.Category).Include(x => x.Messages).Include(x => x.Attachments)
            .FirstOrDefaultAsync(x => x.Id == id);
        if (t is null) return null;
        var files = t.Attachments.OrderBy(a => a.Id).ToList();
        TicketFile File(HelpdeskAttachment a) => new(a.UploadId, a.FileName, a.SizeBytes);
        return new TicketDetail(t.Id, t.Number, t.Subject, t.Email, t.UserType, t.ReportType.Label, t.Category.Name, t.BelajarIdAccount,
            t.OrganizationName, t.Jenjang, t.Npsn, t.ProvinceName, t.RegencyName, t.Details,
            (t.ChecklistTicked ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), t.Status, t.SubmittedUtc, t.DueUtc, t.IsOverdue(Now),
            t.PausedRemainingTicks is { } ticks ? TimeSpan.FromTicks(ticks) : null, t.InfoRequestedUtc, t.RemindersSent, t.NextFollowUpUtc,
            t.ClosedUtc, t.AutoClosed, t.AssignedToUserId, t.AssignedToName,
            files.Where(a => a.MessageId is null).Select(File).ToList(),
            t.Messages.OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
                .Select(m => new TicketMessageView(m.Id, m.Kind, m.AuthorName, m.Body, m.CreatedUtc, files.Where(a => a.MessageId == m.Id).Select(File).ToList()))
                .ToList());
    }

    /// <summary>The accounts a ticket can be assigned to (role Helpdesk, active).</summary>
    public async Task<IReadOnlyList<AgentChoice>> AgentsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var roleId = db.Roles.Where(r => r.Name == Roles.Helpdesk).Select(r => r.Id);
        return (await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)))
                .Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync())
            .Select(u => new AgentChoice(u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? u.Id : u.FullName))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Assigns the ticket to an agent (null: to nobody); a new ticket becomes "Diproses".</summary>
    public async Task<string?> AssignAsync(UserScope scope, int id, string? agentUserId)
    {
        if (!IsAgent(scope)) return "Anda tidak berwenang.";
        AgentChoice? agent = null;
        if (agentUserId is not null && (agent = (await AgentsAsync()).FirstOrDefault(a => a.UserId == agentUserId)) is null)
            return "Petugas tidak ditemukan atau bukan Petugas Helpdesk.";
        return await ChangeAsync(scope, id, (db, ticket, now) =>
        {
            ticket.AssignedToUserId = agent?.UserId;
            ticket.AssignedToName = agent?.Name;
            if (ticket.Status == TicketStatus.Baru && agent is not null) ticket.Status = TicketStatus.Diproses;
            HelpdeskTransitions.Touch(ticket, now);
            var text = agent is null ? "Penugasan dilepas." : $"Ditugaskan kepada {agent.Name}.";
            ticket.Messages.Add(new HelpdeskMessage { Kind = MessageKind.Event, Body = text, AuthorName = scope.FullName, AuthorUserId = scope.UserId, CreatedUtc = now });
            audit.Record(db, scope, "helpdesk.assigned", $"Laporan {ticket.Number}: {text}", entityType: nameof(HelpdeskTicket), entityId: ticket.Number);
            return Task.FromResult<string?>(null);
        });
    }

    /// <summary>An internal note: agents see it, the requester never does.</summary>
    public async Task<FormResult> AddNoteAsync(UserScope scope, int id, string? text)
    {
        if (TextRules.Check(text, "Catatan internal", HelpdeskLimits.Message, required: true) is { } error) return FormResult.Error(BodyField, error);
        return AsForm(await ChangeAsync(scope, id, (db, ticket, now) =>
        {
            ticket.Messages.Add(new HelpdeskMessage { Kind = MessageKind.InternalNote, Body = text!.Trim(), AuthorName = scope.FullName, AuthorUserId = scope.UserId, CreatedUtc = now });
            HelpdeskTransitions.Touch(ticket, now);
            return Task.FromResult<string?>(null);
        }));
    }

    /// <summary>A reply emailed to the requester (through the outbox, in the same transaction); <paramref name="close"/> closes the ticket as "Selesai".</summary>
    public async Task<FormResult> ReplyAsync(UserScope scope, int id, string? text, bool close)
    {
        if (TextRules.Check(text, "Balasan", HelpdeskLimits.Message, required: true) is { } error) return FormResult.Error(BodyField, error);
        return AsForm(await ChangeAsync(scope, id, async (db, ticket, now) =>
        {
            if (ticket.Status == TicketStatus.Selesai) return "Laporan ini sudah Selesai; balasan tidak dapat dikirim lagi.";
            var body = text!.Trim();
            ticket.Messages.Add(new HelpdeskMessage { Kind = MessageKind.Reply, Body = body, AuthorName = scope.FullName, AuthorUserId = scope.UserId, CreatedUtc = now });
            ticket.FirstAnsweredUtc ??= now;
            if (ticket.AssignedToUserId is null && scope.Role == Roles.Helpdesk) (ticket.AssignedToUserId, ticket.AssignedToName) = (scope.UserId, scope.FullName);
            if (close) HelpdeskTransitions.Close(ticket, now, automatically: false);
            else
            {
                if (ticket.Status == TicketStatus.MenungguInformasi) HelpdeskTransitions.Resume(ticket, await calendar.GetWorkingHoursAsync(), now, options.Value);
                ticket.Status = TicketStatus.Diproses;
                HelpdeskTransitions.Touch(ticket, now);
            }
            await outbox.EnqueueAsync<HelpdeskEmail>(db, ticket.Email, null,
                $"[{ticket.Number}] {(close ? "Laporan selesai" : "Jawaban tim helpdesk")}: {ticket.Subject}",
                HelpdeskEmail.Parameters(close ? HelpdeskEmailKind.Closed : HelpdeskEmailKind.Reply, ticket.Number, ticket.Subject, body, null, StatusPathOf(ticket)));
            audit.Record(db, scope, close ? "helpdesk.closed" : "helpdesk.replied",
                $"Laporan {ticket.Number}: balasan dikirim ke pelapor{(close ? " dan laporan ditutup (Selesai)" : "")}.", entityType: nameof(HelpdeskTicket), entityId: ticket.Number);
            return null;
        }));
    }

    /// <summary>
    /// "Menunggu informasi": the question is emailed with the secure link; the service-level clock pauses; reminders
    /// follow after 16 and 32 hours, and the ticket closes itself after 48 hours without an answer.
    /// </summary>
    public async Task<FormResult> AskForInformationAsync(UserScope scope, int id, string? question)
    {
        if (TextRules.Check(question, "Informasi yang dibutuhkan", HelpdeskLimits.Message, required: true) is { } error) return FormResult.Error(BodyField, error);
        var hours = await calendar.GetWorkingHoursAsync();
        return AsForm(await ChangeAsync(scope, id, async (db, ticket, now) =>
        {
            if (ticket.Status == TicketStatus.Selesai) return "Laporan ini sudah Selesai.";
            var body = question!.Trim();
            ticket.Messages.Add(new HelpdeskMessage { Kind = MessageKind.InfoRequest, Body = body, AuthorName = scope.FullName, AuthorUserId = scope.UserId, CreatedUtc = now });
            if (ticket.AssignedToUserId is null && scope.Role == Roles.Helpdesk) (ticket.AssignedToUserId, ticket.AssignedToName) = (scope.UserId, scope.FullName);
            HelpdeskTransitions.AskForInformation(ticket, hours, now, options.Value);
            await outbox.EnqueueAsync<HelpdeskEmail>(db, ticket.Email, null, $"[{ticket.Number}] Informasi tambahan dibutuhkan: {ticket.Subject}",
                HelpdeskEmail.Parameters(HelpdeskEmailKind.InfoRequest, ticket.Number, ticket.Subject, body, null, StatusPathOf(ticket),
                    now.AddHours(options.Value.AutoCloseHours)));
            audit.Record(db, scope, "helpdesk.info-requested", $"Laporan {ticket.Number}: informasi tambahan diminta dari pelapor (Menunggu informasi).",
                entityType: nameof(HelpdeskTicket), entityId: ticket.Number);
            return null;
        }));
    }

    private string StatusPathOf(HelpdeskTicket ticket) => links.PathOf(ticket);

    private static FormResult AsForm(string? error) => error is null ? FormResult.Success : FormResult.Error("", error);

    /// <summary>Loads the ticket, applies <paramref name="change"/> (null: go on; a message: refuse), saves with its topics; a concurrent change is told, not overwritten.</summary>
    private async Task<string?> ChangeAsync(UserScope scope, int id, Func<MadrasahDbContext, HelpdeskTicket, DateTime, Task<string?>> change)
    {
        if (!IsAgent(scope)) return "Anda tidak berwenang.";
        await using var db = await factory.CreateDbContextAsync();
        var ticket = await db.Set<HelpdeskTicket>().FirstOrDefaultAsync(t => t.Id == id);
        if (ticket is null) return "Laporan tidak ditemukan.";
        if (await change(db, ticket, Now) is { } refusal) return refusal;
        db.PublishAfterCommit(HelpdeskTopics.Queue, HelpdeskTopics.Ticket(id));
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMessage;
        }
    }
}
