using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Live;

/// <summary>A watching component reloads when a change naming its topic commits, and not when it rolls back.</summary>
public sealed class LiveRefreshTests : ComponentTestContext
{
    private const string Topic = "test:watched";
    private int _changes;
    private readonly TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IRenderedComponent<LiveRefresh> RenderWatcher() => Render<LiveRefresh>(p => p
        .Add(x => x.Topic, $"other:topic {Topic}")
        .Add(x => x.OnChange, () => { _changes++; _changed.TrySetResult(); return Task.CompletedTask; }));

    private async Task SaveHolidayAsync(bool commit)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<MadrasahDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Add(new Holiday { Date = new DateOnly(2030, 2, 1), Name = "Libur uji", Kind = HolidayKind.LiburNasional });
        db.PublishAfterCommit(Topic);
        await db.SaveChangesAsync();
        Assert.Equal(0, _changes); // saved, not committed: nobody is told yet
        if (commit) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
    }

    [Fact]
    public async Task The_watcher_reloads_once_the_change_commits()
    {
        RenderWatcher();
        await SaveHolidayAsync(commit: true);
        // Told on the thread pool: wait for the call itself (the watcher renders nothing a render wait could see).
        await _changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _changes);
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_the_watcher_alone()
    {
        // Caches are told synchronously, watchers on the thread pool: a publish would show here at once.
        var published = 0;
        using var cache = Services.GetRequiredService<LiveNotifier>().InvalidateOn(topic => topic == Topic, () => published++);
        RenderWatcher();
        await SaveHolidayAsync(commit: false);
        Assert.Equal(0, published);
        Assert.Equal(0, _changes);
    }

    [Fact]
    public void A_topic_added_while_watching_is_checked_at_once_and_one_dropped_is_not()
    {
        // The teacher's panel adds the outbox's topic once a code waits there; the email may be sent before that
        // subscription exists, and its publish reaches nobody: the panel must look once for itself.
        var watcher = RenderWatcher();
        Assert.Equal(0, _changes);
        watcher.Render(p => p.Add(x => x.Topic, $"other:topic {Topic} test:added"));
        watcher.WaitForAssertion(() => Assert.Equal(1, _changes));
        watcher.Render(p => p.Add(x => x.Topic, $"other:topic {Topic}"));
        Assert.Equal(1, _changes);
        Assert.Equal(1, Services.GetRequiredService<LiveNotifier>().SubscriberCount(Topic));
        Assert.Equal(0, Services.GetRequiredService<LiveNotifier>().SubscriberCount("test:added"));
    }

    [Fact]
    public void A_watcher_shown_after_its_data_loaded_looks_again_when_its_topic_was_published_since_the_page_opened()
    {
        // The page opens (the circuit marks it), loads its data, a change commits, and only then is the watcher shown.
        Services.GetRequiredService<LiveCircuit>();
        Services.GetRequiredService<LiveNotifier>().Publish(Topic);
        var watcher = RenderWatcher();
        watcher.WaitForAssertion(() => Assert.Equal(1, _changes));
    }

    [Fact]
    public void A_watcher_does_not_look_again_for_what_was_published_before_its_page_opened()
    {
        Services.GetRequiredService<LiveCircuit>();
        Services.GetRequiredService<LiveNotifier>().Publish(Topic, "other:topic");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/lembaga"); // the next page opens after that change
        RenderWatcher();
        Assert.Equal(0, _changes);
    }

    [Fact]
    public async Task A_disposed_watcher_is_no_longer_told()
    {
        RenderWatcher();
        Assert.Equal(1, Services.GetRequiredService<LiveNotifier>().SubscriberCount(Topic));
        await DisposeComponentsAsync();
        await SaveHolidayAsync(commit: true);
        Assert.Equal(0, _changes);
        Assert.Equal(0, Services.GetRequiredService<LiveNotifier>().SubscriberCount(Topic));
    }
}
