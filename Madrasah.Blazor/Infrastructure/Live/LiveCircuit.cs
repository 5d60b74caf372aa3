using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Madrasah.Blazor.Infrastructure.Live;

/// <summary>
/// The live components of one circuit (a scoped service: one per circuit). Each <see cref="LiveComponentBase"/> watches its
/// topics through it, and one publish, whatever its topics and however many components watch them, refreshes them in
/// <b>one render batch</b>: an inbox page and the menu's count beside it used to send two batches per change, and
/// with a thousand open inboxes every batch is a thousand messages to send and to acknowledge.
/// <para>
/// How: the circuit listens to each topic once and is told once per publish (<see cref="LiveNotifier.Listen"/>); a
/// publish marks its watchers due and queues one flush on the circuit's dispatcher (publishes that arrive before it
/// runs join it). The flush runs every due component's handler, then renders <see cref="LiveBatchHost"/> (render-less,
/// in the layout), whose render re-renders those components' owners inside that same batch. Without a host (a component
/// rendered alone, as in component tests) each component is told on its own dispatcher.
/// </para>
/// </summary>
public sealed class LiveCircuit : ILiveListener, IDisposable
{
    private readonly LiveNotifier _notifier;
    private readonly ILogger<LiveCircuit> _logger;
    private readonly NavigationManager _navigation;
    private readonly Lock _lock = new();
    private long _pageOpened;
    private readonly Dictionary<string, (IDisposable Subscription, HashSet<LiveComponentBase> Watchers)> _topics = [];
    private HashSet<LiveComponentBase> _due = [];
    private bool _flushQueued;
    private LiveBatchHost? _host;

    public LiveCircuit(LiveNotifier notifier, ILogger<LiveCircuit> logger, NavigationManager navigation)
    {
        _notifier = notifier;
        _logger = logger;
        _navigation = navigation;
        // Made as the circuit opens (LiveCircuitOpening), so this handler runs before the router's: the mark is taken
        // before the next page starts loading.
        _pageOpened = notifier.Sequence;
        navigation.LocationChanged += MarkPageOpened;
    }

    private void MarkPageOpened(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) =>
        Interlocked.Exchange(ref _pageOpened, _notifier.Sequence);

    /// <summary>
    /// Whether one of <paramref name="topics"/> may have been published since the page began to load: a component that
    /// starts watching only once its data is loaded (a LiveRefresh shown with that data) checks once for itself, because
    /// that publish reached nobody.
    /// </summary>
    internal bool PublishedSincePageOpened(IEnumerable<string> topics)
    {
        var mark = Interlocked.Read(ref _pageOpened);
        return topics.Any(topic => _notifier.PublishedSince(topic, mark));
    }

    /// <summary>
    /// Tells <paramref name="component"/> as a publish would, because one may have reached nobody (see
    /// <see cref="LiveComponentBase.Watch"/>): the same reload, render batch and logged failure as a publish's.
    /// </summary>
    internal void Recheck(LiveComponentBase component) =>
        _ = TellAsync([component]).ContinueWith(t => Log(t.Exception!.GetBaseException()), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Calls <paramref name="component"/>'s notice whenever <paramref name="topic"/> is published, until disposed.</summary>
    internal IDisposable Watch(string topic, LiveComponentBase component)
    {
        lock (_lock)
        {
            if (!_topics.TryGetValue(topic, out var entry))
            {
                entry = (_notifier.Listen(topic, this), []);
                _topics[topic] = entry;
            }
            entry.Watchers.Add(component);
        }
        return new Unwatch(this, topic, component);
    }

    internal void Attach(LiveBatchHost host)
    {
        lock (_lock)
        {
            _host = host;
            _flushQueued = false;
        }
    }

    internal void Detach(LiveBatchHost host)
    {
        lock (_lock) if (_host == host) _host = null;
    }

    /// <summary>Once per publish naming any of this circuit's topics.</summary>
    public Task OnPublishedAsync(IReadOnlyList<string> topics)
    {
        HashSet<LiveComponentBase> watchers;
        lock (_lock) watchers = topics.Where(_topics.ContainsKey).SelectMany(t => _topics[t].Watchers).ToHashSet();
        return watchers.Count == 0 ? Task.CompletedTask : TellAsync(watchers);
    }

    /// <summary>Queues these components for the host's next flush (one flush queued at a time), or tells each alone.</summary>
    private Task TellAsync(IReadOnlyCollection<LiveComponentBase> components)
    {
        LiveBatchHost? host;
        lock (_lock)
        {
            host = _host;
            if (host is not null)
            {
                _due.UnionWith(components);
                if (_flushQueued) return Task.CompletedTask;
                _flushQueued = true;
            }
        }
        // No host in this circuit: each component on its own dispatcher.
        return host is null ? Task.WhenAll(components.Select(c => c.NotifyAloneAsync())) : FlushAsync(host);
    }

    private async Task FlushAsync(LiveBatchHost host)
    {
        try
        {
            await host.FlushAsync(TakeDue);
        }
        catch
        {
            TakeDue(); // the host is gone (its circuit ends): let the next publish try again
            throw;
        }
    }

    /// <summary>The components due now (called by the host on the dispatcher, as it starts its render).</summary>
    private IReadOnlyCollection<LiveComponentBase> TakeDue()
    {
        lock (_lock)
        {
            var due = _due;
            _due = [];
            _flushQueued = false;
            return due;
        }
    }

    internal void Log(Exception exception) => _logger.LogWarning(exception, "A live component's refresh failed");

    private void Forget(string topic, LiveComponentBase component)
    {
        lock (_lock)
        {
            _due.Remove(component);
            if (!_topics.TryGetValue(topic, out var entry)) return;
            entry.Watchers.Remove(component);
            if (entry.Watchers.Count > 0) return;
            entry.Subscription.Dispose();
            _topics.Remove(topic);
        }
    }

    public void Dispose()
    {
        _navigation.LocationChanged -= MarkPageOpened;
        lock (_lock)
        {
            foreach (var (subscription, _) in _topics.Values) subscription.Dispose();
            _topics.Clear();
            _due.Clear();
        }
    }

    private sealed class Unwatch(LiveCircuit circuit, string topic, LiveComponentBase component) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) circuit.Forget(topic, component);
        }
    }
}

/// <summary>Makes the circuit's <see cref="LiveCircuit"/> as the circuit opens, before any page of it loads.</summary>
internal sealed class LiveCircuitOpening(LiveCircuit circuit) : Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler
{
    public LiveCircuit Circuit { get; } = circuit;
}

/// <summary>
/// Renders nothing; a flush first runs the handler of each due component (their reloads, at the same time, none of them
/// rendering), then renders this host, whose render asks each of those components to render: they all join this one
/// render batch. A reload that has to wait (a query shared with other circuits, a database that answers asynchronously)
/// neither blocks a thread nor makes its component render twice. One per layout.
/// </summary>
public sealed class LiveBatchHost : ComponentBase, IDisposable
{
    [Inject] private LiveCircuit Circuit { get; set; } = default!;

    private IReadOnlyList<LiveComponentBase> _loaded = [];
    private Task _flushing = Task.CompletedTask;

    protected override void OnInitialized() => Circuit.Attach(this);

    internal Task FlushAsync(Func<IReadOnlyCollection<LiveComponentBase>> takeDue) => InvokeAsync(async () =>
    {
        // One flush at a time: a publish that arrives while reloads run is flushed after them, with what is due by then.
        while (!_flushing.IsCompleted) await _flushing;
        var flush = LoadThenRenderAsync(takeDue());
        _flushing = flush;
        await flush;
    });

    private async Task LoadThenRenderAsync(IReadOnlyCollection<LiveComponentBase> due)
    {
        var loaded = await Task.WhenAll(due.Select(async component =>
        {
            try
            {
                await component.ReloadForChangeAsync();
                return component;
            }
            catch (Exception exception)
            {
                Circuit.Log(exception);
                return null;
            }
        }));
        _loaded = loaded.OfType<LiveComponentBase>().ToList();
        if (_loaded.Count > 0) StateHasChanged();
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var loaded = _loaded;
        _loaded = [];
        foreach (var component in loaded) component.RenderAfterChange();
    }

    public void Dispose() => Circuit.Detach(this);
}
