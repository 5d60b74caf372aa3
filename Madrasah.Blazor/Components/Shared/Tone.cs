using System.Text.Encodings.Web;

namespace Madrasah.Blazor.Components.Shared;

/// <summary>
/// What a status means to the reader, without any component library's colour names: features map their statuses
/// to a tone, and <see cref="StatusChip"/> (or <see cref="Chip"/> for shared row markup) turns it into a colour.
/// </summary>
public enum Tone { Neutral, Waiting, Success, Danger, Info }

public static class ToneMarkup
{
    /// <summary>The CSS class of a tone's chip (app.css, on the theme's MudBlazor palette variables).</summary>
    public static string CssClass(Tone tone) => tone switch
    {
        Tone.Waiting => "status-chip status-waiting",
        Tone.Success => "status-chip status-success",
        Tone.Danger => "status-chip status-danger",
        Tone.Info => "status-chip status-info",
        _ => "status-chip status-neutral",
    };

    /// <summary>The chip as encoded markup, for rows rendered once and shared by every circuit.</summary>
    public static string Chip(Tone tone, string text, string testId) =>
        $"<span class=\"{CssClass(tone)}\" data-testid=\"{testId}\">{HtmlEncoder.Default.Encode(text)}</span>";
}
