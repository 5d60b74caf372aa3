using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Data;

/// <summary>What follows a commit (<see cref="AfterCommitInterceptor"/>): live topics and the sender's wake-up, never before it, never after a rollback.</summary>
public sealed class AfterCommitTests : IAsyncDisposable
{
    private const string TopicA = "test:a", TopicB = "test:b";
    private readonly AppServices _app = new((services, configuration) => services.AddEmail(configuration));
    private readonly PublishedTopics _told;
    private readonly EmailOutbox _outbox;

    public AfterCommitTests()
    {
        _outbox = _app.Provider.GetRequiredService<EmailOutbox>(); // the sender's wake-up watches from now on
        _told = new(_app.Provider.GetRequiredService<LiveNotifier>(), TopicA, TopicB, LiveTopics.Outbox, LiveTopics.OutboxDue);
    }

    private List<string> Told() => _told.All;

    private MadrasahDbContext NewContext() => _app.Provider.GetRequiredService<IDbContextFactory<MadrasahDbContext>>().CreateDbContext();

    private static Holiday Day(int day) => new() { Date = new DateOnly(2030, 1, day), Name = $"Libur uji {day}", Kind = HolidayKind.LiburNasional };

    private async Task<bool> HolidayExistsAsync(int day)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Set<Holiday>().AnyAsync(h => h.Date == new DateOnly(2030, 1, day));
    }

    [Fact]
    public async Task Outside_a_transaction_the_topics_are_published_once_SaveChanges_has_committed()
    {
        var committedWhenTold = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = _app.Provider.GetRequiredService<LiveNotifier>().Subscribe(TopicA, async () => committedWhenTold.TrySetResult(await HolidayExistsAsync(1)));
        await using var db = NewContext();
        db.Add(Day(1));
        db.PublishAfterCommit(TopicA, TopicB, TopicA);

        Assert.Empty(Told());
        await db.SaveChangesAsync();

        Assert.Equal([TopicA, TopicB], Told()); // each topic once
        Assert.True(await committedWhenTold.Task.WaitAsync(TimeSpan.FromSeconds(10)), "a watcher told about the change can read it");

        db.Add(Day(2));
        await db.SaveChangesAsync();
        Assert.Equal([TopicA, TopicB], Told()); // published topics are not published again by the next save
    }

    [Fact]
    public async Task In_a_transaction_nothing_is_published_until_the_commit()
    {
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.PublishAfterCommit(TopicA);
        db.Add(Day(1));
        await db.SaveChangesAsync();
        db.PublishAfterCommit(TopicB); // named after a save, still before the commit
        db.Add(Day(2));
        await db.SaveChangesAsync();
        Assert.Empty(Told());

        await transaction.CommitAsync();
        Assert.Equal([TopicA, TopicB], Told());
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing_and_leaves_nothing_for_the_next_unit_of_work()
    {
        await using var db = NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.PublishAfterCommit(TopicA);
            db.Add(Day(1));
            await _app.Provider.GetRequiredService<EmailOutbox>().EnqueueAsync<TestEmail>(db, "guru@contoh.sch.id", null, TestEmail.Subject,
                new Dictionary<string, object?> { [nameof(TestEmail.CreatedUtc)] = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        Assert.Empty(Told());
        Assert.False(await HolidayExistsAsync(1));
        Assert.False(await _outbox.WaitForWakeAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));

        db.ChangeTracker.Clear();
        db.PublishAfterCommit(TopicB);
        db.Add(Day(2));
        await db.SaveChangesAsync();
        Assert.Equal([TopicB], Told());
    }

    [Fact]
    public async Task A_failed_SaveChanges_publishes_nothing()
    {
        await using (var db = NewContext())
        {
            db.Add(Day(1));
            await db.SaveChangesAsync();
        }
        await using var again = NewContext();
        again.PublishAfterCommit(TopicA);
        again.Add(Day(1)); // the date is unique
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.Empty(Told());
    }

    [Fact]
    public async Task A_queued_email_wakes_the_sender_and_the_outbox_views_after_the_commit_only()
    {
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var message = await _outbox.EnqueueAsync<TestEmail>(db, "guru@contoh.sch.id", "Ibu Siti", TestEmail.Subject,
            new Dictionary<string, object?> { [nameof(TestEmail.CreatedUtc)] = DateTime.UtcNow });
        await db.SaveChangesAsync();
        Assert.False(await _outbox.WaitForWakeAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));

        await transaction.CommitAsync();
        Assert.True(await _outbox.WaitForWakeAsync(TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Equal([LiveTopics.Outbox, LiveTopics.OutboxDue], Told());

        // Delivered: the views are told, the sender is not woken by its own work.
        message.Status = OutboxStatus.Sent;
        await db.SaveChangesAsync();
        Assert.Equal([LiveTopics.Outbox, LiveTopics.OutboxDue, LiveTopics.Outbox], Told());
        Assert.False(await _outbox.WaitForWakeAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));

        // A failed attempt that stays pending wakes nobody but the views either; "Kirim Ulang" (failed → pending) wakes the sender.
        message.Status = OutboxStatus.Failed;
        await db.SaveChangesAsync();
        message.Status = OutboxStatus.Pending;
        await db.SaveChangesAsync();
        Assert.True(await _outbox.WaitForWakeAsync(TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        _told.Dispose();
        await _app.DisposeAsync();
    }
}
