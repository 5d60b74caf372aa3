using Madrasah.Blazor.Components.Theme;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace Madrasah.Blazor.Tests.Components.Theme;

/// <summary>The theme provider App.razor renders with each page: no JavaScript when a static render ends.</summary>
public sealed class StaticThemeProviderTests : ComponentTestContext
{
    private const string StopWatching = "mudThemeProvider.stopWatchingDarkMode";

    [Fact]
    public async Task Rendered_statically_it_writes_the_theme_and_calls_no_JavaScript_when_disposed()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var provider = Render<StaticThemeProvider>(p => p.Add(x => x.Theme, MadrasahTheme.Instance));
        Assert.Contains("--mud-palette-primary", provider.Markup);

        await DisposeComponentsAsync();

        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == StopWatching);
    }

    [Fact]
    public async Task In_a_circuit_it_still_stops_watching_the_dark_mode_when_disposed()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<StaticThemeProvider>(p => p.Add(x => x.Theme, MadrasahTheme.Instance));

        await DisposeComponentsAsync();

        Assert.Contains(JSInterop.Invocations, i => i.Identifier == StopWatching);
    }
}
