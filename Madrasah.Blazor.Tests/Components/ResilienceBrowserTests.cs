using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>
/// The app as it runs in production (no developer pages, no stack traces), on its own process because the
/// last test stops the server.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class ResilienceBrowserTests(BrowserFixture fixture, ProductionAppFixture production)
    : IClassFixture<ProductionAppFixture>, IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private TestApp _app => production.App;

    private Task<IPage> NewPageAsync() => fixture.NewPageAsync(_app);

    [Fact]
    public async Task An_unhandled_error_shows_a_reference_and_no_stack_trace()
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync("/_uji/galat");
        Assert.Equal(500, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Terjadi kesalahan" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("error-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-F]{8}$"));
        var html = await page.ContentAsync();
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("Failure probe", html);
        Assert.DoesNotContain(" at Madrasah.", html);

        // The log entry of that exception is found by the reference the user reads out.
        var reference = (await page.GetByTestId("error-reference").TextContentAsync())!.ToLowerInvariant();
        var entry = JsonLines(_app.Log).Single(e => e.GetRawText().Contains("Failure probe") && e.GetRawText().Contains(reference));
        Assert.Equal("Error", entry.GetProperty("LogLevel").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Log_lines_are_JSON_with_ISO_8601_UTC_timestamps_also_inside_requests()
    {
        // A request runs with the id-ID culture (time separator "."): its log lines must still carry "HH:mm:ss".
        var page = await NewPageAsync();
        await BrowserFixture.SignInOnPageAsync(page, "operator@min1sleman.sch.id");

        var entries = JsonLines(_app.Log).ToList();
        Assert.NotEmpty(entries);
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Madrasah.Blazor.Infrastructure.Identity.SignInService");
        foreach (var entry in entries)
        {
            var timestamp = entry.GetProperty("Timestamp").GetString()!;
            Assert.True(DateTime.TryParseExact(timestamp, "yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal, out _), $"Not ISO 8601: {timestamp}");
        }
        await page.Context.CloseAsync();
    }

    /// <summary>The JSON console's entries (one JSON object per line).</summary>
    private static IEnumerable<System.Text.Json.JsonElement> JsonLines(string log) =>
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
           .Where(l => l.StartsWith('{'))
           .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement);

    [Fact]
    public async Task An_error_inside_a_page_keeps_the_layout_and_shows_a_reference()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInOnPageAsync(page, "operator@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(page, "/_uji/galat-interaktif");
        await page.GetByRole(AriaRole.Button, new() { Name = "Picu galat" }).ClickAsync();

        await Expect(page.GetByTestId("error-notice")).ToContainTextAsync("Terjadi kesalahan");
        await Expect(page.GetByTestId("error-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-F]{8}$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Beranda" })).ToBeVisibleAsync();
        Assert.DoesNotContain("InvalidOperationException", await page.ContentAsync());
        var reference = await page.GetByTestId("error-reference").TextContentAsync();
        Assert.Contains(reference!, _app.Log); // the log carries the same reference with the exception
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Developer_pages_do_not_exist_outside_Development()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInOnPageAsync(page, "admin@madrasah.demo.id");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kotak Surat (Pengembangan)" })).ToHaveCountAsync(0);
        var mailbox = await page.GotoAsync("/dev/surat");
        Assert.Equal(404, mailbox!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Halaman tidak ditemukan" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mail-list")).ToHaveCountAsync(0);

        // Signed out as well: the same 404 (in Development a visitor is sent to the sign-in form).
        var visitor = await NewPageAsync();
        Assert.Equal(404, (await visitor.GotoAsync("/dev/surat"))!.Status);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Halaman tidak ditemukan" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dropped_connection_shows_the_Indonesian_reconnect_notice()
    {
        await using var app = await ProductionAppFixture.StartAsync(); // this test stops its server
        var page = await fixture.NewPageAsync(app);
        await BrowserFixture.SignInOnPageAsync(page, "kepala@min1sleman.sch.id");
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        await app.StopServerAsync();

        await Expect(page.GetByText("Koneksi ke server terputus")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "reconnect-notice");
        await page.Context.CloseAsync();
    }
}

/// <summary>One app in the Production environment (demo data forced on, the failure probe enabled).</summary>
public sealed class ProductionAppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public static Task<TestApp> StartAsync() => TestApp.StartAsync(new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__SeedDemoData"] = "true",
        ["Diagnostics__FailureProbe"] = "true",
        ["Logging__LogLevel__Madrasah"] = "Information", // the app's own lines, e.g. a sign-in inside a request
    });

    public async ValueTask InitializeAsync() => App = await StartAsync();
    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
