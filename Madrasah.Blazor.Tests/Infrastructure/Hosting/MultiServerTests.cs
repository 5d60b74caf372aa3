using System.Diagnostics;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>
/// The documented multi-server deployment, started by its own script (<c>scripts/two-servers.sh</c>): PostgreSQL, two
/// app instances A and B sharing it and the upload folder, nginx in front with sticky sessions, email through a real
/// SMTP test server.
/// </summary>
public sealed class TwoServersFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("madrasah-two-").FullName;
    public SmtpTestServer Smtp { get; private set; } = null!;
    public string Nginx { get; private set; } = "";
    public string A { get; private set; } = "";
    public string B { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartNewAsync();
        var output = Script("start", new Dictionary<string, string>
        {
            ["APP"] = TestApp.AppFolder, ["SMTP_PORT"] = Smtp.Port.ToString(), ["EMAIL_POLL_SECONDS"] = "1",
            // As every test app: cheap Password hashes (Development only) and no tiered PGO for a short-lived process.
            ["Identity__PasswordHashIterations"] = AppServices.TestPasswordHashIterations.ToString(), ["DOTNET_TieredPGO"] = "0",
        });
        var line = output.Split('\n').Last(l => l.StartsWith("nginx=", StringComparison.Ordinal));
        var parts = line.Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        (Nginx, A, B) = (parts["nginx"], parts["a"], parts["b"]);
        ConnectionString = line[(line.IndexOf("postgres=", StringComparison.Ordinal) + "postgres=".Length)..];
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(Playwright);
    }

    public async Task<IPage> SignInAsync(string baseUrl, string email)
    {
        var page = await BrowserFixture.NewPageAsync(Browser, baseUrl);
        await BrowserFixture.SignInOnPageAsync(page, email);
        return page;
    }

    /// <summary>The shared database, for what a test sets up or checks directly.</summary>
    public PostgreSqlMadrasahDbContext CreateContext() =>
        new(PostgreSqlDatabase.Configure(new DbContextOptionsBuilder<PostgreSqlMadrasahDbContext>(), ConnectionString).Options);

    /// <summary>The instance ("a" or "b") nginx sent <paramref name="page"/>'s browser to, by its affinity cookie in the access log.</summary>
    public async Task<string> InstanceOfAsync(IPage page)
    {
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "madrasah_node").Value;
        var upstream = File.ReadLines(Path.Combine(Folder, "nginx", "logs", "access.log"))
            .Select(l => l.Split(' ')).Where(f => f.Length >= 2 && f[^2] == cookie).Select(f => f[^1]).Last();
        return servers(upstream);

        string servers(string address) => A.EndsWith(address, StringComparison.Ordinal) ? "a"
            : B.EndsWith(address, StringComparison.Ordinal) ? "b" : throw new InvalidOperationException($"upstream {address} is neither instance");
    }

    public int ProcessId(string instance) => int.Parse(File.ReadAllText(Path.Combine(Folder, $"{instance}.pid")).Trim());

    public string Log(string instance) => File.ReadAllText(Path.Combine(Folder, $"{instance}.log"));

    private string Script(string action, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "scripts", "two-servers.sh"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(action);
        start.ArgumentList.Add(Folder);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0) throw new InvalidOperationException($"two-servers.sh {action} failed: {stderr.Result}{stdout.Result}");
        return stdout.Result;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Madrasah.sln"))) return dir.FullName;
        throw new InvalidOperationException("Madrasah.sln not found above the test folder.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        try { Script("stop"); } catch (InvalidOperationException) { }
        await Smtp.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class TwoServersCollection
{
    public const string Name = "Two servers"; // one deployment at a time: each is PostgreSQL, two apps and nginx
}

[Trait("Kind", "App")]
[Collection(TwoServersCollection.Name)]
public sealed class MultiServerTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    [Fact]
    public async Task A_change_made_on_one_server_reaches_the_open_inboxes_on_the_other_live_and_a_cookie_of_one_opens_the_other()
    {
        var head = await servers.SignInAsync(servers.A, "kepala@min1sleman.sch.id");
        var district = await servers.SignInAsync(servers.B, "admin@kemenagsleman.go.id");
        var operatorPage = await servers.SignInAsync(servers.B, "operator@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(head, "/persetujuan");
        await Expect(head.GetByText("Tidak ada pengajuan yang menunggu persetujuan Anda.")).ToBeVisibleAsync();
        await BrowserFixture.OpenAsync(district, "/kabupaten/persetujuan");
        await Expect(district.GetByTestId("requests-empty")).ToBeVisibleAsync();

        // The operator submits on B: the head's open inbox on A shows it without reload.
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga/ubah");
        await operatorPage.GetByLabel("Telepon").FillAsync("0274-555123");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala");
        var row = head.GetByTestId("head-inbox").Locator("[data-request-id]");
        await Expect(row).ToHaveCountAsync(1);

        // The head approves on A: the district's open inbox on B shows it without reload, and the operator's page follows.
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await head.GetByTestId("field-Phone").GetByLabel("Setujui").CheckAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "Simpan Keputusan" }).ClickAsync();
        await Expect(head.GetByTestId("action-message")).ToHaveTextAsync("Keputusan Anda telah disimpan.");
        var districtRow = district.GetByTestId("district-inbox").Locator("[data-request-id]");
        await Expect(districtRow).ToHaveCountAsync(1);
        await Expect(districtRow).ToContainTextAsync("MIN 1 Sleman");
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kabupaten/Kota");

        // The head's sign-in cookie, made by A, is taken by B (data-protection keys shared through the database).
        await head.GotoAsync(servers.B + "/persetujuan");
        await Expect(head.GetByTestId("head-inbox")).ToBeVisibleAsync();
        await Expect(head.GetByText("Drs. H. Ahmad Fauzi, M.Pd.I.").First).ToBeVisibleAsync();
        Assert.DoesNotContain("/Account/Login", head.Url);
    }

    [Fact]
    public async Task A_hundred_queued_messages_with_both_servers_sending_are_each_delivered_exactly_once()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        await using (var db = servers.CreateContext())
        {
            var now = DateTime.UtcNow;
            for (var i = 1; i <= 100; i++)
                db.Add(new OutboxMessage
                {
                    To = $"penerima{i}@madrasah.test", Subject = $"Uji {batch} pesan {i:000}", HtmlBody = $"<p>Pesan {i}</p>", TextBody = $"Pesan {i}",
                    CreatedUtc = now, NextAttemptUtc = now, Status = OutboxStatus.Pending,
                });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync($"NOTIFY {PostgreSqlLiveUpdates.Channel}, 'test\noutbox:due'"); // both senders wake at once
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        List<string> subjects;
        while (true)
        {
            subjects = servers.Smtp.ReadMessages().Select(m => m.Subject).Where(s => s.Contains($"Uji {batch} ")).ToList();
            await using var db = servers.CreateContext();
            var pending = await db.Set<OutboxMessage>().CountAsync(m => m.Subject.Contains($"Uji {batch} ") && m.Status != OutboxStatus.Sent);
            if ((pending == 0 && subjects.Count >= 100) || DateTime.UtcNow > deadline) break;
            await Task.Delay(250); // polling a condition with a deadline, not waiting a fixed time
        }

        Assert.Equal(100, subjects.Count);
        Assert.Equal(100, subjects.Distinct().Count());
        // Both servers took part: each one's log names messages it sent.
        Assert.All(new[] { "a", "b" }, name => Assert.Matches(new Regex($"Email \\d+ \"Uji {batch} pesan"), servers.Log(name)));
    }
}

[Trait("Kind", "App")]
[Collection(TwoServersCollection.Name)]
public sealed class FailoverTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    [Fact]
    public async Task When_the_users_server_is_killed_the_browser_carries_on_at_the_other_with_nothing_lost_and_nothing_sent_twice()
    {
        var operatorPage = await servers.SignInAsync(servers.Nginx, "operator@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga/ubah");
        await operatorPage.GetByLabel("Telepon").FillAsync("0274-999000");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala");
        var requestUrl = operatorPage.Url;

        // SIGKILL: no shutdown, no goodbye to the browser.
        var victim = await servers.InstanceOfAsync(operatorPage);
        Process.GetProcessById(servers.ProcessId(victim)).Kill();

        // The circuit is gone with its server: the page says so and offers a reload, which lands on the other server.
        var ended = operatorPage.Locator(".reconnect-rejected-text");
        await Expect(ended).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(ended).ToContainTextAsync("Sesi Anda telah berakhir di server.");
        await ended.GetByRole(AriaRole.Link, new() { Name = "Muat ulang halaman" }).ClickAsync();
        await Expect(operatorPage).ToHaveURLAsync(requestUrl);
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala"); // committed, not lost
        Assert.DoesNotContain("/Account/Login", operatorPage.Url); // still signed in: the cookie holds on the other server
        Assert.NotEqual(victim, await servers.InstanceOfAsync(operatorPage));

        // The head's notice of the request went out once, whichever server sent it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = servers.CreateContext();
            if (!await db.Set<OutboxMessage>().AnyAsync(m => m.Status == OutboxStatus.Pending) || DateTime.UtcNow > deadline) break;
            await Task.Delay(250);
        }
        var toHead = servers.Smtp.ReadMessages().Where(m => m.To.Contains("kepala@min1sleman.sch.id")).ToList();
        Assert.Single(toHead);
    }
}
