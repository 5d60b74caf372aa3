using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Work a request hands off instead of doing it before its answer: "Lupa Password" and "Kirim ulang verifikasi" answer
/// at once, alike for every address, and the lookup, link and email for an address with an account happen here, each
/// in a scope of its own, after a short random delay (so neither the answer's time nor the next request's tells which
/// addresses had work). Bounded: at most <see cref="Capacity"/> items wait; beyond that new work is dropped and logged
/// (the senders' throttles keep a real user far from it). A restart forgets waiting work, as a lost email would be.
/// </summary>
public sealed class BackgroundWork(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackgroundWork> logger)
{
    public const int Capacity = 1_000;
    private static readonly (int Min, int Max) DelayMilliseconds = (100, 1_000);

    /// <summary>An item runs at <c>Due</c> (its random delay after the request), not a delay after the item before it: a burst
    /// of requests is worked off as fast as the work itself goes.</summary>
    private sealed record Item(string What, Func<IServiceProvider, Task> Work, DateTimeOffset Due);

    private readonly Channel<Item> _items = Channel.CreateBounded<Item>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>How many items wait now.</summary>
    public int Pending => _items.Reader.Count;

    /// <summary>Queues <paramref name="work"/> (<paramref name="what"/> names it in the log); false when the queue is full and it was dropped.</summary>
    public bool Enqueue(string what, Func<IServiceProvider, Task> work)
    {
        var delay = TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(DelayMilliseconds.Min, DelayMilliseconds.Max));
        if (_items.Writer.TryWrite(new Item(what, work, clock.GetUtcNow() + delay))) return true;
        logger.LogWarning("Background work {What} dropped: {Capacity} items are waiting", what, Capacity);
        return false;
    }

    /// <summary>Runs every item waiting now, without their delays; a failure is thrown. Tests call this; the app's runner reads the queue itself.</summary>
    public async Task<int> RunPendingAsync()
    {
        var ran = 0;
        while (_items.Reader.TryRead(out var item))
        {
            await RunAsync(item);
            ran++;
        }
        return ran;
    }

    internal async Task RunQueueAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in _items.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (item.Due - clock.GetUtcNow() is { Ticks: > 0 } wait) await Task.Delay(wait, clock, stoppingToken);
                await RunAsync(item);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Background work {What} failed", item.What);
            }
        }
    }

    private async Task RunAsync(Item item)
    {
        await using var scope = scopes.CreateAsyncScope();
        await item.Work(scope.ServiceProvider);
    }
}

/// <summary>Runs <see cref="BackgroundWork"/> in the app.</summary>
public sealed class BackgroundWorkRunner(BackgroundWork work) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => work.RunQueueAsync(stoppingToken);
}

public static class BackgroundWorkServiceCollectionExtensions
{
    /// <summary>The queue of work handed off by requests, and its runner (registered once, whoever asks first).</summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BackgroundWork>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BackgroundWorkRunner>());
        return services;
    }
}
