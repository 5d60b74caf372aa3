using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

/// <summary>The email services built by hand on their own test database, a manual clock and the given options.</summary>
internal sealed class EmailTestKit : IAsyncDisposable
{
    public static readonly UserScope AdminUser = new("admin-1", "admin@madrasah.local", "Admin Sistem", Roles.Admin, null, null);

    private readonly ServiceProvider _services;

    public EmailTestKit(EmailOptions options)
    {
        Options = options;
        // Like the app's container for templates: the email options, and a scoped cascading value (the app's Razor
        // services register such scoped suppliers, which a renderer built on the root provider cannot get), scopes validated.
        var services = new ServiceCollection().AddSingleton(Microsoft.Extensions.Options.Options.Create(options))
            .AddSingleton(new Madrasah.Blazor.Infrastructure.PublicLinks(Madrasah.Blazor.Infrastructure.PublicLinks.DefaultBaseUrl));
        services.AddCascadingValue(_ => options);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
        Notifier = new LiveNotifier(NullLogger<LiveNotifier>.Instance);
        Outbox = new EmailOutbox(_services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance, Clock, Notifier);
        AdminService = new OutboxAdminService(Database.Factory, Outbox, new AuditLog(Clock), Clock);
    }

    public TestDatabase Database { get; } = new();
    public EmailOptions Options { get; }
    public ManualClock Clock { get; } = new();
    public LiveNotifier Notifier { get; }
    public EmailOutbox Outbox { get; }
    public OutboxAdminService AdminService { get; }

    /// <summary>Options delivering to an SMTP server on 127.0.0.1.</summary>
    public static EmailOptions Smtp(int port, int maxAttempts = 8) =>
        new() { Delivery = EmailDelivery.Smtp, Smtp = { Host = "127.0.0.1", Port = port, TimeoutSeconds = 10 }, MaxAttempts = maxAttempts };

    /// <summary>A sender over the real System.Net.Mail transport with this kit's options.</summary>
    public EmailSender CreateSender() => CreateSender(new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(Options)));

    public EmailSender CreateSender(IMailTransport transport) =>
        new(Database.Factory, transport, Outbox, Notifier, Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<EmailSender>.Instance);

    /// <summary>Queues the test email to <paramref name="to"/> and commits it, as a feature would.</summary>
    public async Task<OutboxMessage> EnqueueTestEmailAsync(string to, string? toName = null, string subject = TestEmail.Subject)
    {
        await using var db = Database.CreateContext();
        var message = await Outbox.EnqueueAsync<TestEmail>(db, to, toName, subject, new Dictionary<string, object?>
        {
            [nameof(TestEmail.RecipientName)] = toName,
            [nameof(TestEmail.CreatedUtc)] = Clock.UtcNow,
        });
        await db.SaveChangesAsync();
        Outbox.Wake();
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
        return db.Set<OutboxMessage>().OrderBy(m => m.Id).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
