using Madrasah.Blazor.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Madrasah.Blazor.Tests.Data;

public class BatchingWriterTests
{
    /// <summary>A batch function that records its batches, holds the first until released, and fails any batch holding "bad".</summary>
    private sealed class Recorder
    {
        public List<string[]> Batches { get; } = [];
        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource ReleaseFirst { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<string> batch)
        {
            lock (Batches) Batches.Add([.. batch]);
            if (Batches.Count == 1)
            {
                FirstStarted.SetResult();
                await ReleaseFirst.Task;
            }
            if (batch.Contains("bad")) throw new InvalidOperationException("constraint failed");
            return batch.Select(r => r.ToUpperInvariant()).ToList();
        }
    }

    [Fact]
    public async Task Requests_that_arrive_while_a_batch_is_written_are_written_together_next_each_with_its_own_result()
    {
        var recorder = new Recorder();
        await using var writer = new BatchingWriter<string, string>(recorder.WriteAsync, maxBatch: 10, capacity: 100, NullLogger.Instance);

        var first = writer.WriteAsync("a");
        await recorder.FirstStarted.Task;
        var waiting = new[] { "b", "c", "d" }.Select(r => writer.WriteAsync(r)).ToList();
        recorder.ReleaseFirst.SetResult();

        Assert.Equal("A", await first);
        Assert.Equal(["B", "C", "D"], await Task.WhenAll(waiting));
        Assert.Equal([["a"], ["b", "c", "d"]], recorder.Batches);
    }

    [Fact]
    public async Task A_batch_that_fails_is_written_again_request_by_request_so_only_the_bad_request_fails()
    {
        var recorder = new Recorder();
        await using var writer = new BatchingWriter<string, string>(recorder.WriteAsync, maxBatch: 10, capacity: 100, NullLogger.Instance);

        var first = writer.WriteAsync("a");
        await recorder.FirstStarted.Task;
        var good1 = writer.WriteAsync("b");
        var bad = writer.WriteAsync("bad");
        var good2 = writer.WriteAsync("c");
        recorder.ReleaseFirst.SetResult();

        Assert.Equal("A", await first);
        Assert.Equal("B", await good1);
        Assert.Equal("C", await good2);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("constraint failed", error.Message);
        Assert.Equal([["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"]], recorder.Batches);
    }

    [Fact]
    public async Task A_batch_holds_at_most_max_batch_requests_and_disposing_writes_what_is_queued()
    {
        var recorder = new Recorder();
        var writer = new BatchingWriter<string, string>(recorder.WriteAsync, maxBatch: 2, capacity: 100, NullLogger.Instance);

        var first = writer.WriteAsync("a");
        await recorder.FirstStarted.Task;
        var rest = new[] { "b", "c", "d", "e", "f" }.Select(r => writer.WriteAsync(r)).ToList();
        recorder.ReleaseFirst.SetResult();
        await writer.DisposeAsync();

        Assert.Equal([["a"], ["b", "c"], ["d", "e"], ["f"]], recorder.Batches);
        Assert.Equal("A", await first);
        Assert.Equal(["B", "C", "D", "E", "F"], await Task.WhenAll(rest));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => writer.WriteAsync("g"));
    }
}
