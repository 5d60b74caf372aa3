using System.Security.Claims;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.RateLimits;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.Helpdesk;

/// <summary>The live topics of the helpdesk: the queue (any ticket changed) and one ticket.</summary>
public static class HelpdeskTopics
{
    public const string Queue = "helpdesk:queue";
    public static string Ticket(int id) => $"helpdesk:ticket:{id}";
}

/// <summary>
/// The status changes that move the service-level clock and the follow-ups, in one place: every path (an agent, the
/// requester, the follow-up runner) changes a ticket through these, so the clock and the schedule cannot disagree.
/// Each bumps <see cref="HelpdeskTicket.Version"/> (the concurrency token).
/// </summary>
public static class HelpdeskTransitions
{
    /// <summary>"Menunggu informasi": the clock pauses (the office time left is kept), the first reminder is scheduled.</summary>
    public static void AskForInformation(HelpdeskTicket ticket, WorkingHours hours, DateTime nowUtc, HelpdeskOptions options)
    {
        if (ticket.Status != TicketStatus.MenungguInformasi)
            ticket.PausedRemainingTicks = (ticket.DueUtc is { } due ? ServiceLevel.Remaining(hours, nowUtc, due) : TimeSpan.Zero).Ticks;
        ticket.Status = TicketStatus.MenungguInformasi;
        ticket.DueUtc = null;
        ticket.InfoRequestedUtc = nowUtc;
        ticket.RemindersSent = 0;
        ticket.NextFollowUpUtc = NextFollowUp(nowUtc, 0, options);
        Touch(ticket, nowUtc);
    }

    /// <summary>The requester answered: back to the agents, the clock resumes with the office time it had left, no more follow-ups.</summary>
    public static void Resume(HelpdeskTicket ticket, WorkingHours hours, DateTime nowUtc, HelpdeskOptions options)
    {
        ticket.Status = TicketStatus.Diproses;
        ticket.DueUtc = ServiceLevel.Resume(hours, nowUtc, TimeSpan.FromTicks(ticket.PausedRemainingTicks ?? 0));
        ticket.PausedRemainingTicks = null;
        ticket.InfoRequestedUtc = null;
        ticket.NextFollowUpUtc = null;
        ticket.RemindersSent = 0;
        Touch(ticket, nowUtc);
    }

    public static void Close(HelpdeskTicket ticket, DateTime nowUtc, bool automatically)
    {
        ticket.Status = TicketStatus.Selesai;
        ticket.ClosedUtc = nowUtc;
        ticket.AutoClosed = automatically;
        ticket.DueUtc = null;
        ticket.PausedRemainingTicks = null;
        ticket.NextFollowUpUtc = null;
        Touch(ticket, nowUtc);
    }

    /// <summary>After reminder <paramref name="remindersSent"/>: the next reminder's time, or the automatic close's.</summary>
    public static DateTime NextFollowUp(DateTime askedUtc, int remindersSent, HelpdeskOptions options) =>
        remindersSent < options.Reminders.Count
            ? askedUtc.AddHours(options.Reminders[remindersSent])
            : askedUtc.AddHours(options.AutoCloseHours);

    public static void Touch(HelpdeskTicket ticket, DateTime nowUtc)
    {
        ticket.UpdatedUtc = nowUtc;
        ticket.Version++;
    }
}

/// <summary>
/// The per-client limits of the public form and the secure link (Helpdesk:TicketsPerClientPerHour,
/// TicketsPerEmailPerHour, LinkRequestsPerClientPer10Minutes), in a bounded <see cref="RecentEvents"/>.
/// </summary>
public sealed class HelpdeskLimiter(IOptions<HelpdeskOptions> options, TimeProvider clock)
{
    private readonly RecentEvents _events = new(clock, () => TimeSpan.FromHours(1));

    /// <summary>Null when one more report may be sent (and it is counted); otherwise how long to wait.</summary>
    public TimeSpan? TrySubmit(string? client, string email) =>
        _events.TryRecord(
            new RateLimit("submit-ip:" + (client ?? "unknown"), options.Value.TicketsPerClientPerHour, TimeSpan.FromHours(1)),
            new RateLimit("submit-email:" + email.Trim().ToLowerInvariant(), options.Value.TicketsPerEmailPerHour, TimeSpan.FromHours(1)));

    /// <summary>Null when the client may open (or answer through) a secure link now (and it is counted).</summary>
    public TimeSpan? TryOpenLink(string? client) =>
        _events.TryRecord(new RateLimit("link-ip:" + (client ?? "unknown"), options.Value.LinkRequestsPerClientPer10Minutes, TimeSpan.FromMinutes(10)));

    public static string WaitText(TimeSpan wait) =>
        wait.TotalMinutes >= 1 ? $"{(int)Math.Ceiling(wait.TotalMinutes)} menit" : $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} detik";
}

/// <summary>Files of requesters (no account) are downloaded by the helpdesk agents and the administrator only.</summary>
public sealed class HelpdeskUploadAccess : IUploadAccessRule
{
    /// <summary>The owner recorded on a requester's upload (no account has this id).</summary>
    public const string RequesterOwner = "helpdesk-requester";

    public Task<bool> MayReadAsync(ClaimsPrincipal user, InstitutionRef upload, CancellationToken cancellationToken) =>
        Task.FromResult(upload.OwnerUserId == RequesterOwner && (user.IsInRole(Roles.Helpdesk) || user.IsInRole(Roles.Admin)));
}
