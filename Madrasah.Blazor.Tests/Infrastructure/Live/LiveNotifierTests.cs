using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Madrasah.Blazor.Tests.Infrastructure.Live;

public sealed class LiveNotifierTests
{
    private readonly LiveNotifier _notifier = new(NullLogger<LiveNotifier>.Instance);

    [Fact]
    public async Task Subscribers_of_a_topic_are_told_and_others_are_not()
    {
        var told = new TaskCompletionSource();
        var otherCalls = 0;
        using var a = _notifier.Subscribe("institution:1", () => { told.TrySetResult(); return Task.CompletedTask; });
        using var b = _notifier.Subscribe("institution:2", () => { Interlocked.Increment(ref otherCalls); return Task.CompletedTask; });

        _notifier.Publish("institution:1");

        await told.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, otherCalls);
    }

    [Fact]
    public void Disposing_a_subscription_stops_it()
    {
        var calls = 0;
        var subscription = _notifier.Subscribe("t", () => { calls++; return Task.CompletedTask; });
        Assert.Equal(1, _notifier.SubscriberCount("t"));
        subscription.Dispose();
        subscription.Dispose(); // twice is harmless
        _notifier.Publish("t");
        Assert.Equal(0, calls);
        Assert.Equal(0, _notifier.SubscriberCount("t"));
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var told = new TaskCompletionSource();
        using var bad = _notifier.Subscribe("t", () => throw new InvalidOperationException("boom"));
        using var good = _notifier.Subscribe("t", () => { told.TrySetResult(); return Task.CompletedTask; });
        _notifier.Publish("t");
        await told.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_publish_counts_from_the_mark_taken_before_it_and_after_a_lost_link_every_topic_does()
    {
        var beforePublish = _notifier.Sequence;
        _notifier.Publish("institution:1");
        Assert.True(_notifier.PublishedSince("institution:1", beforePublish));
        var afterPublish = _notifier.Sequence;
        Assert.False(_notifier.PublishedSince("institution:1", afterPublish));

        // The link to the other servers was down: nobody knows what they changed, so every topic may have been.
        _notifier.PublishEverything();
        Assert.True(_notifier.PublishedSince("institution:1", afterPublish));
        Assert.True(_notifier.PublishedSince("a topic nobody ever published", afterPublish));
        Assert.False(_notifier.PublishedSince("a topic nobody ever published", _notifier.Sequence));
    }
}
