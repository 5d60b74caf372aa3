// Approval latency and memory per circuit (issue 3's benchmark). Usage, from the repository root:
//   dotnet build Madrasah.Blazor && dotnet run --project scripts/ApprovalBenchmark -c Debug -- [N=200] [approvals=100]
// Starts the built app (Development, demo data, temporary folders) on a free port, puts 2 × approvals requests in the
// head's queue, then: phase 1 with one open district inbox, phase 2 with N open inboxes (half head, half district).
// Each approval is the head's click on "Simpan Keputusan"; latency = click → the request's row appears in a
// watcher's inbox (a MutationObserver in every watcher page stamps Date.now(); same machine, same clock).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var approvals = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var root = FindRoot();
var appFolder = Path.Combine(root, "Madrasah.Blazor", "bin", "Debug", "net9.0", "linux-x64");
var data = Directory.CreateTempSubdirectory("madrasah-bench-").FullName;
var port = FreePort();
var baseUrl = $"http://127.0.0.1:{port}";

var start = new ProcessStartInfo(Path.Combine(appFolder, "Madrasah.Blazor")) { WorkingDirectory = appFolder, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var (k, v) in new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ASPNETCORE_URLS"] = baseUrl, ["Database__Path"] = Path.Combine(data, "madrasah.db"),
    ["Email__PickupFolder"] = Path.Combine(data, "mail"), ["Uploads__Folder"] = Path.Combine(data, "uploads"),
    ["DataProtection__KeyFolder"] = Path.Combine(data, "keys"), ["App__PublicBaseUrl"] = baseUrl, ["Logging__LogLevel__Default"] = "Warning",
}) start.Environment[k] = v;
using var server = Process.Start(start)!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, _) => { };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
try
{
    await WaitHealthyAsync(baseUrl);
    var ids = await SeedRequestsAsync(Path.Combine(data, "madrasah.db"), 2 * approvals);

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("MADRASAH_CHROMIUM") ?? "/usr/bin/chromium", Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--renderer-process-limit=16",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
    });
    var headContext = await SignInAsync(browser, baseUrl, "kepala@min1sleman.sch.id");
    var districtContext = await SignInAsync(browser, baseUrl, "admin@kemenagsleman.go.id");
    var approver = await headContext.NewPageAsync();

    var watchers = new List<IPage> { await OpenWatcherAsync(districtContext, "/kabupaten/persetujuan") };
    var one = await RunAsync(approver, watchers, ids.Take(approvals).ToList());
    Report("1 watcher", one);

    var rssBefore = Rss(server.Id);
    for (var i = watchers.Count; i < n; i += 10)
    {
        var batch = Enumerable.Range(i, Math.Min(10, n - i))
            .Select(j => j % 2 == 0 ? OpenWatcherAsync(headContext, "/persetujuan") : OpenWatcherAsync(districtContext, "/kabupaten/persetujuan"));
        watchers.AddRange(await Task.WhenAll(batch));
    }
    GC.KeepAlive(watchers);
    await Task.Delay(3000); // let the server settle after the last circuit started (a measurement pause, not a wait for state)
    var rssAfter = Rss(server.Id);
    var opened = watchers.Count - 1;
    Console.WriteLine($"circuits opened: {opened}; server RSS {rssBefore / 1024.0:F1} MB → {rssAfter / 1024.0:F1} MB; ΔRSS/N = {(rssAfter - rssBefore) / (double)opened:F0} KB");
    var many = await RunAsync(approver, watchers, ids.Skip(approvals).Take(approvals).ToList());
    Report($"{watchers.Count} open inboxes", many);
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    try { Directory.Delete(data, recursive: true); } catch (IOException) { }
}

static async Task<List<double>> RunAsync(IPage approver, List<IPage> watchers, List<int> ids)
{
    var clicks = new Dictionary<int, double>();
    foreach (var id in ids)
    {
        await approver.GotoAsync($"/perubahan/{id}");
        await approver.Locator(".app-shell[data-interactive='true']").WaitForAsync();
        await approver.GetByTestId("field-Facilities").GetByLabel("Setujui").CheckAsync();
        await approver.EvaluateAsync("() => document.addEventListener('click', () => window.__clickAt = Date.now(), { capture: true, once: true })");
        await approver.GetByRole(AriaRole.Button, new() { Name = "Simpan Keputusan" }).ClickAsync();
        clicks[id] = await approver.EvaluateAsync<double>("() => window.__clickAt");
        await approver.GetByText("Menunggu Persetujuan Kabupaten/Kota").First.WaitForAsync();
        await watchers[^1].WaitForFunctionAsync($"() => window.__seen && window.__seen[{id}] !== undefined", null, new() { Timeout = 60_000 });
    }
    var latencies = new List<double>();
    foreach (var watcher in watchers)
    {
        var seen = await watcher.EvaluateAsync<Dictionary<string, double>>("() => window.__seen");
        foreach (var id in ids)
            if (seen.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var at)) latencies.Add(at - clicks[id]);
            else latencies.Add(double.NaN);
    }
    return latencies;
}

static void Report(string label, List<double> latencies)
{
    var missed = latencies.Count(double.IsNaN);
    var sorted = latencies.Where(l => !double.IsNaN(l)).Order().ToList();
    double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    Console.WriteLine($"{label}: {sorted.Count} observations, click→visible p50 = {P(0.50):F0} ms, p95 = {P(0.95):F0} ms, max = {sorted[^1]:F0} ms, missed = {missed}");
}

static async Task<IBrowserContext> SignInAsync(IBrowser browser, string baseUrl, string email)
{
    var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "id-ID", TimezoneId = "Asia/Jakarta" });
    context.SetDefaultTimeout(60_000);
    // Every watcher page stamps the first time each request's row is visible outside the head's "waiting" table.
    await context.AddInitScriptAsync("""
        window.__seen = {};
        const scan = () => document.querySelectorAll('[data-request-id]').forEach(r => {
            if (r.closest('[data-testid=head-inbox]')) return;
            const id = r.getAttribute('data-request-id');
            if (window.__seen[id] === undefined) window.__seen[id] = Date.now();
        });
        new MutationObserver(scan).observe(document, { childList: true, subtree: true });
        """);
    var page = await context.NewPageAsync();
    await page.GotoAsync("/Account/Login");
    await page.GetByLabel("Email").FillAsync(email);
    await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Madrasah.Blazor.Data.DemoData.Password);
    await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
    await page.GetByTestId("dashboard").WaitForAsync();
    await page.CloseAsync();
    return context;
}

static async Task<IPage> OpenWatcherAsync(IBrowserContext context, string path)
{
    var page = await context.NewPageAsync();
    await page.GotoAsync(path);
    await page.Locator(".app-shell[data-interactive='true']").WaitForAsync();
    return page;
}

static async Task<List<int>> SeedRequestsAsync(string dbPath, int count)
{
    var options = new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite($"Data Source={dbPath};Default Timeout=30").Options;
    await using var db = new MadrasahDbContext(options);
    var institution = await db.Institutions.SingleAsync(i => i.Name == "MIN 1 Sleman");
    var op = await db.Users.SingleAsync(u => u.Email == "operator@min1sleman.sch.id");
    var now = DateTime.UtcNow;
    var requests = Enumerable.Range(1, count).Select(i => new ChangeRequest
    {
        InstitutionId = institution.Id, Status = ChangeRequestStatus.WaitingForHead, CreatedByUserId = op.Id, CreatedByName = op.FullName,
        CreatedUtc = now, SubmittedUtc = now, UpdatedUtc = now, Revision = 1,
        Fields = [new() { FieldKey = "Facilities", Label = "Sarana Prasarana", OldValue = institution.Facilities, NewValue = $"Sarana uji {i}" }],
    }).ToList();
    db.AddRange(requests);
    await db.SaveChangesAsync();
    return requests.Select(r => r.Id).ToList();
}

static long Rss(int pid) =>
    long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

static async Task WaitHealthyAsync(string baseUrl)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    for (var i = 0; i < 300; i++)
    {
        try { if ((await http.GetAsync($"{baseUrl}/healthz")).StatusCode == HttpStatusCode.OK) return; }
        catch (HttpRequestException) { } catch (TaskCanceledException) { }
        await Task.Delay(200);
    }
    throw new TimeoutException("The app did not become healthy.");
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Madrasah.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Madrasah.sln not found");
}

static int FreePort()
{
    var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    var p = ((IPEndPoint)l.LocalEndpoint).Port;
    l.Stop();
    return p;
}
