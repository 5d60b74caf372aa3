// Approval latency and memory per circuit (issue 3's benchmark; issue 14's with "scale"). From the repository root:
//   dotnet run --project scripts/ApprovalBenchmark -c Release -- [N=200] [approvals=100] [circuit|chromium|pages|scale]
// Starts the app built in the same configuration (Development, demo data, temporary folders) on a free port, puts
// BENCH_WARMUP (100) + 2 × approvals requests in the head's queue, makes the first BENCH_WARMUP approvals to warm the
// server up (not counted), then: phase 1 with one open district inbox, phase 2 with N open inboxes
// (half the head's /persetujuan, half the district's /kabupaten/persetujuan). Each approval is the head's click on
// "Simpan Keputusan" in headless Chromium; latency = click → the request reaches a watcher's inbox. With "circuit"
// watchers that browser runs at the lowest CPU priority (BenchHost.LowerBrowserPriority; BENCH_BROWSER_PRIORITY=equal
// for the setting of the figures before 2026-12-03).
// Watchers are "circuit" (default: SignalR-level Blazor circuits, see CircuitWatcher; measures the server) or
// "chromium" (one headless page each; measures server and browser together, on the same cores).
// "scale" compares engines and instances in one run (issue 14; see ScaleBenchmark.cs):
//   dotnet run --project scripts/ApprovalBenchmark -c Release -- 200 50 scale
// "table" measures one inbox table's render tree and re-render in this process, without a server (TableRenderBenchmark.cs).
// "pages" instead measures memory per open circuit for each kind of page (PageKinds below): N circuits of one page
// at a time, ΔRSS/N and live managed heap Δ/N, then those circuits close before the next kind.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ApprovalBenchmark;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static BenchHost;

var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var approvals = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var kind = args.Length > 2 ? args[2] : "circuit";
if (kind is not ("circuit" or "chromium" or "pages" or "scale" or "table")) throw new ArgumentException("watchers: circuit, chromium, pages, scale or table");
if (kind == "table")
{
    await TableRenderBenchmark.RunAsync(n);
    return;
}
if (kind == "scale")
{
    await ScaleBenchmark.RunAsync(n, approvals);
    return;
}

var root = FindRoot();
var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
var appFolder = Path.Combine(root, "Madrasah.Blazor", "bin", configuration, "net10.0");
var data = Directory.CreateTempSubdirectory("madrasah-bench-").FullName;
var baseUrl = $"http://127.0.0.1:{FreePort()}";
Console.WriteLine($"app: {configuration} build, {Environment.ProcessorCount} cores; watchers: {kind}; N = {n}; approvals per phase = {approvals}");

var start = new ProcessStartInfo(Path.Combine(appFolder, "Madrasah.Blazor")) { WorkingDirectory = appFolder, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var (k, v) in new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ASPNETCORE_URLS"] = baseUrl, ["Database__Path"] = Path.Combine(data, "madrasah.db"),
    ["Email__PickupFolder"] = Path.Combine(data, "mail"), ["Uploads__Folder"] = Path.Combine(data, "uploads"),
    ["DataProtection__KeyFolder"] = Path.Combine(data, "keys"), ["App__PublicBaseUrl"] = baseUrl, ["Logging__LogLevel__Default"] = "Warning",
}) start.Environment[k] = v;
using var server = Process.Start(start)!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[app] {e.Data}"); };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
var watchers = new List<IInboxWatcher>();
try
{
    await WaitHealthyAsync(baseUrl);
    // A server in use has compiled its code: the first approvals (tier-0 JIT) are run and not counted.
    // Tiered compilation promotes a method after 30 calls, and once more after 30 instrumented ones: a step taken once per
    // approval is compiled for good only after about 60 approvals (20 left the first phase measuring the JIT at work:
    // 300 ms of server CPU per approval against 80 later).
    var warmUp = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP"), out var w) ? w : 100;
    var requests = await SeedRequestsAsync(Path.Combine(data, "madrasah.db"), warmUp + 2 * approvals);

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await LaunchChromiumAsync(playwright);
    var head = await SignInAsync(browser, baseUrl, "kepala@min1sleman.sch.id");
    var district = await SignInAsync(browser, baseUrl, "admin@kemenagsleman.go.id");
    if (kind == "pages")
    {
        await MeasurePagesAsync(browser, baseUrl, server.Id, n);
        return;
    }
    var approver = await head.Context.NewPageAsync();
    if (kind == "circuit") Console.WriteLine($"approver's browser: {LowerBrowserPriority()} Chromium processes at the lowest CPU priority (its own computer, in effect)");

    async Task<IInboxWatcher> Open(SignedIn who, string path) => kind == "circuit"
        ? new CircuitInbox(await CircuitWatcher.OpenAsync(baseUrl, path, who.Cookies))
        : await ChromiumInbox.OpenAsync(who.Context, path);

    Console.WriteLine($"server RSS after sign-ins: {Rss(server.Id) / 1024.0:F1} MB");
    watchers.Add(await Open(district, "/kabupaten/persetujuan"));
    await RunAsync(approver, watchers, requests.Take(warmUp).ToList());
    requests = requests.Skip(warmUp).ToList();
    var cpu = CpuNow(server);
    Report("1 watcher", await RunAsync(approver, watchers, requests.Take(approvals).ToList()));
    ReportCpu(server, cpu, approvals, watchers.Count);

    Console.WriteLine($"server RSS after phase 1: {Rss(server.Id) / 1024.0:F1} MB");
    var heapBefore = LiveHeap.Measure(server.Id); // first: reading the heap must not count in the RSS difference
    await Task.Delay(3000);
    var rssBefore = Rss(server.Id);
    for (var i = watchers.Count; i < n; i += 10)
        watchers.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(10, n - i))
            .Select(j => j % 2 == 0 ? Open(head, "/persetujuan") : Open(district, "/kabupaten/persetujuan"))));
    await Task.Delay(3000); // a measurement pause: let the server settle after the last circuit started
    var rssAfter = Rss(server.Id);
    var heapAfter = LiveHeap.Measure(server.Id);
    var opened = watchers.Count - 1;
    Console.WriteLine($"circuits opened: {opened}; server RSS {rssBefore / 1024.0:F1} MB → {rssAfter / 1024.0:F1} MB; ΔRSS/N = {(rssAfter - rssBefore) / (double)opened:F0} KB");
    Console.WriteLine($"live managed heap {LiveHeap.Total(heapBefore) / 1048576.0:F1} MB → {LiveHeap.Total(heapAfter) / 1048576.0:F1} MB; " +
                      $"Δ/N = {(LiveHeap.Total(heapAfter) - LiveHeap.Total(heapBefore)) / (double)opened / 1024:F0} KB, most of it:");
    foreach (var line in LiveHeap.Growth(heapBefore, heapAfter, opened, int.TryParse(Environment.GetEnvironmentVariable("BENCH_TOP"), out var top) ? top : 8)) Console.WriteLine($"  {line}");
    cpu = CpuNow(server);
    Report($"{watchers.Count} open inboxes", await RunAsync(approver, watchers, requests.Skip(approvals).Take(approvals).ToList()));
    ReportCpu(server, cpu, approvals, watchers.Count);
    Console.WriteLine($"server RSS at the end: {Rss(server.Id) / 1024.0:F1} MB");
}
finally
{
    foreach (var watcher in watchers) await watcher.DisposeAsync();
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    try { Directory.Delete(data, recursive: true); } catch (IOException) { }
}

static async Task<List<double>> RunAsync(IPage approver, List<IInboxWatcher> watchers, List<SeededRequest> requests)
{
    var latencies = new List<double>();
    foreach (var request in requests)
    {
        var clickAt = await ApproveAsync(approver, request.Id, () => { foreach (var watcher in watchers) watcher.Arm(request); });

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var seen = new double?[watchers.Count];
        while (DateTime.UtcNow < deadline)
        {
            for (var w = 0; w < watchers.Count; w++) seen[w] ??= await watchers[w].SeenAtAsync(request);
            if (seen.All(s => s is not null)) break;
            await Task.Delay(20);
        }
        latencies.AddRange(seen.Select(s => s is { } at ? at - clickAt : double.NaN));
    }
    return latencies;
}

// Memory per open circuit for each kind of page: who opens it and where.
static async Task MeasurePagesAsync(IBrowser browser, string baseUrl, int pid, int n)
{
    (string Label, string Email, string Path)[] pageKinds =
    [
        ("head inbox (live list)", "kepala@min1sleman.sch.id", "/persetujuan"),
        ("district inbox with filters (live list)", "admin@kemenagsleman.go.id", "/kabupaten/persetujuan"),
        ("dashboard", "operator@min1sleman.sch.id", "/"),
        ("institution profile", "operator@min1sleman.sch.id", "/lembaga"),
        ("change request form (MudBlazor inputs)", "operator@min1sleman.sch.id", "/lembaga/ubah"),
        ("user accounts table", "admin@madrasah.demo.id", "/admin/pengguna"),
    ];
    Console.WriteLine($"| page | ΔRSS / circuit | live heap / circuit |");
    foreach (var (label, email, path) in pageKinds)
    {
        var who = await SignInAsync(browser, baseUrl, email);
        var circuits = new List<CircuitWatcher>();
        var heapBefore = LiveHeap.Measure(pid);
        await Task.Delay(2000);
        var rssBefore = Rss(pid);
        for (var i = 0; i < n; i += 10)
            circuits.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(10, n - i)).Select(_ => CircuitWatcher.OpenAsync(baseUrl, path, who.Cookies))));
        await Task.Delay(3000);
        var rssAfter = Rss(pid);
        var heapAfter = LiveHeap.Measure(pid);
        Console.WriteLine($"| {label} `{path}` | {(rssAfter - rssBefore) / (double)n:F0} KB | {(LiveHeap.Total(heapAfter) - LiveHeap.Total(heapBefore)) / (double)n / 1024:F0} KB |");
        if (Environment.GetEnvironmentVariable("BENCH_MATCH") is { Length: > 0 })
            foreach (var line in LiveHeap.Growth(heapBefore, heapAfter, n, 200)) Console.WriteLine($"  {line}");
        foreach (var circuit in circuits) await circuit.DisposeAsync();
        await who.Context.CloseAsync();
        await Task.Delay(2000);
    }
}

// CPU time so far of the server and of this process (the watchers, the Playwright driver's client side).
static (TimeSpan Server, TimeSpan Bench, long Batches, long Bytes) CpuNow(Process server)
{
    server.Refresh();
    var (batches, bytes) = CircuitWatcher.Received;
    return (server.TotalProcessorTime, Process.GetCurrentProcess().TotalProcessorTime, batches, bytes);
}

static void ReportCpu(Process server, (TimeSpan Server, TimeSpan Bench, long Batches, long Bytes) before, int approvals, int watchers)
{
    var now = CpuNow(server);
    var batches = (now.Batches - before.Batches) / (double)approvals / watchers;
    Console.WriteLine($"  CPU per approval: server {(now.Server - before.Server).TotalMilliseconds / approvals:F0} ms, " +
                      $"benchmark process (watchers) {(now.Bench - before.Bench).TotalMilliseconds / approvals:F0} ms; " +
                      $"render batches per approval per watcher {batches:F2}, {(now.Bytes - before.Bytes) / Math.Max(1.0, now.Batches - before.Batches):F0} bytes each");
}

static void Report(string label, List<double> latencies)
{
    var missed = latencies.Count(double.IsNaN);
    var sorted = latencies.Where(l => !double.IsNaN(l)).Order().ToList();
    double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    Console.WriteLine($"{label}: {sorted.Count} observations, click→visible p50 = {P(0.50):F0} ms, p95 = {P(0.95):F0} ms, max = {sorted[^1]:F0} ms, missed = {missed}");
    Console.WriteLine("  spread: " + string.Join(", ", new[] { 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99 }.Select(q => $"p{q * 100:0.#} {P(q):F0}")));
}

internal sealed record SignedIn(IBrowserContext Context, CookieContainer Cookies);

internal sealed record SeededRequest(int Id, string Token);

/// <summary>An open inbox that reports when (Unix ms) a request reached it after being armed.</summary>
internal interface IInboxWatcher : IAsyncDisposable
{
    void Arm(SeededRequest request);
    Task<double?> SeenAtAsync(SeededRequest request);
}

internal sealed class CircuitInbox(CircuitWatcher circuit) : IInboxWatcher
{
    public void Arm(SeededRequest request) => circuit.Arm(request.Token);

    public Task<double?> SeenAtAsync(SeededRequest request)
    {
        if (circuit.Error is { } error) throw new InvalidOperationException($"{circuit.Path}: {error}");
        return Task.FromResult(circuit.Seen.TryGetValue(request.Token, out var at) ? (double?)at : null);
    }

    public ValueTask DisposeAsync() => circuit.DisposeAsync();
}

internal sealed class ChromiumInbox(IPage page) : IInboxWatcher
{
    // Stamps the first time each request's row is visible outside the head's "waiting" table.
    public const string ObserverScript = """
        window.__seen = {};
        const scan = () => document.querySelectorAll('[data-request-id]').forEach(r => {
            if (r.closest('[data-testid=head-inbox]')) return;
            const id = r.getAttribute('data-request-id');
            if (window.__seen[id] === undefined) window.__seen[id] = Date.now();
        });
        new MutationObserver(scan).observe(document, { childList: true, subtree: true });
        """;

    public static async Task<IInboxWatcher> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator(".app-shell[data-interactive='true']").WaitForAsync();
        return new ChromiumInbox(page);
    }

    public void Arm(SeededRequest request) { }

    public async Task<double?> SeenAtAsync(SeededRequest request) =>
        await page.EvaluateAsync<double?>($"() => window.__seen[{request.Id}] ?? null");

    public ValueTask DisposeAsync() => new(page.CloseAsync());
}
