using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Uploads;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>A complaint whose fields are checked and whose evidence is on the disk, waiting to be saved.</summary>
internal sealed record ComplaintSubmission(
    UserScope Scope, Staff Staff, Institution Institution, string? Email, ComplaintInput Input, StoredUpload Upload, DateTime SubmittedUtc);

/// <summary>
/// The one writer of complaint submissions: when fifty staff send at the same moment (the morning after a machine
/// outage), their complaints are saved in a few transactions of many (<see cref="BatchingWriter{TRequest,TResult}"/>:
/// one commit, one flush to the disk per batch, no waiting on the database's lock) instead of fifty that queue on it.
/// Each submission is still checked and answered on its own by <see cref="ComplaintService.CommitAsync"/>.
/// </summary>
public sealed class ComplaintWriter : IAsyncDisposable, IDisposable
{
    /// <summary>The most submissions in one transaction: a batch stays a fraction of a second.</summary>
    public const int MaxBatch = 64;

    private readonly BatchingWriter<ComplaintSubmission, AttendanceResult> _writer;

    public ComplaintWriter(IServiceScopeFactory scopes, ILogger<ComplaintWriter> logger)
    {
        _writer = new(async batch =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ComplaintService>().CommitAsync(batch);
        }, MaxBatch, capacity: 1024, logger);
    }

    /// <summary>Batches, submissions and time spent writing so far (the complaint benchmark prints them).</summary>
    public BatchingWriterStatistics Statistics => _writer.Statistics;

    internal Task<AttendanceResult> WriteAsync(ComplaintSubmission submission) => _writer.WriteAsync(submission);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
