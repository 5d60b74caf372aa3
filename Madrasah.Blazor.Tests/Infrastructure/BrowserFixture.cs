using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>One running app and one headless Debian Chromium shared by the browser tests of a collection.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(Playwright);
    }

    /// <summary>
    /// How long a step (an action or an expectation) may wait for the page, in ms. A passing step waits only until it
    /// holds; the limit is reached by a failing one, or on a 2-core machine shared by two browser collections, the
    /// PostgreSQL pass and other work, where 15 s once ran out for a search that answers in well under a second alone.
    /// </summary>
    public const int StepTimeout = 30_000;

    /// <summary>Debian's headless Chromium as every browser test uses it.</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MADRASAH_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=id-ID"],
        });
        Assertions.SetDefaultExpectTimeout(StepTimeout);
        return browser;
    }

    /// <summary>
    /// A fresh browser context (own cookies: one user) with a desktop-sized page, on the shared app or on <paramref name="app"/>,
    /// set up like the users' browsers: Indonesian locale (date inputs show dd/mm/yyyy) and the WIB time zone.
    /// </summary>
    public Task<IPage> NewPageAsync(TestApp? app = null) => NewPageAsync(Browser, (app ?? App).BaseUrl);

    /// <summary>
    /// As <see cref="NewPageAsync(TestApp?)"/>, on any browser and address (e.g. a proxy in front of several apps, or a test
    /// app's HTTPS address with its self-signed certificate: <paramref name="ignoreHttpsErrors"/>).
    /// </summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, string baseUrl, bool ignoreHttpsErrors = false)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            IgnoreHTTPSErrors = ignoreHttpsErrors,
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        context.SetDefaultTimeout(StepTimeout);
        context.Console += (_, message) => Record(message.Page, $"{message.Type}: {message.Text}");
        context.WebError += (_, error) => Record(error.Page, $"uncaught: {error.Error}");
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The latest lines each page wrote to its console (Blazor's connection notices, script errors), kept with a failure's
    /// evidence: a press that had no effect can then be told from a dropped connection.
    /// </summary>
    private static readonly ConditionalWeakTable<IPage, Queue<string>> ConsoleLines = new();

    private static void Record(IPage? page, string line)
    {
        if (page is null) return;
        var lines = ConsoleLines.GetOrCreateValue(page);
        lock (lines)
        {
            if (lines.Count == 300) lines.Dequeue();
            lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        }
    }

    /// <summary>Signs in through the real sign-in page and waits for the dashboard.</summary>
    public async Task<IPage> SignInAsync(string email, string password = DemoPassword)
    {
        var page = await NewPageAsync();
        await SignInOnPageAsync(page, email, password);
        return page;
    }

    public static async Task SignInOnPageAsync(IPage page, string email, string password = DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard")).ToBeVisibleAsync();
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// The development mailbox (/dev/surat) on the shared app or on <paramref name="app"/>, read as the system
    /// administrator: in Development only they may open it (where a tester reads a registering head's email).
    /// </summary>
    public async Task<IPage> OpenMailboxAsync(TestApp? app = null)
    {
        var page = await NewPageAsync(app);
        await SignInOnPageAsync(page, "admin@madrasah.demo.id");
        await OpenAsync(page, "/dev/surat");
        return page;
    }

    /// <summary>Opens a page of the app and waits until its circuit is connected (clicks before that are lost).</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// Waits until blazor.web.js has set up a file input (its change listener, one JS call after the circuit renders
    /// the input): a file chosen before that is lost. A user never chooses one that fast; a test straight after
    /// <see cref="OpenAsync"/> can.
    /// </summary>
    public static Task WaitForFileInputAsync(ILocator input) => Assertions.Expect(input).ToHaveJSPropertyAsync("_blazorInputFileNextFileId", 0);

    /// <summary>The layout marks itself once the interactive circuit has rendered it.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator(".app-shell[data-interactive='true']")).ToHaveCountAsync(1);

    /// <summary>Saves a full-page PNG when MADRASAH_SCREENSHOTS names a folder: for looking at pages, never asserted.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("MADRASAH_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public const string DemoPassword = Madrasah.Blazor.Data.DemoData.Password;

    /// <summary>
    /// Closes every page (browser context) still open in this collection's Chromium; each browser test class calls it as
    /// a test ends (its DisposeAsync). A collection's tests run one after another, so whatever is open is the ended test's.
    /// A page left open keeps its circuit, and once a class's own app has stopped it keeps retrying with its spinning
    /// notice, drawn in software: six such pages took a sixth of the machine's CPU for the rest of a run.
    /// </summary>
    public async ValueTask CloseContextsAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed) await KeepFailureEvidenceAsync(Browser);
        foreach (var context in Browser.Contexts.ToList()) await context.CloseAsync();
    }

    /// <summary>
    /// After a failed test: what each open page showed (screenshot, markup, address, console) and the log of each app they were on,
    /// in a folder of its own, named on the error output. A failure seen once under load can then be read afterwards.
    /// </summary>
    public static async Task KeepFailureEvidenceAsync(IBrowser browser)
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "test";
        var name = new string(test.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-').Take(120).ToArray());
        var folder = Path.Combine(Path.GetTempPath(), "madrasah-test-failures", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{name}");
        Directory.CreateDirectory(folder);
        var apps = new HashSet<TestApp>();
        var number = 0;
        foreach (var page in browser.Contexts.SelectMany(context => context.Pages).ToList())
        {
            number++;
            if (TestApp.Serving(page.Url) is { } app) apps.Add(app);
            try
            {
                if (ConsoleLines.TryGetValue(page, out var lines))
                    lock (lines) File.WriteAllLines(Path.Combine(folder, $"page{number}-console.txt"), lines);
                await File.WriteAllTextAsync(Path.Combine(folder, $"page{number}.html"), $"<!-- {page.Url} -->\n" + await page.ContentAsync());
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"page{number}.png"), FullPage = true, Timeout = 10_000 });
            }
            catch (PlaywrightException) { } // a page that no longer answers: what was written stays
        }
        foreach (var app in apps) await File.WriteAllTextAsync(Path.Combine(folder, $"app-{new Uri(app.BaseUrl).Port}.log"), app.Log);
        TestContext.Current.TestOutputHelper?.WriteLine($"The pages and app logs of this failure are kept in {folder}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

/// <summary>
/// The browser tests run in two collections beside each other, each with an app and a Chromium of its own (a collection's
/// tests run one after another; one collection of all of them was the longest path of the whole run). A class whose tests
/// change what the others count on starts an app of its own in either.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<Hosting.SecureProductionApp>
{
    public const string Name = "Browser";
}

/// <summary>The second browser collection (see <see cref="BrowserCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser 2";
}
