using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Helpdesk;

public sealed record TopicChoice(int Id, string Label, IReadOnlyList<CategoryChoice> Categories);
public sealed record CategoryChoice(int Id, string Name);
public sealed record RegionChoice(string Code, string Name);

/// <summary>The provinces and their regencies/cities, by code (reference data: read once).</summary>
public sealed record RegionLists(IReadOnlyDictionary<string, string> Provinces, IReadOnlyDictionary<string, IReadOnlyList<RegionChoice>> Regencies)
{
    public IEnumerable<RegionChoice> ProvinceChoices => Provinces.Select(p => new RegionChoice(p.Key, p.Value)).OrderBy(p => p.Name, StringComparer.Ordinal);
    public IReadOnlyList<RegionChoice> RegenciesOf(string? province) => province is not null && Regencies.TryGetValue(province, out var list) ? list : [];
}

/// <summary>An entry of the admin's lists, with its state.</summary>
public sealed record TopicRow(int Id, int? ParentId, string? Group, string Name, bool IsActive, int TicketCount);

/// <summary>
/// The form's configurable lists ("Jenis Laporan – Tipe Laporan" and their "Kategori Masalah"), kept by the
/// administrator at /admin/helpdesk, and the canned replies. The active lists are cached until they change.
/// </summary>
public sealed class HelpdeskTopicService : IDisposable
{
    public const string TopicsChanged = "helpdesk:topics";

    private readonly IDbContextFactory<MadrasahDbContext> _factory;
    private readonly AuditLog _audit;
    private readonly IDisposable _invalidation;
    private volatile IReadOnlyList<TopicChoice>? _choices;
    private static RegionLists? s_region;

    public HelpdeskTopicService(IDbContextFactory<MadrasahDbContext> factory, AuditLog audit, LiveNotifier notifier)
    {
        _factory = factory;
        _audit = audit;
        _invalidation = notifier.InvalidateOn(t => t == TopicsChanged, () => _choices = null);
    }

    public void Dispose() => _invalidation.Dispose();

    public async Task<IReadOnlyList<TopicChoice>> ActiveChoicesAsync()
    {
        if (_choices is { } cached) return cached;
        await using var db = await _factory.CreateDbContextAsync();
        var all = await db.Set<HelpdeskTopic>().AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync();
        return _choices = all.Where(t => t.ParentId == null)
            .Select(t => new TopicChoice(t.Id, t.Label, all.Where(c => c.ParentId == t.Id).Select(c => new CategoryChoice(c.Id, c.Name)).ToList()))
            .Where(t => t.Categories.Count > 0)
            .ToList();
    }

    public async Task<RegionLists> RegionAsync()
    {
        if (s_region is { } cached) return cached;
        await using var db = await _factory.CreateDbContextAsync();
        var provinces = await db.Set<Province>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name);
        var regencies = (await db.Set<Regency>().AsNoTracking().ToListAsync())
            .GroupBy(r => r.ProvinceCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RegionChoice>)g.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new RegionChoice(r.Code, r.Name)).ToList());
        // An empty database (a test before seeding) is not cached.
        var lists = new RegionLists(provinces, regencies);
        if (provinces.Count > 0) s_region = lists;
        return lists;
    }

    public async Task<IReadOnlyList<TopicRow>> ListAllAsync()
    {
        await using var db = await _factory.CreateDbContextAsync();
        var counts = await db.Set<HelpdeskTicket>().GroupBy(t => t.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var typeCounts = await db.Set<HelpdeskTicket>().GroupBy(t => t.ReportTypeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return (await db.Set<HelpdeskTopic>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync())
            .Select(t => new TopicRow(t.Id, t.ParentId, t.Group, t.Name, t.IsActive,
                (t.ParentId is null ? typeCounts : counts).GetValueOrDefault(t.Id)))
            .ToList();
    }

    /// <summary>A new "Jenis Laporan – Tipe Laporan" (<paramref name="parentId"/> null) or "Kategori Masalah" under one.</summary>
    public async Task<FormResult> AddAsync(UserScope actor, int? parentId, string? group, string? name)
    {
        if (actor.Role != Roles.Admin) return FormResult.Error("", "Hanya Administrator Sistem yang dapat mengubah daftar ini.");
        if (parentId is null && TextRules.Check(group, "Jenis Laporan", HelpdeskLimits.TopicName, required: true) is { } groupError)
            return FormResult.Error("Group", groupError);
        var label = parentId is null ? "Tipe Laporan" : "Kategori Masalah";
        if (TextRules.Check(name, label, HelpdeskLimits.TopicName, required: true) is { } nameError) return FormResult.Error("Name", nameError);
        await using var db = await _factory.CreateDbContextAsync();
        if (parentId is not null && !await db.Set<HelpdeskTopic>().AnyAsync(t => t.Id == parentId && t.ParentId == null))
            return FormResult.Error("", "Jenis Laporan – Tipe Laporan induknya tidak ditemukan.");
        var text = name!.Trim();
        var groupText = parentId is null ? group!.Trim() : null;
        if (await db.Set<HelpdeskTopic>().AnyAsync(t => t.ParentId == parentId && t.Group == groupText && t.Name == text))
            return FormResult.Error("Name", $"{label} \"{text}\" sudah ada.");
        var order = (await db.Set<HelpdeskTopic>().Where(t => t.ParentId == parentId).MaxAsync(t => (int?)t.SortOrder) ?? 0) + 10;
        var topic = new HelpdeskTopic { ParentId = parentId, Group = groupText, Name = text, SortOrder = order };
        db.Add(topic);
        _audit.Record(db, actor, "helpdesk.topic-added", $"{label} \"{topic.Label}\" ditambahkan ke formulir Hubungi Kami.", entityType: nameof(HelpdeskTopic));
        db.PublishAfterCommit(TopicsChanged);
        await db.SaveChangesAsync();
        return FormResult.Success;
    }

    /// <summary>Shows or hides an entry in the form (tickets that use it keep it).</summary>
    public async Task SetActiveAsync(UserScope actor, int id, bool active)
    {
        if (actor.Role != Roles.Admin) return;
        await using var db = await _factory.CreateDbContextAsync();
        var topic = await db.Set<HelpdeskTopic>().FirstOrDefaultAsync(t => t.Id == id);
        if (topic is null || topic.IsActive == active) return;
        topic.IsActive = active;
        _audit.Record(db, actor, "helpdesk.topic-changed", $"\"{topic.Label}\" {(active ? "ditampilkan kembali" : "disembunyikan")} di formulir Hubungi Kami.", entityType: nameof(HelpdeskTopic), entityId: id);
        db.PublishAfterCommit(TopicsChanged);
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<HelpdeskCannedReply>> CannedRepliesAsync()
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await db.Set<HelpdeskCannedReply>().AsNoTracking().OrderBy(c => c.Title).ToListAsync();
    }

    public async Task<FormResult> AddCannedReplyAsync(UserScope actor, string? title, string? body)
    {
        if (actor.Role is not (Roles.Admin or Roles.Helpdesk)) return FormResult.Error("", "Anda tidak berwenang mengubah balasan siap pakai.");
        if (TextRules.Check(title, "Judul", HelpdeskLimits.CannedTitle, required: true) is { } titleError) return FormResult.Error("Title", titleError);
        if (TextRules.Check(body, "Isi balasan", HelpdeskLimits.Message, required: true) is { } bodyError) return FormResult.Error("Body", bodyError);
        await using var db = await _factory.CreateDbContextAsync();
        db.Add(new HelpdeskCannedReply { Title = title!.Trim(), Body = body!.Trim() });
        _audit.Record(db, actor, "helpdesk.canned-added", $"Balasan siap pakai \"{title.Trim()}\" ditambahkan.", entityType: nameof(HelpdeskCannedReply));
        await db.SaveChangesAsync();
        return FormResult.Success;
    }

    public async Task RemoveCannedReplyAsync(UserScope actor, int id)
    {
        if (actor.Role is not (Roles.Admin or Roles.Helpdesk)) return;
        await using var db = await _factory.CreateDbContextAsync();
        if (await db.Set<HelpdeskCannedReply>().FirstOrDefaultAsync(c => c.Id == id) is not { } reply) return;
        db.Remove(reply);
        _audit.Record(db, actor, "helpdesk.canned-removed", $"Balasan siap pakai \"{reply.Title}\" dihapus.", entityType: nameof(HelpdeskCannedReply), entityId: id);
        await db.SaveChangesAsync();
    }
}
