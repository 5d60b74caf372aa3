using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>
/// Queues emails. <see cref="EnqueueAsync{TComponent}"/> renders a Razor template and only adds the message to the
/// caller's context: the caller's SaveChanges commits it together with the change that caused it. Once that commits,
/// the message's <see cref="LiveTopics.OutboxDue"/> wakes the sender, so it delivers at once (it polls anyway).
/// </summary>
public sealed class EmailOutbox : IDisposable
{
    private readonly WakeSignal _wake = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _clock;
    private readonly IDisposable _dueWatch;

    public EmailOutbox(IServiceScopeFactory scopes, ILoggerFactory loggerFactory, TimeProvider clock, LiveNotifier notifier)
    {
        _scopes = scopes;
        _loggerFactory = loggerFactory;
        _clock = clock;
        _dueWatch = notifier.Subscribe(LiveTopics.OutboxDue, () =>
        {
            _wake.Wake();
            return Task.CompletedTask;
        });
    }

    public async Task<OutboxMessage> EnqueueAsync<TComponent>(MadrasahDbContext db, string to, string? toName, string subject,
        IDictionary<string, object?> parameters, int? institutionId = null) where TComponent : IComponent
    {
        var message = await PrepareAsync<TComponent>(to, toName, subject, parameters, institutionId);
        db.Add(message);
        return message;
    }

    /// <summary>
    /// The message <see cref="EnqueueAsync{TComponent}"/> adds, rendered but not added to any context: a batch renders
    /// its messages in parallel (rendering is the costly part) and then adds them to its one context.
    /// </summary>
    public async Task<OutboxMessage> PrepareAsync<TComponent>(string to, string? toName, string subject,
        IDictionary<string, object?> parameters, int? institutionId = null) where TComponent : IComponent
    {
        var html = await RenderAsync<TComponent>(parameters);
        var now = _clock.GetUtcNow().UtcDateTime;
        return new OutboxMessage
        {
            To = to.Trim(),
            ToName = string.IsNullOrWhiteSpace(toName) ? null : toName.Trim(),
            Subject = subject,
            HtmlBody = html,
            TextBody = HtmlText.ToText(html),
            CreatedUtc = now,
            NextAttemptUtc = now,
            Status = OutboxStatus.Pending,
            InstitutionId = institutionId,
        };
    }

    /// <summary>Renders a template (a component without render mode) to an HTML string, in a scope of its own.</summary>
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        // The renderer asks for scoped Blazor services: the root provider refuses them.
        await using var scope = _scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, _loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>Waits until a due message is committed or <paramref name="timeout"/> passes; true when woken.</summary>
    internal Task<bool> WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _dueWatch.Dispose();
}
