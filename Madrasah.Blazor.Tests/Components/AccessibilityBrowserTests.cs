using Deque.AxeCore.Commons;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA rules) as every browser test runs it: a serious or critical violation fails, listed
/// with its page, rule and elements. Here on the sign-in page, and on a page made to fail (the check can fail);
/// <see cref="MenuPagesBrowserTests"/> checks every menu page of every role, feature tests the pages and dialogs
/// no menu lists.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    // axe-core as the Deque package bundles it, run in the page by hand: the package's RunAxe injects the script and
    // carries every result back through JSON each time (3–6 s a page here); running axe once injected and returning
    // only the serious and critical violations takes 0.2–0.4 s, and checks the same WCAG 2.0/2.1 A and AA rules.
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    private const string RunAxe = """
        async () => {
          // A popover or dialog still fading in has its text half transparent: check what the user ends up seeing.
          await Promise.all(document.getAnimations()
            .filter(a => a.effect?.getTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => {})));
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .flatMap(v => v.nodes.map(n => ({
              rule: v.id, impact: v.impact, target: JSON.stringify(n.target),
              why: [...new Set([...(n.any || []), ...(n.all || []), ...(n.none || [])].map(c => c.message))].join(' '),
            })));
        }
        """;

    private sealed class Violation
    {
        public string Rule { get; set; } = "";
        public string Impact { get; set; } = "";
        public string Target { get; set; } = "";
        public string Why { get; set; } = "";
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_violations()
    {
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        await CheckAsync(page, "/Account/Login", problems, interactive: false);
        await page.Context.CloseAsync();
        Report(output, problems);
    }

    [Fact]
    public async Task The_check_finds_a_serious_violation_when_there_is_one()
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync("<html lang='id'><head><title>Uji</title></head><body><main><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><button></button></main></body></html>");
        var problems = new List<string>();
        await CheckShownAsync(page, "uji", problems);
        await page.Context.CloseAsync();

        Assert.Contains(problems, p => p.StartsWith("uji: image-alt (critical)"));
        Assert.Contains(problems, p => p.StartsWith("uji: button-name (critical)"));
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
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource);
        foreach (var v in await page.EvaluateAsync<Violation[]>(RunAxe))
            problems.Add($"{what}: {v.Rule} ({v.Impact}) at {v.Target}: {v.Why}");
    }

    internal static void Report(ITestOutputHelper output, List<string> problems, string? checkedPages = null)
    {
        if (checkedPages is not null) output.WriteLine(checkedPages);
        foreach (var problem in problems) output.WriteLine(problem);
        Assert.True(problems.Count == 0, $"{problems.Count} serious or critical accessibility problems:\n" + string.Join("\n", problems));
    }
}
