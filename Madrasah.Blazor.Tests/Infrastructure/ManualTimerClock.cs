namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// A clock that stands still until the test moves it, whose timers (<c>Task.Delay(…, clock)</c>, <c>CancelAfter</c>) fire
/// when <see cref="Advance"/> passes their time, never by themselves. (<see cref="ManualClock"/> leaves timers to the system.)
/// </summary>
public sealed class ManualTimerClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<Timer> _timers = [];
    private DateTimeOffset _now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    private readonly List<(int Count, TaskCompletionSource Done)> _timerWaits = [];

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    /// <summary>
    /// Completes once at least <paramref name="count"/> timers wait on this clock: code that runs elsewhere (a hosted
    /// service) has reached its <c>Task.Delay</c>, so an <see cref="Advance"/> after this fires it instead of passing
    /// before the timer exists.
    /// </summary>
    public Task WhenTimersAsync(int count = 1)
    {
        lock (_gate)
        {
            if (_timers.Count >= count) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _timerWaits.Add((count, done));
            return done.Task;
        }
    }

    private void TimerAdded()
    {
        foreach (var wait in _timerWaits.Where(w => _timers.Count >= w.Count).ToList())
        {
            _timerWaits.Remove(wait);
            wait.Done.TrySetResult();
        }
    }

    /// <summary>Moves the clock on, then fires every timer now due (each once per due time; periodic ones as often as due).</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset now;
        lock (_gate) now = _now += by;
        while (true)
        {
            Timer? next;
            lock (_gate) next = _timers.Where(t => t.Due <= now).MinBy(t => t.Due);
            if (next is null) return;
            next.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class Timer(ManualTimerClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                Due = clock._now + dueTime;
                clock._timers.Add(this);
                clock.TimerAdded();
            }
            return true;
        }

        public void Fire()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                {
                    Due += _period;
                    clock._timers.Add(this);
                }
            }
            callback(state);
        }

        public void Dispose() { lock (clock._gate) clock._timers.Remove(this); }
        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
