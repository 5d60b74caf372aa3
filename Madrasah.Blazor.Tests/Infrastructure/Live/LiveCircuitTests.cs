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
        builder.AddComponentParameter(3, nameof(LiveRefresh.OnChange), (Func<Task>)(() => { _inbox++; Told(); return Task.CompletedTask; }));
        builder.CloseComponent();
        builder.OpenComponent<LiveRefresh>(4);
        builder.AddComponentParameter(5, nameof(LiveRefresh.Topic), "approvals:institution:1");
        builder.AddComponentParameter(6, nameof(LiveRefresh.OnChange), (Func<Task>)(() => { _badge++; Told(); return Task.CompletedTask; }));
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

    [Fact]
    public async Task A_reload_that_waits_renders_its_page_once_after_it_has_finished()
    {
        var reload = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cut = Render(builder =>
        {
            builder.OpenComponent<LiveBatchHost>(0);
            builder.CloseComponent();
            builder.OpenComponent<SlowInbox>(1);
            builder.AddComponentParameter(2, nameof(SlowInbox.Reload), reload.Task);
            builder.CloseComponent();
        });
        var inbox = cut.FindComponent<SlowInbox>();
        Assert.Equal(1, inbox.Instance.Renders);

        Services.GetRequiredService<LiveNotifier>().Publish("approvals:institution:1");
        await inbox.Instance.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Renderer.Dispatcher.InvokeAsync(() => { });
        Assert.Equal(1, inbox.Instance.Renders); // waiting: the page still shows what it had, without a render

        reload.SetResult();
        cut.WaitForAssertion(() => Assert.Equal("loaded 1", cut.Find("p").TextContent));
        Assert.Equal(2, inbox.Instance.Renders); // once, after the reload
    }

    /// <summary>A page whose reload waits (a shared query still running, a database answering asynchronously).</summary>
    private sealed class SlowInbox : ComponentBase
    {
        [Parameter] public Task Reload { get; set; } = Task.CompletedTask;
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Renders { get; private set; }
        private int _loads;

        private async Task LoadAsync()
        {
            Started.TrySetResult();
            await Reload;
            _loads++;
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            Renders++;
            builder.OpenElement(0, "p");
            builder.AddContent(1, $"loaded {_loads}");
            builder.CloseElement();
            builder.OpenComponent<LiveRefresh>(2);
            builder.AddComponentParameter(3, nameof(LiveRefresh.Topic), "approvals:institution:1");
            builder.AddComponentParameter(4, nameof(LiveRefresh.OnChange), (Func<Task>)LoadAsync);
            builder.CloseComponent();
        }
    }
}
