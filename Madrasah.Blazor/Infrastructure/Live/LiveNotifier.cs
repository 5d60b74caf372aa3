using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Madrasah.Blazor.Infrastructure.Live;

/// <summary>
/// In-process publish/subscribe by topic: a change names its topics on its unit of work
/// (<see cref="Data.MadrasahDbContext.PublishAfterCommit"/>), they are published once it commits, and every component
/// watching one of them (in any circuit) reloads. Topics are strings built by <see cref="LiveTopics"/>. Caches of what
/// the topics show register with <see cref="InvalidateOn"/> and forget before any watcher is told.
/// </summary>
public sealed class LiveNotifier(ILogger<LiveNotifier> logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<Task>>> _subscribers = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ILiveListener, bool>> _listeners = new();
    private readonly ConcurrentDictionary<Guid, (Func<string, bool> Concerns, Action<IReadOnlyList<string>> Forget, Action ForgetAll)> _caches = new();

    private ILiveRelay? _relay;

    // When each topic was last published, by publish number, in slots by the topic's hash: bounded whatever the number
    // of topics, and a shared slot only makes a page reload once more than it had to (see PublishedSince).
    private const int SlotCount = 1 << 16; // 512 KB: two topics share a slot with a chance of one in 65,536
    private long _sequence;
    private readonly long[] _lastPublished = new long[SlotCount];

    /// <summary>The number of the last publish: a mark to ask <see cref="PublishedSince"/> about later.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>
    /// Whether a topic may have been published after <paramref name="mark"/> (never false when it was; now and then true
    /// when it was not).
    /// </summary>
    public bool PublishedSince(string topic, long mark) => Volatile.Read(ref _lastPublished[Slot(topic)]) > mark;

    private static int Slot(string topic) => (int)((uint)topic.GetHashCode() % SlotCount);

    private void Stamp(List<string> topics)
    {
        var number = Interlocked.Increment(ref _sequence);
        foreach (var topic in topics) Raise(ref _lastPublished[Slot(topic)], number);
    }

    /// <summary>Every topic counts as published now: what was missed is not known (see <see cref="PublishEverything"/>).</summary>
    private void StampAll()
    {
        var number = Interlocked.Increment(ref _sequence);
        for (var i = 0; i < SlotCount; i++) Raise(ref _lastPublished[i], number);
    }

    private static void Raise(ref long slot, long number)
    {
        for (var last = Volatile.Read(ref slot); last < number; last = Volatile.Read(ref slot))
            if (Interlocked.CompareExchange(ref slot, number, last) == last) break;
    }

    /// <summary>With several app servers: <see cref="Publish"/> also hands its topics to <paramref name="relay"/> for the others.</summary>
    public void RelayTo(ILiveRelay relay) => _relay = relay;

    public IDisposable Subscribe(string topic, Func<Task> onChange)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(topic, _ => new()).TryAdd(id, onChange);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(topic, out var set)) set.TryRemove(id, out _);
        });
    }

    /// <summary>
    /// For a cache of what some topics show: <paramref name="forget"/> runs synchronously when a topic that
    /// <paramref name="concerns"/> accepts is published, before any subscriber is told, so a watcher that reloads at
    /// once never reads the stale entry.
    /// </summary>
    /// <summary>
    /// Tells <paramref name="listener"/> of every publish naming <paramref name="topic"/>. A listener of several topics
    /// is told once per publish, with all of its topics that the publish names (a circuit refreshes once, see
    /// <see cref="LiveCircuit"/>).
    /// </summary>
    public IDisposable Listen(string topic, ILiveListener listener)
    {
        _listeners.GetOrAdd(topic, _ => new(ReferenceEqualityComparer.Instance)).TryAdd(listener, true);
        return new Subscription(() =>
        {
            if (_listeners.TryGetValue(topic, out var set)) set.TryRemove(listener, out _);
        });
    }

    public IDisposable InvalidateOn(Func<string, bool> concerns, Action forget) => InvalidateOn(concerns, _ => forget(), forget);

    /// <summary>
    /// As <see cref="InvalidateOn(Func{string, bool}, Action)"/>, for a cache keyed by what the topics name (e.g. one
    /// entry per institution): <paramref name="forget"/> is given the published topics that <paramref name="concerns"/> accepts;
    /// <paramref name="forgetAll"/> empties the cache when changes may have been missed (<see cref="PublishEverything"/>).
    /// </summary>
    public IDisposable InvalidateOn(Func<string, bool> concerns, Action<IReadOnlyList<string>> forget, Action forgetAll)
    {
        var id = Guid.NewGuid();
        _caches.TryAdd(id, (concerns, forget, forgetAll));
        return new Subscription(() => _caches.TryRemove(id, out _));
    }

    /// <summary>
    /// Tells every subscriber of each topic; a failing subscriber is logged and does not stop the others. Changes
    /// saved through the DbContext do not call this themselves: the after-commit interceptor does. Caches forget at
    /// once; subscribers are told on the thread pool, each on its own: a subscriber's circuit would otherwise run its
    /// reload inline on the publisher's thread, one circuit after another, while the user who made the change waits.
    /// </summary>
    public void Publish(params IEnumerable<string> topics)
    {
        var distinct = topics.Distinct().ToList();
        PublishDistinct(distinct);
        if (distinct.Count > 0) _relay?.Send(distinct);
    }

    /// <summary>
    /// Publishes on this server only: for topics the other servers hear of otherwise (in the committing transaction
    /// itself) or that came from them.
    /// </summary>
    public void PublishHere(params IEnumerable<string> topics) => PublishDistinct(topics.Distinct().ToList());

    private void PublishDistinct(List<string> distinct)
    {
        Stamp(distinct);
        foreach (var (concerns, forget, _) in _caches.Values)
        {
            var concerned = distinct.Where(concerns).ToList();
            if (concerned.Count == 0) continue;
            try { forget(concerned); }
            catch (Exception ex) { logger.LogWarning(ex, "Live cache invalidation failed"); }
        }
        Dictionary<ILiveListener, List<string>>? told = null;
        foreach (var topic in distinct)
        {
            if (_listeners.TryGetValue(topic, out var listeners))
                foreach (var listener in listeners.Keys)
                {
                    told ??= new(ReferenceEqualityComparer.Instance);
                    if (told.TryGetValue(listener, out var topics)) topics.Add(topic);
                    else told[listener] = [topic];
                }
            if (!_subscribers.TryGetValue(topic, out var set)) continue;
            foreach (var callback in set.Values)
                ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Notifier.InvokeAsync(s.Topic, s.Callback), (Notifier: this, Topic: topic, Callback: callback), preferLocal: false);
        }
        if (told is null) return;
        foreach (var (listener, topics) in told)
            ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Notifier.InvokeAsync(s.Topics[0], () => s.Listener.OnPublishedAsync(s.Topics)),
                (Notifier: this, Listener: listener, Topics: (IReadOnlyList<string>)topics), preferLocal: false);
    }

    /// <summary>
    /// Every cache forgets and every watcher reloads: for when changes may have been missed (the link that brings other
    /// servers' changes was down for a while).
    /// </summary>
    public void PublishEverything()
    {
        StampAll(); // a page loaded while the link was down, and not yet watching, looks again too
        foreach (var (_, _, forgetAll) in _caches.Values)
        {
            try { forgetAll(); }
            catch (Exception ex) { logger.LogWarning(ex, "Live cache invalidation failed"); }
        }
        PublishHere(_subscribers.Where(s => !s.Value.IsEmpty).Select(s => s.Key)
            .Concat(_listeners.Where(l => !l.Value.IsEmpty).Select(l => l.Key)).ToList());
    }

    public int SubscriberCount(string topic) =>
        (_subscribers.TryGetValue(topic, out var set) ? set.Count : 0) + (_listeners.TryGetValue(topic, out var listeners) ? listeners.Count : 0);

    private async Task InvokeAsync(string topic, Func<Task> callback)
    {
        try { await callback(); }
        catch (Exception ex) { logger.LogWarning(ex, "Live subscriber of {Topic} failed", topic); }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

/// <summary>Carries published topics to the other app servers (PostgreSQL's NOTIFY when there are several).</summary>
/// <summary>A subscriber of several topics told once per publish (<see cref="LiveNotifier.Listen"/>).</summary>
public interface ILiveListener
{
    /// <param name="topics">Its topics that the publish names.</param>
    Task OnPublishedAsync(IReadOnlyList<string> topics);
}

public interface ILiveRelay
{
    void Send(IReadOnlyList<string> topics);
}

/// <summary>Topic names, so publishers and watchers agree.</summary>
public static class LiveTopics
{
    public static string Institution(int institutionId) => $"institution:{institutionId}";
    public static string District(int districtId) => $"district:{districtId}";
    public static string Feature(string feature, int institutionId) => $"{feature}:institution:{institutionId}";
    public static string FeatureDistrict(string feature, int districtId) => $"{feature}:district:{districtId}";
    /// <summary>Any outbox message was added or changed: outbox views reload.</summary>
    public const string Outbox = "outbox";
    /// <summary>A message became due for delivery (queued, or queued again by "Kirim Ulang"): the sender wakes.</summary>
    public const string OutboxDue = "outbox:due";
    /// <summary>The holiday calendar changed.</summary>
    public const string Calendar = "calendar";
    /// <summary>An account's security stamp or lockout changed, or it was deleted: its sign-ins are checked again.</summary>
    public static string AccountSession(string userId) => AccountSessionPrefix + userId;
    public static bool IsAccountSession(string topic) => topic.StartsWith(AccountSessionPrefix, StringComparison.Ordinal);
    private const string AccountSessionPrefix = "account-session:";
}

/// <summary>
/// An entity whose saved changes concern live topics of their own (an outbox message: the outbox views and the
/// sender): the after-commit interceptor asks each added, modified or deleted one and publishes its topics once the
/// change commits. Topics that depend on more than the entity are named by the code with PublishAfterCommit.
/// </summary>
public interface ILiveTopicsSource
{
    IEnumerable<string> LiveTopics(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry);
}

public static class LiveServiceCollectionExtensions
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.TryAddSingleton<LiveNotifier>();
        services.TryAddScoped<LiveCircuit>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, LiveCircuitOpening>());
        return services;
    }
}
