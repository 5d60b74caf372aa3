using Madrasah.Blazor.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.Helpdesk;

public enum TicketStatus
{
    /// <summary>Sent, nobody has taken it yet.</summary>
    Baru = 0,
    /// <summary>An agent works on it (assigned, replied, or the requester answered a question).</summary>
    Diproses = 1,
    /// <summary>"Menunggu informasi": the agents asked the requester; the service-level clock pauses.</summary>
    MenungguInformasi = 2,
    /// <summary>Closed by an agent, or automatically 48 hours after an unanswered question.</summary>
    Selesai = 3,
}

public enum TicketUserType
{
    KepalaSekolah = 1,
    OperatorSekolah = 2,
    Pendidik = 3,
    DinasPemda = 4,
    KantorKemenag = 5,
    Masyarakat = 6,
}

/// <summary>
/// One report sent through "Hubungi Kami". The requester has no account: the ticket is reached by its number (agents)
/// or by the secure link whose token only the requester's email carries (<see cref="AccessTokenHash"/>: SHA-256 of it).
/// </summary>
public class HelpdeskTicket
{
    public int Id { get; set; }
    /// <summary>"HD-2026-000123": told on screen and by email.</summary>
    public string Number { get; set; } = "";
    public string Email { get; set; } = "";
    public string Subject { get; set; } = "";
    public TicketUserType UserType { get; set; }
    /// <summary>"Jenis Laporan – Tipe Laporan" (a top-level <see cref="HelpdeskTopic"/>).</summary>
    public int ReportTypeId { get; set; }
    public HelpdeskTopic ReportType { get; set; } = null!;
    /// <summary>"Kategori Masalah" (a child of the report type).</summary>
    public int CategoryId { get; set; }
    public HelpdeskTopic Category { get; set; } = null!;
    public string? BelajarIdAccount { get; set; }
    public string OrganizationName { get; set; } = "";
    public string? Jenjang { get; set; }
    public string? Npsn { get; set; }
    public string ProvinceCode { get; set; } = "";
    public string ProvinceName { get; set; } = "";
    public string RegencyCode { get; set; } = "";
    public string RegencyName { get; set; } = "";
    public string Details { get; set; } = "";
    /// <summary>The "Lampiran Wajib" items the requester ticked, separated by new lines.</summary>
    public string? ChecklistTicked { get; set; }

    public TicketStatus Status
    {
        get => _status;
        set { _status = value; QueueSortKey = SortKeyOf(value, _dueUtc); }
    }
    public DateTime SubmittedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>When the answer is due (3 working days in office hours); null while the clock pauses or once closed.</summary>
    public DateTime? DueUtc
    {
        get => _dueUtc;
        set { _dueUtc = value; QueueSortKey = SortKeyOf(_status, value); }
    }
    /// <summary>
    /// The queue's urgency, kept with <see cref="Status"/> and <see cref="DueUtc"/> (every change of either sets it):
    /// the due time's ticks for a ticket whose clock runs, then <see cref="PausedSortKey"/> for a paused one, then
    /// <see cref="ClosedSortKey"/> once closed. Indexed with the filters' columns, so the queue's pages (most urgent first),
    /// "open" (below <see cref="ClosedSortKey"/>) and "overdue" (below now's ticks) are read in index order.
    /// </summary>
    public long QueueSortKey { get; private set; } = PausedSortKey;
    /// <summary>Office time left of the service level while paused ("Menunggu informasi").</summary>
    public long? PausedRemainingTicks { get; set; }
    /// <summary>When the open question was asked (reminders and the automatic close count from it).</summary>
    public DateTime? InfoRequestedUtc { get; set; }
    /// <summary>Reminders sent for the open question (0–2).</summary>
    public int RemindersSent { get; set; }
    /// <summary>When the next reminder or the automatic close is due; null when nothing is scheduled.</summary>
    public DateTime? NextFollowUpUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public bool AutoClosed { get; set; }
    public DateTime? FirstAnsweredUtc { get; set; }

    public string? AssignedToUserId { get; set; }
    public string? AssignedToName { get; set; }

    public string AccessTokenHash { get; set; } = "";
    /// <summary>The link's token sealed with the app's data-protection keys (<see cref="HelpdeskLinks"/>).</summary>
    public string AccessTokenSealed { get; set; } = "";
    /// <summary>Bumped by every change: two changes of the same ticket at once cannot both win.</summary>
    public int Version { get; set; }

    public List<HelpdeskMessage> Messages { get; set; } = [];
    public List<HelpdeskAttachment> Attachments { get; set; } = [];

    private TicketStatus _status;
    private DateTime? _dueUtc;

    /// <summary>Above every due time's ticks (year 9999 is 3.2e18): paused, or open without a due time.</summary>
    public const long PausedSortKey = 4_000_000_000_000_000_000;
    /// <summary>Closed ("Selesai"): after every open ticket.</summary>
    public const long ClosedSortKey = 8_000_000_000_000_000_000;

    public static long SortKeyOf(TicketStatus status, DateTime? dueUtc) => status switch
    {
        TicketStatus.Selesai => ClosedSortKey,
        TicketStatus.Baru or TicketStatus.Diproses when dueUtc is { } due => due.Ticks,
        _ => PausedSortKey,
    };

    /// <summary>The key below which a ticket is overdue at <paramref name="nowUtc"/> (its clock runs and its due time has passed).</summary>
    public static long OverdueBelow(DateTime nowUtc) => nowUtc.Ticks;

    public bool IsOverdue(DateTime nowUtc) => Status is TicketStatus.Baru or TicketStatus.Diproses && DueUtc is { } due && due < nowUtc;
}

public enum MessageKind
{
    /// <summary>The agents' answer, emailed to the requester.</summary>
    Reply = 1,
    /// <summary>"Menunggu informasi": the question, emailed with the secure link.</summary>
    InfoRequest = 2,
    /// <summary>The requester's answer through the secure link.</summary>
    RequesterAnswer = 3,
    /// <summary>Seen by agents only.</summary>
    InternalNote = 4,
    /// <summary>What happened (assigned, reminder sent, closed automatically).</summary>
    Event = 5,
}

public class HelpdeskMessage
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public HelpdeskTicket Ticket { get; set; } = null!;
    public MessageKind Kind { get; set; }
    public string Body { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A file of a ticket (sent with the form or with an answer), stored by <c>UploadStore</c>.</summary>
public class HelpdeskAttachment
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public HelpdeskTicket Ticket { get; set; } = null!;
    /// <summary>The answer the file came with; null for the form's files.</summary>
    public long? MessageId { get; set; }
    public HelpdeskMessage? Message { get; set; }
    public Guid UploadId { get; set; }
    public string FileName { get; set; } = "";
    public long SizeBytes { get; set; }
}

/// <summary>
/// The configurable lists of the form: a top-level entry is a "Jenis Laporan – Tipe Laporan" (<see cref="Group"/> is
/// the Jenis), its children the "Kategori Masalah" offered once it is chosen.
/// </summary>
public class HelpdeskTopic
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public HelpdeskTopic? Parent { get; set; }
    /// <summary>The Jenis Laporan of a top-level entry ("Kendala", "Pertanyaan"); null for a category.</summary>
    public string? Group { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public string Label => Group is null ? Name : $"{Group} – {Name}";
}

/// <summary>A prepared answer agents insert into a reply and adjust.</summary>
public class HelpdeskCannedReply
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
}

public static class HelpdeskLimits
{
    public const int Subject = 150;
    public const int Details = 4000;
    public const int Message = 4000;
    public const int TopicName = 120;
    public const int CannedTitle = 120;
    public const int Jenjang = 40;
}

public static class TicketStatusExtensions
{
    public static string Label(this TicketStatus status) => status switch
    {
        TicketStatus.Baru => "Baru",
        TicketStatus.Diproses => "Diproses",
        TicketStatus.MenungguInformasi => "Menunggu informasi",
        TicketStatus.Selesai => "Selesai",
        _ => status.ToString(),
    };

    public static Tone Tone(this TicketStatus status) => status switch
    {
        TicketStatus.Baru => Components.Shared.Tone.Info,
        TicketStatus.Diproses => Components.Shared.Tone.Neutral,
        TicketStatus.MenungguInformasi => Components.Shared.Tone.Waiting,
        _ => Components.Shared.Tone.Success,
    };
}

public class HelpdeskTicketConfiguration : IEntityTypeConfiguration<HelpdeskTicket>
{
    public void Configure(EntityTypeBuilder<HelpdeskTicket> b)
    {
        b.ToTable("HelpdeskTickets");
        b.Property(t => t.Number).HasMaxLength(20);
        b.HasIndex(t => t.Number).IsUnique();
        b.Property(t => t.Email).HasMaxLength(Infrastructure.Validation.TextLimits.Email);
        b.Property(t => t.Subject).HasMaxLength(HelpdeskLimits.Subject);
        b.Property(t => t.BelajarIdAccount).HasMaxLength(Infrastructure.Validation.TextLimits.Email);
        b.Property(t => t.OrganizationName).HasMaxLength(Infrastructure.Validation.TextLimits.InstitutionName);
        b.Property(t => t.Jenjang).HasMaxLength(HelpdeskLimits.Jenjang);
        b.Property(t => t.Npsn).HasMaxLength(8);
        b.Property(t => t.ProvinceCode).HasMaxLength(2);
        b.Property(t => t.ProvinceName).HasMaxLength(100);
        b.Property(t => t.RegencyCode).HasMaxLength(5);
        b.Property(t => t.RegencyName).HasMaxLength(100);
        b.Property(t => t.Details).HasMaxLength(HelpdeskLimits.Details);
        b.Property(t => t.ChecklistTicked).HasMaxLength(1000);
        b.Property(t => t.AssignedToUserId).HasMaxLength(450);
        b.Property(t => t.AssignedToName).HasMaxLength(200);
        b.Property(t => t.AccessTokenHash).HasMaxLength(64);
        b.HasIndex(t => t.AccessTokenHash).IsUnique();
        b.Property(t => t.AccessTokenSealed).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne(t => t.ReportType).WithMany().HasForeignKey(t => t.ReportTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Category).WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        // The queue reads in urgency order (QueueSortKey, then the oldest; the row id ends every index): all open tickets,
        // one status, one province (with "overdue": a key range). Filtered by category; follow-ups by their due time.
        b.Property(t => t.Status).HasField("_status");
        b.Property(t => t.DueUtc).HasField("_dueUtc");
        b.Property(t => t.QueueSortKey);
        b.HasIndex(t => new { t.QueueSortKey, t.SubmittedUtc });
        b.HasIndex(t => new { t.Status, t.QueueSortKey, t.SubmittedUtc });
        b.HasIndex(t => new { t.ProvinceCode, t.QueueSortKey, t.SubmittedUtc });
        b.HasIndex(t => new { t.CategoryId, t.Status });
        b.HasIndex(t => t.NextFollowUpUtc);
        b.HasIndex(t => t.SubmittedUtc);
    }
}

public class HelpdeskMessageConfiguration : IEntityTypeConfiguration<HelpdeskMessage>
{
    public void Configure(EntityTypeBuilder<HelpdeskMessage> b)
    {
        b.ToTable("HelpdeskMessages");
        b.Property(m => m.Body).HasMaxLength(HelpdeskLimits.Message);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.AuthorUserId).HasMaxLength(450);
        b.HasOne(m => m.Ticket).WithMany(t => t.Messages).HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.TicketId, m.CreatedUtc });
    }
}

public class HelpdeskAttachmentConfiguration : IEntityTypeConfiguration<HelpdeskAttachment>
{
    public void Configure(EntityTypeBuilder<HelpdeskAttachment> b)
    {
        b.ToTable("HelpdeskAttachments");
        b.Property(a => a.FileName).HasMaxLength(255);
        b.HasOne(a => a.Ticket).WithMany(t => t.Attachments).HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(a => a.UploadId).IsUnique();
    }
}

public class HelpdeskTopicConfiguration : IEntityTypeConfiguration<HelpdeskTopic>
{
    public void Configure(EntityTypeBuilder<HelpdeskTopic> b)
    {
        b.ToTable("HelpdeskTopics");
        b.Property(t => t.Group).HasMaxLength(HelpdeskLimits.TopicName);
        b.Property(t => t.Name).HasMaxLength(HelpdeskLimits.TopicName);
        b.Ignore(t => t.Label);
        b.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.ParentId, t.SortOrder });
    }
}

public class HelpdeskCannedReplyConfiguration : IEntityTypeConfiguration<HelpdeskCannedReply>
{
    public void Configure(EntityTypeBuilder<HelpdeskCannedReply> b)
    {
        b.ToTable("HelpdeskCannedReplies");
        b.Property(c => c.Title).HasMaxLength(HelpdeskLimits.CannedTitle);
        b.Property(c => c.Body).HasMaxLength(HelpdeskLimits.Message);
    }
}
