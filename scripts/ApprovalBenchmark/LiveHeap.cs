using Microsoft.Diagnostics.Runtime;

namespace ApprovalBenchmark;

/// <summary>
/// The server's live managed heap, read from a snapshot of the process (ClrMD): objects reachable from the GC roots,
/// by type. Unlike RSS it does not depend on when the GC last ran, so Δ live bytes / N is the steady cost of a circuit.
/// The test project compiles this file too (the oversized-input attack's memory bound).
/// </summary>
public static class LiveHeap
{
    /// <remarks>A snapshot (the runtime's createdump), not a live attach: attaching to a busy server's threads has hung
    /// in a test run (one thread never reported its stop).</remarks>
    public static Dictionary<string, (long Bytes, long Count)> Measure(int pid)
    {
        using var target = DataTarget.CreateSnapshotAndAttach(pid);
        var heap = target.ClrVersions[0].CreateRuntime().Heap;
        var seen = new HashSet<ulong>();
        var pending = new Stack<ulong>();
        foreach (var root in heap.EnumerateRoots()) pending.Push(root.Object.Address);
        var byType = new Dictionary<string, (long Bytes, long Count)>();
        while (pending.Count > 0)
        {
            var address = pending.Pop();
            if (address == 0 || !seen.Add(address)) continue;
            var obj = heap.GetObject(address);
            if (!obj.IsValid) continue;
            var name = obj.Type?.Name ?? "?";
            var (bytes, count) = byType.GetValueOrDefault(name);
            byType[name] = (bytes + (long)obj.Size, count + 1);
            foreach (var reference in obj.EnumerateReferenceAddresses())
                if (!seen.Contains(reference)) pending.Push(reference);
        }
        return byType;
    }

    public static long Total(Dictionary<string, (long Bytes, long Count)> heap) => heap.Values.Sum(v => v.Bytes);

    /// <summary>The types that grew most between two measurements, per circuit.</summary>
    public static IEnumerable<string> Growth(Dictionary<string, (long Bytes, long Count)> before, Dictionary<string, (long Bytes, long Count)> after, int circuits, int top) =>
        after.Select(kv => (Type: kv.Key, Bytes: kv.Value.Bytes - before.GetValueOrDefault(kv.Key).Bytes, Count: kv.Value.Count - before.GetValueOrDefault(kv.Key).Count))
            .Where(e => Environment.GetEnvironmentVariable("BENCH_MATCH") is not { Length: > 0 } match || System.Text.RegularExpressions.Regex.IsMatch(e.Type, match))
            .OrderByDescending(e => e.Bytes).Take(top)
            .Select(e => $"{e.Bytes / (double)circuits / 1024,7:F1} KB {e.Count / (double)circuits,6:F1}×  {e.Type}");
}
