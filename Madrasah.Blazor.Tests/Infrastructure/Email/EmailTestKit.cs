using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

/// <summary>
/// The email services as <c>AddEmail</c> registers them (over <see cref="AppServices"/>: a real SQLite file, the
/// after-commit interceptor), with a manual clock and the given settings ("Email:…" as appsettings.json gives them).
/// </summary>
internal sealed class EmailTestKit : IAsyncDisposable
{
    public static readonly UserScope AdminUser = new("admin-1", "admin@madrasah.local", "Admin Sistem", Roles.Admin, null, null);

    private readonly AppServices _app;

    public EmailTestKit(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        _app = new AppServices((services, configuration) =>
        {
            services.AddEmail(configuration);
            services.AddSingleton<TimeProvider>(Clock);
            // A scoped cascading value, as the app's Razor services register: templates must render in a scope of
            // their own (the root provider refuses scoped services, AppServices validates scopes).
            services.AddCascadingValue(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value);
            configure?.Invoke(services);
        }, settings);
    }

    public ManualClock Clock { get; } = new();
    public TestDatabase Database => _app.Database;
    public IServiceProvider Provider => _app.Provider;
    /// <summary>The options the services read (one instance: a test may change them before it sends).</summary>
    public EmailOptions Options => _app.Provider.GetRequiredService<IOptions<EmailOptions>>().Value;
    public LiveNotifier Notifier => _app.Provider.GetRequiredService<LiveNotifier>();
    public EmailOutbox Outbox => _app.Provider.GetRequiredService<EmailOutbox>();
    /// <summary>The sender, over the transport Email:Delivery chooses (MailKit's SMTP client, or MimeKit's pickup files).</summary>
    public EmailSender Sender => _app.Provider.GetRequiredService<EmailSender>();
    public OutboxAdminService AdminService => _app.Provider.CreateScope().ServiceProvider.GetRequiredService<OutboxAdminService>();

    /// <summary>Settings delivering to an SMTP server on 127.0.0.1 (no TLS unless <paramref name="security"/> says so).</summary>
    public static Dictionary<string, string?> Smtp(int port, int maxAttempts = 8, string security = "None") => new()
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(),
        ["Email:Smtp:Security"] = security,
        ["Email:Smtp:TimeoutSeconds"] = "10",
        ["Email:MaxAttempts"] = maxAttempts.ToString(),
    };

    /// <summary>Queues the test email to <paramref name="to"/> and commits it, as a feature would.</summary>
    public async Task<OutboxMessage> EnqueueTestEmailAsync(string to, string? toName = null, string subject = TestEmail.Subject)
    {
        await using var db = await _app.Provider.GetRequiredService<IDbContextFactory<MadrasahDbContext>>().CreateDbContextAsync();
        var message = await Outbox.EnqueueAsync<TestEmail>(db, to, toName, subject, new Dictionary<string, object?>
        {
            [nameof(TestEmail.RecipientName)] = toName,
            [nameof(TestEmail.CreatedUtc)] = Clock.UtcNow,
        });
        await db.SaveChangesAsync();
        return message;
    }

    public async Task<OutboxMessage> ReloadAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().FindAsync(id) ?? throw new InvalidOperationException($"Outbox message {id} is gone");
    }

    public async Task<List<OutboxMessage>> AllAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
