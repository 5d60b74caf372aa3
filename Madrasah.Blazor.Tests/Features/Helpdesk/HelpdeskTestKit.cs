using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Helpdesk;

/// <summary>
/// The demo data (with the region lists) on a real SQLite file, the helpdesk's services built by the app's own
/// registrations (<c>AddMadrasahTime</c>, <c>AddEmail</c>, <c>AddUploads</c>, <c>AddHelpdesk</c>) and a clock the test moves.
/// </summary>
internal sealed class HelpdeskTestKit : IAsyncDisposable
{
    private readonly AppServices _app;
    private readonly AsyncServiceScope _scope;

    /// <summary>Thursday 3 December 2026, 10:00 WIB.</summary>
    public static readonly DateTimeOffset Thursday10 = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);

    private HelpdeskTestKit(DateTimeOffset start, IDictionary<string, string?>? settings)
    {
        Clock = new ManualClock(start);
        _app = new((services, configuration) =>
        {
            services.AddMadrasahTime();
            services.AddEmail(configuration);
            services.AddUploads(configuration);
            services.AddHelpdesk(configuration);
            services.AddSingleton<TimeProvider>(Clock);
        }, settings, migrate: false);
        _scope = _app.Provider.CreateAsyncScope();
    }

    public ManualClock Clock { get; }
    public TestDatabase Database => _app.Database;
    public HelpdeskRequesterService Requester => _scope.ServiceProvider.GetRequiredService<HelpdeskRequesterService>();
    public HelpdeskAgentService Agents => _scope.ServiceProvider.GetRequiredService<HelpdeskAgentService>();
    public HelpdeskFollowUps FollowUps => _scope.ServiceProvider.GetRequiredService<HelpdeskFollowUps>();
    public HolidayCalendar Calendar => _scope.ServiceProvider.GetRequiredService<HolidayCalendar>();
    public HelpdeskTopicService Topics => _scope.ServiceProvider.GetRequiredService<HelpdeskTopicService>();
    public UserScope Agent { get; private set; } = UserScope.Anonymous;
    public UserScope Admin { get; private set; } = UserScope.Anonymous;

    public static async Task<HelpdeskTestKit> CreateAsync(DateTimeOffset? start = null, IDictionary<string, string?>? settings = null)
    {
        var kit = new HelpdeskTestKit(start ?? Thursday10, settings);
        await DemoSeed.CopyIntoAsync(kit.Database);
        await using (var db = kit.Database.CreateContext())
        {
            await db.Database.MigrateAsync(); // the seeded copy is migrated already; the helpdesk's lists come with the migration
            await RegionData.SeedAsync(db);
            await db.Set<HelpdeskTicket>().ExecuteDeleteAsync(); // the demo tickets: each test starts with an empty queue
        }
        kit.Agent = await DemoSeed.ScopeOfAsync(kit.Database, "helpdesk@madrasah.demo.id");
        kit.Admin = await DemoSeed.ScopeOfAsync(kit.Database, "admin@madrasah.demo.id");
        return kit;
    }

    /// <summary>A complete, valid form of a school operator in Sleman (the first report type and its first category).</summary>
    public async Task<TicketForm> ValidFormAsync()
    {
        var topic = (await Topics.ActiveChoicesAsync())[0];
        return new TicketForm("siti.aminah@gmail.com", "Tidak bisa masuk akun operator", TicketUserType.OperatorSekolah, topic.Id, topic.Categories[0].Id,
            "siti@admin.sd.belajar.id", "MIN 1 Sleman", "SD/MI", "60713201", "34", "34.04",
            "Sejak kemarin akun operator tidak bisa masuk: muncul pesan akun terkunci.", ["Surat Penunjukan sebagai Admin/Operator"]);
    }

    public static AttachmentInput Pdf(string name = "surat-penunjukan.pdf") => new(name, "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray());
    public static AttachmentInput Png(string name = "layar.png") => new(name, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

    /// <summary>Sends the valid form (with <paramref name="files"/>) and returns the new ticket.</summary>
    public async Task<HelpdeskTicket> SubmitAsync(params AttachmentInput[] files)
    {
        var result = await Requester.SubmitAsync(await ValidFormAsync(), files, "203.0.113.10");
        Assert.True(result.Succeeded, string.Join("; ", result.Form.Errors.Values));
        return await TicketAsync(result.Number!);
    }

    public async Task<HelpdeskTicket> TicketAsync(string number)
    {
        await using var db = Database.CreateContext();
        return await db.Set<HelpdeskTicket>().AsNoTracking().Include(t => t.Messages).Include(t => t.Attachments).SingleAsync(t => t.Number == number);
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The secure-link token of the newest email to the requester.</summary>
    public async Task<string> LatestTokenAsync()
    {
        var mail = (await OutboxAsync()).Last(m => m.HtmlBody.Contains(HelpdeskLinks.StatusPath, StringComparison.Ordinal));
        var at = mail.HtmlBody.IndexOf(HelpdeskLinks.StatusPath, StringComparison.Ordinal);
        Assert.True(at >= 0, "the email carries the secure link");
        return mail.HtmlBody.Substring(at + HelpdeskLinks.StatusPath.Length, 43);
    }

    public static DateTime Wib(int year, int month, int day, int hour, int minute = 0) =>
        Madrasah.Blazor.Infrastructure.Time.Wib.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
