using System.Text.RegularExpressions;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>
/// Every page each role reaches from its menu, visited as the user does (sign in, then click through the menu: in-app
/// navigation through the circuit) on the app as configured for production, over HTTPS: each page loads under the
/// production Content-Security-Policy without a single violation, keeps a live circuit, and has no serious or critical
/// axe-core violation (WCAG 2.0/2.1 A and AA). The pages are taken from the rendered menu, so a page added to a role's
/// menu is checked without touching this test. One visit serves both checks: the menus hold about 55 pages, and
/// visiting them twice (once per check, each page loaded in full) was the largest single cost of the browser tests.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class MenuPagesBrowserTests(BrowserFixture fixture, SecureProductionApp production, ITestOutputHelper output) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    [Theory]
    [InlineData("operator@min1sleman.sch.id")]
    [InlineData("kepala@min1sleman.sch.id")]
    [InlineData("admin@kemenagsleman.go.id")]
    [InlineData("nur.hidayah@guru.demo.id")]
    [InlineData("kepegawaian@min1sleman.sch.id")]
    [InlineData("helpdesk@madrasah.demo.id")]
    [InlineData("admin@madrasah.demo.id")]
    [InlineData("operator@alhikmah.ponpes.id")]
    public async Task Every_menu_page_of_a_role_loads_under_the_policy_with_a_live_circuit_and_no_serious_accessibility_violation(string email)
    {
        var (page, violations) = await ContentSecurityPolicyBrowserTests.NewWatchedPageAsync(fixture.Browser, production.App);
        var response = await page.GotoAsync("/Account/Login");
        Assert.Contains("script-src 'self' 'nonce-", await response!.HeaderValueAsync("content-security-policy") ?? "");
        await BrowserFixture.SignInOnPageAsync(page, email);
        Assert.StartsWith("https://", page.Url);

        var links = page.Locator("#app-nav a.app-nav-link");
        var hrefs = (await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Distinct().ToList();
        Assert.NotEmpty(hrefs);
        var problems = new List<string>();
        foreach (var href in hrefs)
        {
            if (href != new Uri(page.Url).AbsolutePath)
            {
                var title = await page.TitleAsync();
                await links.Filter(new() { Has = page.Locator($"xpath=self::*[@href='{href}']") }).First.ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + "$"));
                await Expect(page).Not.ToHaveTitleAsync(title); // the new page has rendered (each sets its own title)
            }
            await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
            await BrowserFixture.WaitForInteractiveAsync(page);
            await AccessibilityBrowserTests.CheckShownAsync(page, href, problems);
        }
        Assert.True(violations.IsEmpty, $"{email}: {string.Join("\n", violations)}");
        await page.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems, $"{email}: {hrefs.Count} pages ({string.Join(", ", hrefs)})");
    }
}
