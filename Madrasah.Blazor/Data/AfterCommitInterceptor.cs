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
public sealed class AfterCommitInterceptor(LiveNotifier notifier) : SaveChangesInterceptor, IDbTransactionInterceptor
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
        if (OutsideTransaction(eventData.Context)) Publish(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (OutsideTransaction(eventData.Context)) Publish(eventData.Context);
        return ValueTask.FromResult(result);
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
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
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

    private static bool OutsideTransaction(DbContext? context) => context?.Database.CurrentTransaction is null;

    private void Publish(DbContext? context)
    {
        if ((context as MadrasahDbContext)?.TakeTopicsAfterCommit() is { Count: > 0 } topics) notifier.Publish(topics);
    }

    private static void Drop(DbContext? context) => (context as MadrasahDbContext)?.TakeTopicsAfterCommit();
}
