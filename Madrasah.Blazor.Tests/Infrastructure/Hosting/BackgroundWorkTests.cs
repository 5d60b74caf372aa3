using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>The queue behind "Lupa Password" and "Kirim ulang verifikasi": each item waits its own short random delay.</summary>
public sealed class BackgroundWorkTests
{
    /// <summary>
    /// Each item waits 0.1–1 s after its request, counted from the request, not from the item before it: on a clock that
    /// the test moves, one second after a burst of 40 requests all 40 have run (one delay after another, they would need
    /// about 22 s of the clock). No wall time is measured; the wait below only bounds a broken queue.
    /// </summary>
    [Fact]
    public async Task A_burst_of_requests_is_worked_off_together_not_one_delay_after_another()
    {
        var clock = new ManualTimerClock();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddBackgroundWork();
        await using var provider = services.BuildServiceProvider();
        var work = provider.GetRequiredService<BackgroundWork>();
        var runner = provider.GetServices<IHostedService>().OfType<BackgroundWorkRunner>().Single();
        var done = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 40; i++)
            Assert.True(work.Enqueue($"item {i}", _ =>
            {
                if (Interlocked.Increment(ref done) == 40) all.SetResult();
                return Task.CompletedTask;
            }));

        await runner.StartAsync(CancellationToken.None);
        // The runner works on its own thread (.NET 10 starts a BackgroundService's ExecuteAsync on the thread pool): the
        // clock moves once it waits for the first item, not before its timer exists (that timer would never fire).
        await clock.WhenTimersAsync().WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(1)); // the longest delay: every item is due now, and only now
        await all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await runner.StopAsync(CancellationToken.None);
        Assert.Equal(40, done);
    }
}
