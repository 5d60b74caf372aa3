using Madrasah.Blazor.Infrastructure.Hosting;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>The wake of the email sender and the sync queue: kept once until waited for, and a timed-out wait throws nothing.</summary>
public sealed class WakeSignalTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_wake_before_the_wait_is_kept_once_however_often_it_came()
    {
        var signal = new WakeSignal();
        signal.Wake();
        signal.Wake();
        signal.Wake();
        Assert.True(await signal.WaitAsync(Long, TestContext.Current.CancellationToken));
        Assert.False(await signal.WaitAsync(Short, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_waiting_loop_is_woken_and_many_wakers_at_once_never_throw()
    {
        var signal = new WakeSignal();
        var waiting = signal.WaitAsync(Long, TestContext.Current.CancellationToken);
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(signal.Wake)));
        Assert.True(await waiting);
        Assert.True(await signal.WaitAsync(Long, TestContext.Current.CancellationToken)); // the wakes after the first: one kept
        Assert.False(await signal.WaitAsync(Short, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_wait_that_times_out_returns_false_without_throwing_an_exception_anywhere_on_its_way()
    {
        var signal = new WakeSignal();
        var thrown = new List<string>();
        var mine = new AsyncLocal<bool> { Value = true };
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> record = (_, e) =>
        {
            if (mine.Value) lock (thrown) thrown.Add(e.Exception.GetType().Name);
        };
        AppDomain.CurrentDomain.FirstChanceException += record;
        try
        {
            for (var i = 0; i < 5; i++) Assert.False(await signal.WaitAsync(Short, TestContext.Current.CancellationToken));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= record;
        }
        Assert.Empty(thrown);
    }

    [Fact]
    public async Task A_stopping_host_ends_the_wait()
    {
        var signal = new WakeSignal();
        using var stopping = new CancellationTokenSource();
        var waiting = signal.WaitAsync(Long, stopping.Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
