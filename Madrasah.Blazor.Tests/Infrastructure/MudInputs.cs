using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// Working MudBlazor inputs in bUnit as a user does: the <c>data-testid</c> of a MudTextField, MudSelect or
/// MudAutocomplete lands on its &lt;input&gt;; a select's options open in the popover provider
/// (<see cref="ComponentTestContext.RenderMudProviders"/>).
/// </summary>
public static class MudInputs
{
    /// <summary>
    /// The input of the field whose data-testid is <paramref name="testId"/> (a MudSelect of a non-text value shows its
    /// value in a &lt;div&gt; that carries the data-testid).
    /// </summary>
    public static IElement Field<T>(this IRenderedComponent<T> cut, string testId) where T : IComponent =>
        cut.Find($"[data-testid='{testId}']");

    /// <summary>Types <paramref name="text"/> into a field that commits as it is typed, then leaves it.</summary>
    public static void Type(this IElement input, string text)
    {
        input.Input(text);
        input.Blur();
    }

    /// <summary>What the field shows: an input's value, or the text of a select's value.</summary>
    public static string Shown(this IElement field) => field is IHtmlInputElement input ? input.Value : field.TextContent.Trim();

    /// <summary>The input whose label reads <paramref name="label"/> (as a user finds a field).</summary>
    public static IElement Labelled<T>(this IRenderedComponent<T> cut, string label) where T : IComponent =>
        cut.FindAll("label[for]").Where(l => l.TextContent.Trim() == label)
            .Select(l => cut.Find($"input[id='{l.GetAttribute("for")}']")).Single();

    /// <summary>The message (error or helper text) shown under the field, "" when none.</summary>
    public static string MessageOf<T>(this IRenderedComponent<T> cut, string testId) where T : IComponent => cut.Field(testId).Message();

    /// <summary>The validation message shown under this input, "" when none.</summary>
    public static string Message(this IElement input) =>
        input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    /// <summary>Opens the select <paramref name="testId"/> and clicks the option <paramref name="option"/>.</summary>
    public static void Choose<T>(this IRenderedComponent<T> cut, IRenderedComponent<MudProvidersForTests> providers,
        string testId, string option) where T : IComponent
    {
        cut.Field(testId).Closest(".mud-input-control")!.MouseDown();
        providers.WaitForAssertion(() => Assert.Contains(providers.FindAll("[role=option]"), o => o.TextContent.Trim() == option));
        providers.FindAll("[role=option]").First(o => o.TextContent.Trim() == option).Click();
        cut.WaitForAssertion(() => Assert.Equal(option, cut.Field(testId).Shown()));
    }

    /// <summary>Types <paramref name="text"/> into the autocomplete <paramref name="testId"/> and clicks the suggestion <paramref name="option"/>.</summary>
    public static void Suggest<T>(this IRenderedComponent<T> cut, IRenderedComponent<MudProvidersForTests> providers,
        string testId, string text, string option) where T : IComponent
    {
        cut.Field(testId).Input(text);
        providers.WaitForAssertion(() => Assert.Contains(providers.FindAll(".mud-popover-open [role=option]"), o => o.TextContent.Trim() == option));
        providers.FindAll(".mud-popover-open [role=option]").First(o => o.TextContent.Trim() == option).Click();
        cut.WaitForAssertion(() => Assert.Equal(option, cut.Field(testId).Shown()));
    }
}
