using Madrasah.Blazor.Infrastructure.Live;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// Every topic the notifier publishes, noted at the moment of publishing: registered as a cache (caches are told on
/// the publisher's thread, before any subscriber, which hears on the thread pool), so a test can assert what was
/// published right after the call that published it. Only <paramref name="watched"/> topics are noted when given.
/// </summary>
public sealed class PublishedTopics : IDisposable
{
    private readonly List<string> _topics = [];
    private readonly IDisposable _registration;

    public PublishedTopics(LiveNotifier notifier, params string[] watched) =>
        _registration = notifier.InvalidateOn(topic =>
        {
            if (watched.Length == 0 || watched.Contains(topic)) lock (_topics) _topics.Add(topic);
            return false; // forgets nothing
        }, () => { });

    public List<string> All { get { lock (_topics) return [.. _topics]; } }

    /// <summary>What was published since the last call.</summary>
    public List<string> Take() { lock (_topics) { var taken = _topics.ToList(); _topics.Clear(); return taken; } }

    public void Dispose() => _registration.Dispose();
}
