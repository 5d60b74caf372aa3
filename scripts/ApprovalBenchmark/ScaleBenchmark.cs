using System.Diagnostics;
using System.Globalization;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static BenchHost;

namespace ApprovalBenchmark;

/// <summary>
/// Issue 14's benchmark, "scale" as third argument: in one run, the same approvals with N open inboxes on
/// (1) SQLite, one instance; (2) PostgreSQL, one instance; (3) PostgreSQL, two instances sharing the database, the head
/// clicking on instance A and the inboxes split evenly between A and B (each circuit connected to its instance directly),
/// so an inbox on B sees the change only through PostgreSQL's NOTIFY. PostgreSQL is a throw-away server started by
/// scripts/postgres.sh (fsync on) in a temporary folder, one fresh database per mode, seeded by the first instance.
/// Figures: approvals per second (one head approving one request after another; a round of 10 ends when every open
/// inbox shows its last one; median of the rounds) and click → visible p50/p95 over all inboxes, and those on A and B.
/// </summary>
internal static class ScaleBenchmark
{
    private const int WarmUp = 20;
    private const int RoundSize = 10;

    private sealed record Result(string Mode, List<double> RoundRates, List<double> All, List<double>? OnA, List<double>? OnB, int Missed, string Memory);

    public static async Task RunAsync(int n, int approvals)
    {
        var root = FindRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var appFolder = Path.Combine(root, "Madrasah.Blazor", "bin", configuration, "net10.0");
        var work = Directory.CreateTempSubdirectory("madrasah-scale-").FullName;
        var pgFolder = Path.Combine(work, "pg");
        Console.WriteLine($"app: {configuration} build, {Environment.ProcessorCount} cores; N = {n} open inboxes (circuits); approvals per mode = {approvals} " +
                          $"in rounds of {RoundSize}, after {WarmUp} not counted");
        var results = new List<Result>();
        string? server = null;
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await LaunchChromiumAsync(playwright);
            results.Add(await RunModeAsync(browser, "SQLite, 1 instance", appFolder, Path.Combine(work, "sqlite"), null, 1, n, approvals));
            server = await PostgresAsync(root, "start", pgFolder);
            Console.WriteLine($"PostgreSQL: {await PostgresVersionAsync($"{server};Database=postgres")} ({server})");
            results.Add(await RunModeAsync(browser, "PostgreSQL, 1 instance", appFolder, Path.Combine(work, "pg-one"), $"{server};Database=bench_one", 1, n, approvals));
            results.Add(await RunModeAsync(browser, "PostgreSQL, 2 instances", appFolder, Path.Combine(work, "pg-two"), $"{server};Database=bench_two", 2, n, approvals));
        }
        finally
        {
            if (server is not null) await PostgresAsync(root, "stop", pgFolder);
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            Print(results, n);
        }
    }

    private static async Task<Result> RunModeAsync(IBrowser browser, string mode, string appFolder, string folder, string? postgres, int instances, int n, int approvals)
    {
        Console.WriteLine($"— {mode}");
        Directory.CreateDirectory(folder);
        var servers = new List<Process>();
        var urls = new List<string>();
        var watchers = new List<(CircuitWatcher Circuit, int Instance)>();
        var contexts = new List<IBrowserContext>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                // One after the other: the first migrates the new database and seeds the demo data.
                var url = $"http://127.0.0.1:{FreePort()}";
                servers.Add(StartApp(appFolder, url, folder, postgres, instances == 1 ? "app" : ((char)('a' + i)).ToString()));
                urls.Add(url);
                await WaitHealthyAsync(url, servers[^1]);
            }
            var requests = await SeedRequestsAsync(() => postgres is null
                ? new MadrasahDbContext(new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "madrasah.db")};Default Timeout=30").Options)
                : new PostgreSqlMadrasahDbContext(PostgreSqlDatabase.Configure(new DbContextOptionsBuilder<PostgreSqlMadrasahDbContext>(), postgres).Options),
                WarmUp + approvals);

            // Signed in on A; on PostgreSQL the cookie works on B too (data-protection keys in the database).
            var head = await SignInAsync(browser, urls[0], "kepala@min1sleman.sch.id");
            var district = await SignInAsync(browser, urls[0], "admin@kemenagsleman.go.id");
            contexts.AddRange([head.Context, district.Context]);
            var approver = await head.Context.NewPageAsync();

            // Watcher j: the head's inbox or the district's by j's parity, instance A or B by the next bit, so each
            // instance holds half of each kind.
            for (var i = 0; i < n; i += 10)
                watchers.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(10, n - i)).Select(async j =>
                {
                    var instance = j / 2 % instances;
                    var circuit = j % 2 == 0
                        ? await CircuitWatcher.OpenAsync(urls[instance], "/persetujuan", head.Cookies)
                        : await CircuitWatcher.OpenAsync(urls[instance], "/kabupaten/persetujuan", district.Cookies);
                    return (circuit, instance);
                })));
            await Task.Delay(3000); // let the servers settle after the last circuit started
            var memory = string.Join(", ", servers.Select((s, i) => $"{(instances == 1 ? "RSS" : $"RSS {(char)('A' + i)}")} {Rss(s.Id) / 1024.0:F0} MB"));
            Console.WriteLine($"  {watchers.Count} inboxes open ({string.Join(", ", Enumerable.Range(0, instances).Select(i => $"{watchers.Count(w => w.Instance == i)} on {(char)('A' + i)}"))}); {memory}");

            await RunRoundAsync(approver, watchers, requests.Take(WarmUp).ToList()); // tier-0 JIT, first queries: not counted
            var measured = requests.Skip(WarmUp).ToList();
            var rates = new List<double>();
            var all = new List<double>();
            var byInstance = Enumerable.Range(0, instances).Select(_ => new List<double>()).ToArray();
            var missed = 0;
            foreach (var round in measured.Chunk(RoundSize))
            {
                var clock = Stopwatch.StartNew();
                var latencies = await RunRoundAsync(approver, watchers, round.ToList());
                rates.Add(round.Length / clock.Elapsed.TotalSeconds);
                foreach (var perWatcher in latencies)
                    for (var w = 0; w < watchers.Count; w++)
                    {
                        if (double.IsNaN(perWatcher[w])) { missed++; continue; }
                        all.Add(perWatcher[w]);
                        byInstance[watchers[w].Instance].Add(perWatcher[w]);
                    }
                Console.WriteLine($"  round: {rates[^1]:F2} approvals/s");
            }
            var result = new Result(mode, rates, all, instances > 1 ? byInstance[0] : null, instances > 1 ? byInstance[1] : null, missed, memory);
            Console.WriteLine($"  {Summary(all)}, missed {missed}" + (instances > 1 ? $"; on A {Summary(byInstance[0])}; on B {Summary(byInstance[1])}" : ""));
            return result;
        }
        finally
        {
            foreach (var (circuit, _) in watchers) await circuit.DisposeAsync();
            foreach (var context in contexts) await context.CloseAsync();
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                server.Dispose();
            }
        }
    }

    /// <summary>The head approves each request in turn; per request, click → visible (ms) in each watcher, NaN if not within 60 s.</summary>
    private static async Task<List<double[]>> RunRoundAsync(IPage approver, List<(CircuitWatcher Circuit, int Instance)> watchers, List<SeededRequest> requests)
    {
        var result = new List<double[]>();
        foreach (var request in requests)
        {
            var clickAt = await BenchHost.ApproveAsync(approver, request.Id, () => { foreach (var (circuit, _) in watchers) circuit.Arm(request.Token); });

            var deadline = DateTime.UtcNow.AddSeconds(60);
            var seen = new double?[watchers.Count];
            while (DateTime.UtcNow < deadline)
            {
                for (var w = 0; w < watchers.Count; w++)
                {
                    var circuit = watchers[w].Circuit;
                    if (circuit.Error is { } error) throw new InvalidOperationException($"{circuit.Path}: {error}");
                    if (seen[w] is null && circuit.Seen.TryGetValue(request.Token, out var at)) seen[w] = at;
                }
                if (seen.All(s => s is not null)) break;
                await Task.Delay(20);
            }
            result.Add(seen.Select(s => s is { } at ? at - clickAt : double.NaN).ToArray());
        }
        return result;
    }

    private static Process StartApp(string appFolder, string url, string folder, string? postgres, string name)
    {
        var start = new ProcessStartInfo(Path.Combine(appFolder, "Madrasah.Blazor")) { WorkingDirectory = appFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ASPNETCORE_URLS"] = url, ["Database__Path"] = Path.Combine(folder, "madrasah.db"),
            ["Email__PickupFolder"] = Path.Combine(folder, "mail"), ["Uploads__Folder"] = Path.Combine(folder, "uploads"),
            ["DataProtection__KeyFolder"] = Path.Combine(folder, "keys"), ["App__PublicBaseUrl"] = url, ["Logging__LogLevel__Default"] = "Warning",
        };
        if (postgres is not null)
        {
            environment["Database__Provider"] = "PostgreSQL";
            environment["Database__ConnectionString"] = postgres;
        }
        foreach (var (k, v) in environment) start.Environment[k] = v;
        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        return server;
    }

    /// <summary>scripts/postgres.sh start|stop FOLDER; start returns the connection string it prints.</summary>
    private static async Task<string> PostgresAsync(string root, string action, string folder)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "postgres.sh"), action, folder]) { RedirectStandardOutput = true };
        start.Environment.Remove("FAST"); // figures only with fsync on
        using var script = Process.Start(start)!;
        var output = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0) throw new InvalidOperationException($"scripts/postgres.sh {action} failed ({script.ExitCode})");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
    }

    private static async Task<string> PostgresVersionAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT current_setting('server_version') || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit')", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string Summary(List<double> latencies) =>
        latencies.Count == 0 ? "no observations" : $"p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms";

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];
    }

    private static void Print(List<Result> results, int n)
    {
        if (results.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine($"| mode ({n} open inboxes) | approvals/s, median of rounds (range) | click → visible p50 / p95, all inboxes | on A | on B (cross-server, NOTIFY) | missed | server memory |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            string Cell(List<double>? l) => l is null ? "—" : l.Count == 0 ? "none" : $"{Percentile(l, 0.50):F0} / {Percentile(l, 0.95):F0} ms";
            var rates = r.RoundRates.Count == 0 ? "—"
                : $"{Percentile(r.RoundRates, 0.50).ToString("F2", CultureInfo.InvariantCulture)} ({r.RoundRates.Min():F2}–{r.RoundRates.Max():F2})";
            Console.WriteLine($"| {r.Mode} | {rates} | {Cell(r.All)} | {Cell(r.OnA)} | {Cell(r.OnB)} | {r.Missed} of {r.All.Count + r.Missed} | {r.Memory} |");
        }
    }
}
