using Bunit;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Live;

/// <summary>
/// The live components of one circuit (a layout's <see cref="LiveBatchHost"/> with, say, an inbox and the menu's
/// count) are refreshed together: once each per publish, whatever topics the publish names.
/// </summary>
public sealed class LiveCircuitTests : ComponentTestContext
{
    private int _inbox, _badge;
    private readonly TaskCompletionSource _bothTold = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Told()
    {
        if (_inbox > 0 && _badge > 0) _bothTold.TrySetResult();
    }

    private void RenderCircuit() => Render(builder =>
    {
        builder.OpenComponent<LiveBatchHost>(0);
        builder.CloseComponent();
        builder.OpenComponent<LiveRefresh>(1);
        builder.AddComponentParameter(2, nameof(LiveRefresh.Topic), "approvals:institution:1 institution:1");
        builder.AddComponentParameter(3, nameof(LiveRefresh.OnChange), EventCallback.Factory.Create(this, () => { _inbox++; Told(); }));
        builder.CloseComponent();
        builder.OpenComponent<LiveRefresh>(4);
        builder.AddComponentParameter(5, nameof(LiveRefresh.Topic), "approvals:institution:1");
        builder.AddComponentParameter(6, nameof(LiveRefresh.OnChange), EventCallback.Factory.Create(this, () => { _badge++; Told(); }));
        builder.CloseComponent();
    });

    [Fact]
    public async Task One_publish_naming_two_watched_topics_refreshes_each_component_once()
    {
        RenderCircuit();

        Services.GetRequiredService<LiveNotifier>().Publish("approvals:institution:1", "institution:1");

        await _bothTold.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Anything still queued for this publish runs on the renderer's dispatcher: let it finish before counting.
        await Renderer.Dispatcher.InvokeAsync(() => { });
        Assert.Equal((1, 1), (_inbox, _badge));
    }

    [Fact]
    public async Task A_topic_nobody_watches_refreshes_nothing_and_the_next_publish_still_arrives()
    {
        RenderCircuit();
        var notifier = Services.GetRequiredService<LiveNotifier>();

        notifier.Publish("approvals:institution:2");
        notifier.Publish("approvals:institution:1");

        await _bothTold.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Renderer.Dispatcher.InvokeAsync(() => { });
        Assert.Equal((1, 1), (_inbox, _badge));
    }
}
