using MudBlazor;

namespace Madrasah.Blazor.Components.Theme;

/// <summary>
/// MudBlazor's theme provider as <c>App.razor</c> renders it: statically, once with each page, outside every circuit,
/// for the theme's CSS variables. The stock provider, when disposed, calls JavaScript to stop watching the system's
/// dark mode; a static render cannot call JavaScript, so every page served threw (and MudBlazor swallowed) that call's
/// exception. Rendered statically, it never watched anything, so there is nothing to stop.
/// </summary>
public sealed class StaticThemeProvider : MudThemeProvider
{
    protected override ValueTask DisposeAsyncCore() => RendererInfo.IsInteractive ? base.DisposeAsyncCore() : ValueTask.CompletedTask;
}
