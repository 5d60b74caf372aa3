using Microsoft.AspNetCore.Components;

namespace Madrasah.Blazor.Infrastructure.Live;

/// <summary>
/// A component that reloads and re-renders itself when a topic it watches is published: what a page with a
/// <see cref="LiveRefresh"/> does, without that component of its own in the circuit (for the pages and the menu count
/// that every open inbox holds). The circuit's <see cref="LiveCircuit"/> runs <see cref="OnLiveChangeAsync"/> of every
/// live component told of one publish, then re-renders them all in one render batch.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    [Inject] private LiveCircuit Circuit { get; set; } = default!;

    private readonly List<IDisposable> _subscriptions = [];
    private string _watched = "";

    /// <summary>
    /// Watches these topics (one, or several separated by spaces) instead of those watched so far. When what was loaded
    /// before this call may already be out of date, because a publish between that load and this subscription reached
    /// nobody, the component is told once as if that publish had come: for a topic added to a running watch, or at a
    /// first watch, for a topic published since the page began to load. (A page that watches before it loads is then
    /// told now and then without need, which costs one reload.)
    /// </summary>
    protected void Watch(string topics)
    {
        if (topics == _watched) return;
        var before = Topics(_watched);
        Unwatch();
        _watched = topics;
        var watched = Topics(topics);
        foreach (var topic in watched)
            _subscriptions.Add(Circuit.Watch(topic, this));
        if (before.Length > 0 ? watched.Except(before).Any() : Circuit.PublishedSincePageOpened(watched))
            Circuit.Recheck(this);
    }

    private static string[] Topics(string topics) => topics.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Reloads what a published change may have changed; the component renders once it has finished.</summary>
    protected abstract Task OnLiveChangeAsync();

    /// <summary>Runs the reload (on the dispatcher), without rendering anything yet.</summary>
    internal Task ReloadForChangeAsync() => OnLiveChangeAsync();

    /// <summary>Renders what the reload changed; called inside the render batch of the publish.</summary>
    internal virtual void RenderAfterChange() => StateHasChanged();

    /// <summary>Told without a batch host (a component rendered alone): on this component's own dispatcher.</summary>
    internal Task NotifyAloneAsync() => InvokeAsync(async () =>
    {
        await ReloadForChangeAsync();
        RenderAfterChange();
    });

    private void Unwatch()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        _subscriptions.Clear();
    }

    public virtual void Dispose()
    {
        Unwatch();
        GC.SuppressFinalize(this);
    }
}
