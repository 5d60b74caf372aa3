using System.Collections.Concurrent;
using System.Diagnostics;
using Madrasah.Blazor.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>The queue behind "Lupa Password" and "Kirim ulang verifikasi": each item waits its own short random delay.</summary>
public sealed class BackgroundWorkTests
{
    [Fact]
    public async Task A_burst_of_requests_is_worked_off_together_not_one_delay_after_another()
    {
        var services = new ServiceCollection().AddLogging().AddBackgroundWork();
        await using var provider = services.BuildServiceProvider();
        var work = provider.GetRequiredService<BackgroundWork>();
        var runner = provider.GetServices<IHostedService>().OfType<BackgroundWorkRunner>().Single();
        var done = new ConcurrentBag<int>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 40; i++)
        {
            var n = i;
            Assert.True(work.Enqueue($"item {n}", _ => { done.Add(n); return Task.CompletedTask; }));
        }

        await runner.StartAsync(CancellationToken.None);
        while (done.Count < 40 && watch.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(20); // polling the queue's own runner: nothing to await on instead
        await runner.StopAsync(CancellationToken.None);

        // Each item waits 0.1–1 s after its request; one after another, 40 would take about 22 s.
        Assert.Equal(40, done.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"40 items took {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
