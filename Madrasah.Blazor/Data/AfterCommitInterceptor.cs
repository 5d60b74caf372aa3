using System.Data.Common;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Madrasah.Blazor.Data;

/// <summary>
/// The one place for what follows a commit. Before each SaveChanges it collects the live topics of the changed
/// <see cref="ILiveTopicsSource"/> entities (an outbox message: the outbox views, and the sender when a message is
/// due) beside those the code queued with <see cref="MadrasahDbContext.PublishAfterCommit"/>; it publishes them
/// through <see cref="LiveNotifier"/> (which first lets the caches forget) once the data is committed: when
/// SaveChanges succeeds outside a transaction, or when the open transaction commits. A failed SaveChanges outside a
/// transaction, or a transaction rolled back, publishes nothing.
/// </summary>
public sealed class AfterCommitInterceptor(LiveNotifier notifier, Providers.PostgreSqlLiveUpdates? otherServers = null)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (OutsideTransaction(eventData.Context)) Publish(eventData.Context, everywhere: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (OutsideTransaction(eventData.Context)) Publish(eventData.Context, everywhere: true);
        return ValueTask.FromResult(result);
    }

    // Other servers hear of a transaction's topics from the transaction itself: PostgreSQL delivers a NOTIFY only when it commits.
    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        otherServers?.SendWithTransaction(transaction, Pending(eventData.Context));
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (otherServers is not null) await otherServers.SendWithTransactionAsync(transaction, Pending(eventData.Context), cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (OutsideTransaction(eventData.Context)) Drop(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (OutsideTransaction(eventData.Context)) Drop(eventData.Context);
        return Task.CompletedTask;
    }

    // SaveChanges outside a transaction may run in one EF opens itself: its commit publishes already.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context, everywhere: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context, everywhere: false);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is not MadrasahDbContext db) return;
        foreach (var entry in db.ChangeTracker.Entries<ILiveTopicsSource>())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                db.PublishAfterCommit(entry.Entity.LiveTopics(entry));
    }

    private static IReadOnlyList<string> Pending(DbContext? context) => (context as MadrasahDbContext)?.PeekTopicsAfterCommit() ?? [];

    private static bool OutsideTransaction(DbContext? context) => context?.Database.CurrentTransaction is null;

    /// <summary>Here at once; to the other servers too unless the committed transaction carried the topics already.</summary>
    private void Publish(DbContext? context, bool everywhere)
    {
        if ((context as MadrasahDbContext)?.TakeTopicsAfterCommit() is not { Count: > 0 } topics) return;
        if (everywhere) notifier.Publish(topics);
        else notifier.PublishHere(topics);
    }

    private static void Drop(DbContext? context) => (context as MadrasahDbContext)?.TakeTopicsAfterCommit();
}
