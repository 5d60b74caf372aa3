using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Madrasah.Blazor.Features.Approvals;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApprovalBenchmark;

/// <summary>
/// "table" as third argument: what one inbox table (<see cref="ChangeRequestTable"/>, 20 rows, sortable, with its pager)
/// costs a circuit at each live change, in this process, without a server: the frames its render tree holds (each
/// circuit keeps two buffers of that capacity) and the time and allocation of one re-render with its diff, when a new
/// request comes in at the top and the last row leaves the page (what an approval does to the history). Median of
/// 5 rounds of N re-renders (N = first argument, 20,000 if less than 1,000), after one round not counted.
/// </summary>
internal static class TableRenderBenchmark
{
    public static async Task RunAsync(int n)
    {
        if (n < 1000) n = 20_000;
        foreach (var withInstitution in new[] { false, true })
        {
            var renderer = new BatchCountingRenderer(new ServiceCollection().BuildServiceProvider());
            var table = new ChangeRequestTable();
            var id = await renderer.Dispatcher.InvokeAsync(() => renderer.Attach(table));
            // 100 pages, each the one before with a newer request on top: the rows' markup is made once, as the shared
            // inbox read does for every circuit.
            var pages = Enumerable.Range(0, 100).Select(i => Page(1000 - i)).ToArray();
            foreach (var page in pages) foreach (var row in page.Rows) _ = (row.Key, row.CellsHtml(withInstitution));
            var onSort = EventCallback.Factory.Create<ChangeRequestSort>(table, _ => { });
            var onPage = EventCallback.Factory.Create<int>(table, _ => { });
            ParameterView Parameters(ChangeRequestList list) => ParameterView.FromDictionary(new Dictionary<string, object?>
                { [nameof(ChangeRequestTable.List)] = list, [nameof(ChangeRequestTable.OnSort)] = onSort, [nameof(ChangeRequestTable.OnPage)] = onPage,
                  [nameof(ChangeRequestTable.ShowInstitution)] = withInstitution });
            await renderer.Dispatcher.InvokeAsync(() => renderer.Render(id, Parameters(pages[0])));
            var (frames, capacity) = renderer.Frames(id);

            var rounds = new List<(double Microseconds, double Bytes, double Edits)>();
            for (var round = 0; round < 6; round++)
                await renderer.Dispatcher.InvokeAsync(async () =>
                {
                    renderer.Edits = 0;
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var clock = Stopwatch.StartNew();
                    // Page i follows page i - 1 (one row in, one out); once per 100 the list starts again (all rows change).
                    for (var i = 1; i <= n; i++) await renderer.Render(id, Parameters(pages[i % pages.Length]));
                    if (round > 0)
                        rounds.Add((clock.Elapsed.TotalMicroseconds / n, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)n, renderer.Edits / (double)n));
                });
            var median = rounds.OrderBy(r => r.Microseconds).ElementAt(rounds.Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"table {(withInstitution ? "with" : "without")} institution column: {frames} frames (buffer capacity {capacity}, " +
                $"{Unsafe.SizeOf<RenderTreeFrame>()} B each); re-render with diff {median.Microseconds:F1} µs, {median.Bytes:F0} B allocated, " +
                $"{median.Edits:F1} edits (median of {rounds.Count} rounds of {n:N0}; range {rounds.Min(r => r.Microseconds):F1}–{rounds.Max(r => r.Microseconds):F1} µs)"));
        }
    }

    private static ChangeRequestList Page(int newest) =>
        new(Enumerable.Range(0, 20).Select(i => new ChangeRequestListItem(newest - i, "MIN 1 Sleman", ChangeRequestStatus.WaitingForHead,
            "Siti Aminah", new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc).AddMinutes(newest - i), "Alamat, Telepon")).ToList(), 2, HasNext: true);

    /// <summary>A renderer that sends nothing: it counts the edits of each batch (what a circuit would send).</summary>
    private sealed class BatchCountingRenderer(IServiceProvider services) : Renderer(services, NullLoggerFactory.Instance)
    {
        public long Edits;
        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();
        protected override void HandleException(Exception exception) => throw exception;

        protected override Task UpdateDisplayAsync(in RenderBatch batch)
        {
            for (var i = 0; i < batch.UpdatedComponents.Count; i++) Edits += batch.UpdatedComponents.Array[i].Edits.Count;
            return Task.CompletedTask;
        }

        public int Attach(IComponent component) => AssignRootComponentId(component);
        public Task Render(int id, ParameterView parameters) => RenderRootComponentAsync(id, parameters);

        public (int Count, int Capacity) Frames(int id)
        {
            var frames = GetCurrentRenderTreeFrames(id);
            return (frames.Count, frames.Array.Length);
        }
    }
}
