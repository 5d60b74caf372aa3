using System.Diagnostics;
using Madrasah.Blazor.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core sends to one <see cref="TestDatabase"/> while it is alive (EF's diagnostic events,
/// which every context of the app's own registrations raises): for asserting that a step reads nothing at all. Commands
/// to other tests' databases, running in parallel, are not counted.
/// </summary>
public sealed class DatabaseCommands : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly string _marker;
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _seen = [];

    public DatabaseCommands(TestDatabase database)
    {
        // What names this database and no other in a connection string: its own folder, or its own PostgreSQL database.
        _marker = database.Provider == DatabaseProvider.PostgreSQL ? TestProvider.DatabaseName(database.ConnectionString) : database.Folder;
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The commands seen so far (their SQL).</summary>
    public IReadOnlyList<string> Seen { get { lock (_seen) return [.. _seen]; } }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData { Command: var command }
            && (command.Connection?.ConnectionString ?? "").Contains(_marker, StringComparison.Ordinal))
            lock (_seen) _seen.Add(command.CommandText);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions) foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}
