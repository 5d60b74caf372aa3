using System.Threading.Channels;

namespace Madrasah.Blazor.Data;

/// <summary>
/// Group commit for a burst of small writes: callers hand their request to <see cref="WriteAsync"/>; one loop takes
/// whatever arrived while the previous batch was being written (up to <c>maxBatch</c>), writes it with one call of the
/// batch function (one transaction, so one commit and one flush to the disk) and completes each caller's task with its
/// own result.
/// <para>
/// Why: the database is a SQLite file in WAL mode with <c>synchronous=FULL</c>, where every commit waits for the disk
/// and only one writer at a time holds the write lock. Fifty callers each committing on their own queue up on that lock
/// (SQLite's busy handler sleeps between tries) and pay fifty flushes; one writer taking fifty requests pays one and
/// never waits on the lock. Each request is still checked and refused on its own (the batch function returns a result
/// per request).
/// </para>
/// <para>
/// Should the batch function throw (a commit that fails, a constraint the checks did not foresee), every request of
/// the batch is written again alone, so one bad request fails only its own caller. A request, once queued, is written
/// even if its caller stops waiting: the caller must not assume it was not.
/// </para>
/// </summary>
public sealed class BatchingWriter<TRequest, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> _writeBatch;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="writeBatch">Writes the requests in one transaction; returns one result per request, in their order.</param>
    /// <param name="maxBatch">The most requests written by one call.</param>
    /// <param name="capacity">The most requests waiting; beyond it <see cref="WriteAsync"/> waits for room.</param>
    public BatchingWriter(Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> writeBatch, int maxBatch, int capacity, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _writeBatch = writeBatch;
        _maxBatch = maxBatch;
        _logger = logger;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        // A thread of its own, not the thread pool: the pool is busy with the very callers that wait for this loop, and
        // a batch whose every step queued behind them would take many times its work. (SQLite's async calls complete
        // synchronously, so a batch function over it runs here from start to end.)
        new Thread(Run) { IsBackground = true, Name = $"BatchingWriter<{typeof(TRequest).Name}>" }.Start();
    }

    /// <summary>
    /// Queues the request and returns its result once its batch is committed (or refused). The token stops only the
    /// wait for room in the queue; a queued request is written whatever happens to its caller.
    /// </summary>
    public async Task<TResult> WriteAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Result.Task;
    }

    private void Run()
    {
        try
        {
            var batch = new List<Pending>(_maxBatch);
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
                WriteBatchAsync(batch).GetAwaiter().GetResult();
            }
        }
        finally
        {
            _stopped.SetResult();
        }
    }

    /// <summary>What the writer has done so far: for a benchmark, or a health page.</summary>
    public BatchingWriterStatistics Statistics => new(Volatile.Read(ref _batches), Volatile.Read(ref _requests), TimeSpan.FromTicks(Volatile.Read(ref _busyTicks)));

    private long _batches, _requests, _busyTicks;

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await WriteOrRetryAsync(batch);
        }
        finally
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _requests, batch.Count);
            Interlocked.Add(ref _busyTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    private async Task WriteOrRetryAsync(List<Pending> batch)
    {
        try
        {
            var results = await _writeBatch(batch.ConvertAll(p => p.Request));
            if (results.Count != batch.Count) throw new InvalidOperationException($"The batch function returned {results.Count} results for {batch.Count} requests.");
            for (var i = 0; i < batch.Count; i++) batch[i].Result.TrySetResult(results[i]);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            _logger.LogWarning(e, "A batch of {Count} writes failed; writing each alone", batch.Count);
        }
        catch (Exception e)
        {
            batch[0].Result.TrySetException(e);
            return;
        }
        foreach (var pending in batch)
        {
            try
            {
                var results = await _writeBatch([pending.Request]);
                pending.Result.TrySetResult(results[0]);
            }
            catch (Exception e)
            {
                pending.Result.TrySetException(e);
            }
        }
    }

    /// <summary>Stops taking requests, writes those already queued, and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task;
    }

    private sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Result);
}

/// <param name="Batches">Batch function calls (a failed batch's single retries not counted apart).</param>
/// <param name="Requests">Requests written or refused.</param>
/// <param name="Busy">Time spent writing, in all.</param>
public sealed record BatchingWriterStatistics(long Batches, long Requests, TimeSpan Busy);
