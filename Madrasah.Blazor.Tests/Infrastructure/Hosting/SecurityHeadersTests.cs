using System.Net;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Tests.Features.SignIn;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>
/// The app as configured for production (demo data and the failure probe switched on), over HTTPS with a self-signed
/// certificate: one for the browser collection, shared by the header tests and the policy's browser tests (neither
/// changes what the other reads).
/// </summary>
public sealed class SecureProductionApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await TestApp.StartAsync(new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__SeedDemoData"] = "true",
        ["Diagnostics__FailureProbe"] = "true",
    }, https: true);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Transport and headers outside Development, as a browser (or a scanner) sees them on the wire: plain HTTP is sent
/// to HTTPS, HTTPS answers carry HSTS, every answer (page, static file, download, error and not-found pages) carries
/// nosniff, a Referrer-Policy and a Permissions-Policy and no Server header, pages carry the Content-Security-Policy,
/// every cookie is Secure, and a circuit's WebSocket is not compressed.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed partial class SecurityHeadersTests(SecureProductionApp production)
{
    /// <summary>A name, not 127.0.0.1: HSTS is never sent to loopback names (a developer's machine would remember it).</summary>
    private const string Host = "madrasah.uji.example";

    private TestApp App => production.App;

    private PlainHttpClient NewHttpsClient() => new(App.HttpsUrl!, acceptAnyCertificate: true, host: Host);

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : "";

    private static void AssertCommonHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options is \"{Header(response, "X-Content-Type-Options")}\"");
        Assert.True(Header(response, "Referrer-Policy") == "same-origin", $"{what}: Referrer-Policy is \"{Header(response, "Referrer-Policy")}\"");
        var permissions = Header(response, "Permissions-Policy");
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
            Assert.True(permissions.Contains(feature), $"{what}: Permissions-Policy \"{permissions}\" lacks {feature}");
        Assert.False(response.Headers.Contains("Server"), $"{what}: Server header {Header(response, "Server")}");
        var hsts = Header(response, "Strict-Transport-Security");
        Assert.True(hsts.StartsWith("max-age=", StringComparison.Ordinal) && int.Parse(hsts["max-age=".Length..].Split(';')[0]) >= 31_536_000,
            $"{what}: Strict-Transport-Security is \"{hsts}\"");
    }

    /// <summary>The page's policy, directive by directive; its script nonce matches the one inline script (the import map).</summary>
    private static Dictionary<string, string[]> AssertPagePolicy(HttpResponseMessage response, string html, string what)
    {
        var policy = Header(response, "Content-Security-Policy");
        Assert.False(string.IsNullOrEmpty(policy), $"{what}: no Content-Security-Policy");
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'self'", "data:"], directives["img-src"]);
        Assert.Equal(["'self'"], directives["font-src"]);
        Assert.Contains("'self'", directives["connect-src"]);
        Assert.Contains($"wss://{Host}", directives["connect-src"]);
        Assert.Contains("'self'", directives["style-src"]);
        var scripts = directives["script-src"];
        Assert.Equal("'self'", scripts[0]);
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.All(scripts.Skip(1), s => Assert.Matches("^'nonce-[A-Za-z0-9+/_-]{22,}={0,2}'$", s)); // at least 128 bits
        foreach (Match inline in InlineScript().Matches(html))
            Assert.True(scripts.Contains($"'nonce-{WebUtility.HtmlDecode(inline.Groups["nonce"].Value)}'"), $"{what}: inline script without the policy's nonce: {inline.Value}");
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)(?![^>]*\\bnonce=)[^>]*>", html);
        Assert.DoesNotContain("javascript:", html); // links that run script are inline script too
        return directives;
    }

    [GeneratedRegex("<script[^>]*\\bnonce=\"(?<nonce>[^\"]+)\"[^>]*>")]
    private static partial Regex InlineScript();

    [Fact]
    public async Task Pages_static_files_downloads_and_error_pages_carry_the_security_headers_over_HTTPS()
    {
        var receipt = await SessionTestKit.AddReceiptAsync(App, "MIN 1 Sleman");
        using var client = NewHttpsClient();

        var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var loginHtml = await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        AssertCommonHeaders(login, "sign-in page");
        AssertPagePolicy(login, loginHtml, "sign-in page");
        Assert.Contains("type=\"importmap\"", loginHtml); // the one inline script, allowed by its nonce

        // Two pages, two nonces.
        var again = await client.GetAsync("/Account/Login");
        Assert.NotEqual(Header(login, "Content-Security-Policy"), Header(again, "Content-Security-Policy"));

        var css = await client.GetAsync("/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        AssertCommonHeaders(css, "static file");

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("operator@min1sleman.sch.id")).StatusCode);
        var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        AssertCommonHeaders(dashboard, "dashboard");
        AssertPagePolicy(dashboard, await dashboard.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "dashboard");

        var pdf = await client.GetAsync($"/bukti/{receipt}.pdf?unduh=1");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        AssertCommonHeaders(pdf, "download");

        var error = await client.GetAsync("/_uji/galat");
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        AssertCommonHeaders(error, "error page");
        AssertPagePolicy(error, await error.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "error page");

        var notFound = await client.GetAsync("/tidak-ada-halaman-ini");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        AssertCommonHeaders(notFound, "not-found page");
        AssertPagePolicy(notFound, await notFound.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "not-found page");

        // Antiforgery and sign-in cookies alike.
        Assert.Contains(client.SetCookieHeaders, h => h.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(client.SetCookieHeaders, h => h.StartsWith("Madrasah.Auth=", StringComparison.Ordinal));
        Assert.All(client.SetCookieHeaders, h => Assert.Contains("; secure", h, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_circuits_WebSocket_is_not_compressed_even_when_the_browser_offers_it()
    {
        // Every browser offers permessage-deflate; accepted, each open page would hold a compressor and a decompressor
        // on the server (about 250 KB) and compress every render batch (README, Performance).
        using var client = NewHttpsClient();
        var negotiation = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1"));
        Assert.Equal(HttpStatusCode.OK, negotiation.StatusCode);
        var token = System.Text.Json.JsonDocument.Parse(await negotiation.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new System.Net.WebSockets.WebSocketDeflateOptions(); // as a browser offers it
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true; // the test app's self-signed certificate

        await socket.ConnectAsync(new Uri($"{App.HttpsUrl!.Replace("https:", "wss:").TrimEnd('/')}/_blazor?id={token}"), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
        var extensions = socket.HttpResponseHeaders?.TryGetValue("Sec-WebSocket-Extensions", out var values) == true ? string.Join(", ", values) : "";
        Assert.DoesNotContain("permessage-deflate", extensions);
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_except_the_local_health_probe()
    {
        using var client = new PlainHttpClient(App.BaseUrl);
        var response = await client.GetAsync("/Account/Login?ReturnUrl=%2Flembaga");
        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.MovedPermanently,
            $"HTTP answered {(int)response.StatusCode}");
        Assert.Equal($"{App.HttpsUrl}/Account/Login?ReturnUrl=%2Flembaga", response.Headers.Location!.OriginalString);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Server"));

        // A local health probe still reads the health over plain HTTP.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}

/// <summary>
/// MudBlazor's popovers, dialogs and snackbars work in Chromium under the production Content-Security-Policy (every menu
/// page of every role is loaded under it by <see cref="Components.MenuPagesBrowserTests"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture fixture, SecureProductionApp production) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    internal sealed record Watched(IPage Page, System.Collections.Concurrent.ConcurrentQueue<string> Violations);

    /// <summary>A page on <paramref name="app"/>'s HTTPS address whose policy violations are collected as they happen.</summary>
    internal static async Task<Watched> NewWatchedPageAsync(IBrowser browser, TestApp app)
    {
        var page = await BrowserFixture.NewPageAsync(browser, app.HttpsUrl!, ignoreHttpsErrors: true);
        var violations = new System.Collections.Concurrent.ConcurrentQueue<string>(); // filled on Playwright's event thread
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Enqueue(message.Text);
        };
        // Violations the console might not show (reported ones, or those of frames): the page's own event.
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => "
            + "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        return new(page, violations);
    }

    [Fact]
    public async Task MudBlazor_popovers_dialogs_and_snackbars_work_under_the_policy()
    {
        var (page, violations) = await NewWatchedPageAsync(fixture.Browser, production.App);
        await BrowserFixture.SignInOnPageAsync(page, "admin@madrasah.demo.id");

        await page.GetByRole(AriaRole.Link, new() { Name = "Surat Keluar" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("Surat Keluar — Madrasah"); // the tab's title follows in-app navigation
        var address = $"csp.{Guid.NewGuid():N}@contoh.sch.id";
        await page.GetByTestId("test-address").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim Email Uji" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Email uji untuk {address} masuk antrean pengiriman.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Pengguna" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah Pengguna" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("Tambah Pengguna — Madrasah");
        await page.GetByTestId("new-user-role").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Operator / Staf Lembaga" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Operator / Staf Lembaga" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Pengguna" }).ClickAsync();
        var row = page.GetByTestId("users-table").Locator("tbody tr").Filter(new() { HasText = "operator@alhikmah.ponpes.id" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Nonaktifkan akun?" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        Assert.True(violations.IsEmpty, string.Join("\n", violations));

        // The watch does see a violation when there is one: an image from another site is refused.
        await page.EvaluateAsync("() => { const image = new Image(); image.src = 'https://gambar.contoh.invalid/x.png'; document.body.appendChild(image); }");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !violations.Any(v => v.Contains("img-src"))) await Task.Delay(100);
        Assert.Contains(violations, v => v.Contains("img-src"));
        await page.Context.CloseAsync();
    }
}
