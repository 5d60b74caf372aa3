namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Wakes a background loop that also looks on its own every few seconds (the email sender, the sync queue). A wake
/// that comes while the loop is busy is kept, one at most, so none is lost between a run and the next wait. A wait
/// that times out returns false without an exception: a cancelled read of a channel threw one at every poll.
/// (Nothing to dispose: the semaphore's wait handle is never asked for.)
/// </summary>
public sealed class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Lock _gate = new();

    /// <summary>Wakes the waiting loop, or the next wait at once.</summary>
    public void Wake()
    {
        // The lock keeps two wakers from both releasing the one slot (the second would throw).
        lock (_gate) if (_signal.CurrentCount == 0) _signal.Release();
    }

    /// <summary>True when woken, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
