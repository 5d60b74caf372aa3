using System.Collections.Concurrent;

namespace Madrasah.Blazor.Infrastructure.Live;

/// <summary>
/// In-process publish/subscribe by topic: a service publishes after it commits a change, and every
/// component watching that topic (in any circuit) reloads. Topics are strings built by <see cref="LiveTopics"/>.
/// </summary>
public sealed class LiveNotifier(ILogger<LiveNotifier> logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<Task>>> _subscribers = new();

    public IDisposable Subscribe(string topic, Func<Task> onChange)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(topic, _ => new()).TryAdd(id, onChange);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(topic, out var set)) set.TryRemove(id, out _);
        });
    }

    /// <summary>Tells every subscriber of each topic; a failing subscriber is logged and does not stop the others.</summary>
    public void Publish(params string[] topics)
    {
        foreach (var topic in topics.Distinct())
        {
            if (!_subscribers.TryGetValue(topic, out var set)) continue;
            foreach (var callback in set.Values)
                _ = InvokeAsync(topic, callback);
        }
    }

    public int SubscriberCount(string topic) => _subscribers.TryGetValue(topic, out var set) ? set.Count : 0;

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

/// <summary>Topic names, so publishers and watchers agree.</summary>
public static class LiveTopics
{
    public static string Institution(int institutionId) => $"institution:{institutionId}";
    public static string District(int districtId) => $"district:{districtId}";
    public static string Feature(string feature, int institutionId) => $"{feature}:institution:{institutionId}";
    public static string FeatureDistrict(string feature, int districtId) => $"{feature}:district:{districtId}";
    public const string Outbox = "outbox";
}

public static class LiveServiceCollectionExtensions
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services) => services.AddSingleton<LiveNotifier>();
}
