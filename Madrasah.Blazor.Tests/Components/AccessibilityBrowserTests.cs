using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA rules) on every page each role reaches from its menu, and on the sign-in page:
/// a serious or critical violation fails, listed with its page, rule and elements. The pages are taken from the
/// rendered menu, so a page added to a role's menu is checked without touching this test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task The_sign_in_page_has_no_serious_violations()
    {
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        await CheckAsync(page, "/Account/Login", problems, interactive: false);
        await page.Context.CloseAsync();
        Report(output, problems);
    }

    [Theory]
    [InlineData("operator@min1sleman.sch.id")]
    [InlineData("kepala@min1sleman.sch.id")]
    [InlineData("admin@kemenagsleman.go.id")]
    [InlineData("nur.hidayah@guru.demo.id")]
    [InlineData("kepegawaian@min1sleman.sch.id")]
    [InlineData("helpdesk@madrasah.demo.id")]
    [InlineData("admin@madrasah.demo.id")]
    [InlineData("operator@alhikmah.ponpes.id")]
    public async Task Every_page_in_the_roles_menu_has_no_serious_violations(string email)
    {
        var page = await fixture.SignInAsync(email);
        var hrefs = (await page.Locator("nav#app-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Distinct().ToList();
        Assert.NotEmpty(hrefs);

        var problems = new List<string>();
        foreach (var href in hrefs) await CheckAsync(page, href, problems, interactive: true);
        await page.Context.CloseAsync();
        Report(output, problems, $"{email}: {hrefs.Count} pages ({string.Join(", ", hrefs)})");
    }

    /// <summary>Opens <paramref name="path"/> and adds its serious or critical violations to <paramref name="problems"/> (feature tests check pages outside the menus with it).</summary>
    internal static async Task CheckAsync(IPage page, string path, List<string> problems, bool interactive)
    {
        var response = await page.GotoAsync(path);
        if (response?.Status is not 200)
        {
            problems.Add($"{path}: answered HTTP {response?.Status}");
            return;
        }
        if (interactive) await BrowserFixture.WaitForInteractiveAsync(page);
        await CheckShownAsync(page, path, problems);
    }

    /// <summary>Checks the page as it is now (a dialog or a drop-down open), its problems named after <paramref name="what"/>.</summary>
    internal static async Task CheckShownAsync(IPage page, string what, List<string> problems)
    {
        var result = await page.RunAxe(Wcag21AA);
        foreach (var violation in result.Violations.Where(v => Blocking.Contains(v.Impact)))
        foreach (var node in violation.Nodes)
        {
            var why = string.Join(" ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Distinct());
            problems.Add($"{what}: {violation.Id} ({violation.Impact}) at {node.Target}: {why}");
        }
    }

    internal static void Report(ITestOutputHelper output, List<string> problems, string? checkedPages = null)
    {
        if (checkedPages is not null) output.WriteLine(checkedPages);
        foreach (var problem in problems) output.WriteLine(problem);
        Assert.True(problems.Count == 0, $"{problems.Count} serious or critical accessibility problems:\n" + string.Join("\n", problems));
    }
}
