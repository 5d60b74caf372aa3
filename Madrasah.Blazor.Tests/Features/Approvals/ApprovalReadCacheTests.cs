using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>The shared inbox reads: one load per key until a change, and never more than the capacity in memory.</summary>
public class ApprovalReadCacheTests
{
    private readonly Dictionary<string, int> _loads = [];
    private readonly LiveNotifier _notifier = new(NullLogger<LiveNotifier>.Instance);

    private Task<string> Read(ApprovalReadCache cache, string key) => cache.GetOrLoadAsync(key, () =>
    {
        _loads[key] = _loads.GetValueOrDefault(key) + 1;
        return Task.FromResult($"rows of {key}");
    });

    [Fact]
    public async Task Every_filter_and_page_a_user_tries_stays_within_the_capacity_least_recently_used_first()
    {
        var cache = new ApprovalReadCache(TimeProvider.System, _notifier, capacity: 3);
        await Read(cache, "page 1");
        await Read(cache, "page 2");
        await Read(cache, "page 3");
        Assert.Equal("rows of page 1", await Read(cache, "page 1")); // used again: now the most recent
        Assert.Equal(1, _loads["page 1"]);

        await Read(cache, "page 4");

        Assert.Equal(3, cache.Count);
        await Read(cache, "page 1");
        await Read(cache, "page 4");
        Assert.Equal((1, 1), (_loads["page 1"], _loads["page 4"])); // still shared
        await Read(cache, "page 2");
        Assert.Equal(2, _loads["page 2"]); // the least recently used was dropped and is read again
        Assert.Equal(3, cache.Count);

        for (var page = 5; page < 100; page++) await Read(cache, $"page {page}");
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public async Task The_default_capacity_bounds_many_distinct_reads()
    {
        var cache = new ApprovalReadCache(TimeProvider.System, _notifier);
        for (var i = 0; i < ApprovalReadCache.DefaultCapacity * 3; i++) await Read(cache, $"list|filter {i}");
        Assert.Equal(ApprovalReadCache.DefaultCapacity, cache.Count);
        cache.Clear();
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task An_approvals_topic_empties_it_before_any_watcher_reloads_and_other_topics_leave_it()
    {
        using var cache = new ApprovalReadCache(TimeProvider.System, _notifier);
        await Read(cache, "list|operator");
        _notifier.Publish(LiveTopics.Outbox, LiveTopics.Institution(1));
        Assert.Equal(1, cache.Count);

        var seenByWatcher = new TaskCompletionSource<string>();
        using var watcher = _notifier.Subscribe(ApprovalTopics.Head(1), async () => seenByWatcher.TrySetResult(await Read(cache, "list|operator")));
        _notifier.Publish(ApprovalTopics.Head(1));

        Assert.Equal("rows of list|operator", await seenByWatcher.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, _loads["list|operator"]); // the watcher's read went to the database again
    }
}
