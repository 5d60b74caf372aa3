using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

/// <summary>What the benchmark's modes share: the app's start-up check, sign-in, the queued requests, ports, memory.</summary>
internal static class BenchHost
{
    /// <summary>
    /// The head approves one request in Chromium ("Setujui" on Facilities, then "Simpan Keputusan") and waits for the
    /// page to show it forwarded; <paramref name="arm"/> runs just before the click. Returns the click's time (Unix ms,
    /// the page's clock, the same as the watchers').
    /// </summary>
    public static async Task<double> ApproveAsync(IPage approver, int requestId, Action arm)
    {
        await approver.GotoAsync($"/perubahan/{requestId}");
        await approver.Locator(".app-shell[data-interactive='true']").WaitForAsync();
        await approver.GetByTestId("field-Facilities").GetByLabel("Setujui").CheckAsync();
        arm();
        await approver.EvaluateAsync("() => document.addEventListener('click', () => window.__clickAt = Date.now(), { capture: true, once: true })");
        await approver.GetByRole(AriaRole.Button, new() { Name = "Simpan Keputusan" }).ClickAsync();
        var clickAt = await approver.EvaluateAsync<double>("() => window.__clickAt");
        await approver.GetByText("Menunggu Persetujuan Kabupaten/Kota").First.WaitForAsync();
        return clickAt;
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("MADRASAH_CHROMIUM") ?? "/usr/bin/chromium", Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--renderer-process-limit=16", "--disable-background-networking",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
    });

    /// <summary>
    /// Puts the Chromium processes this benchmark started at the lowest CPU priority of the machine, as if the
    /// approver's browser ran on the head's own computer. Linux gives every session an equal share of the cores
    /// (autogroups), and Playwright starts the browser in a session of its own, as Chromium starts its zygotes (and so
    /// its pages): the approver's page, drawing its result and snackbar in software, took up to one of the two cores
    /// while the server fanned the change out. A process's nice value does not reach across sessions; its session's
    /// does (<c>/proc/PID/autogroup</c>). Processes started later by a lowered one stay lowered. Returns how many it
    /// lowered; none when <c>BENCH_BROWSER_PRIORITY=equal</c> (the setting of the figures before 2026-12-03).
    /// </summary>
    public static int LowerBrowserPriority()
    {
        if (Environment.GetEnvironmentVariable("BENCH_BROWSER_PRIORITY") == "equal") return 0;
        var lowered = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                if (!File.ReadAllText(Path.Combine(folder, "cmdline")).Contains("chromium") || !StartedBy(pid, Environment.ProcessId)) continue;
                File.WriteAllText(Path.Combine(folder, "autogroup"), "19");
                lowered++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { } // ended meanwhile
        }
        return lowered;
    }

    private static bool StartedBy(int pid, int ancestor)
    {
        for (var current = pid; current > 1; current = ParentOf(current))
            if (current == ancestor) return true;
        return false;
    }

    private static int ParentOf(int pid) => int.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("PPid:"))
        .Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    public static async Task<SignedIn> SignInAsync(IBrowser browser, string baseUrl, string email)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "id-ID", TimezoneId = "Asia/Jakarta" });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(ChromiumInbox.ObserverScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[type=password]").WaitForAsync();
        await page.Locator("input:not([type=hidden]):not([type=password])").First.FillAsync(email);
        await page.Locator("input[type=password]").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        await page.GetByTestId("dashboard").WaitForAsync();
        await page.CloseAsync();
        var cookies = new CookieContainer();
        foreach (var c in await context.CookiesAsync()) cookies.Add(new System.Net.Cookie(c.Name, c.Value, c.Path, c.Domain));
        return new SignedIn(context, cookies);
    }


    public static Task<List<SeededRequest>> SeedRequestsAsync(string dbPath, int count) =>
        SeedRequestsAsync(() => new MadrasahDbContext(new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite($"Data Source={dbPath};Default Timeout=30").Options), count);

    /// <summary>Puts <paramref name="count"/> change requests in MIN 1 Sleman's head's queue, through a context of either engine.</summary>
    public static async Task<List<SeededRequest>> SeedRequestsAsync(Func<MadrasahDbContext> open, int count)
    {
        await using var db = open();
        var institution = await db.Institutions.SingleAsync(i => i.Name == "MIN 1 Sleman");
        var op = await db.Users.SingleAsync(u => u.Email == "operator@min1sleman.sch.id");
        var now = DateTime.UtcNow;
        // Each request carries its own submitter name: a text that reaches an inbox only with that request's row.
        var requests = Enumerable.Range(1, count).Select(i => new ChangeRequest
        {
            InstitutionId = institution.Id, Status = ChangeRequestStatus.WaitingForHead, CreatedByUserId = op.Id, CreatedByName = $"Penguji Beban {i:D4}",
            CreatedUtc = now, SubmittedUtc = now, UpdatedUtc = now, Revision = 1,
            Fields = [new() { FieldKey = "Facilities", Label = "Sarana Prasarana", OldValue = institution.Facilities, NewValue = $"Sarana uji {i}" }],
        }).ToList();
        db.AddRange(requests);
        await db.SaveChangesAsync();
        return requests.Select(r => new SeededRequest(r.Id, r.CreatedByName)).ToList();
    }


    public static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);


    public static async Task WaitHealthyAsync(string baseUrl, System.Diagnostics.Process? app = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 300; i++)
        {
            try { if ((await http.GetAsync($"{baseUrl}/healthz")).StatusCode == HttpStatusCode.OK) return; }
            catch (HttpRequestException) { } catch (TaskCanceledException) { }
            if (app is { HasExited: true }) throw new InvalidOperationException($"The app stopped (exit code {app.ExitCode}); its errors are above.");
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not become healthy.");
    }


    public static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Madrasah.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Madrasah.sln not found");
    }


    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var p = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return p;
    }
}
