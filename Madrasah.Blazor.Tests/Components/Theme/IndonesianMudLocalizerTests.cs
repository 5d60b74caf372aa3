using System.Collections;
using System.Globalization;
using System.Resources;
using Bunit;
using Madrasah.Blazor.Components.Shared;
using Madrasah.Blazor.Components.Theme;
using Madrasah.Blazor.Tests.Infrastructure;
using MudBlazor;

namespace Madrasah.Blazor.Tests.Components.Theme;

public sealed class IndonesianMudLocalizerTests : ComponentTestContext
{
    [Fact]
    public void Every_text_MudBlazor_ships_has_an_Indonesian_translation()
    {
        var english = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(IndonesianMudLocalizer.Texts.Keys));
        // A translation that merely repeats the English text (other than symbols such as ">=") was forgotten.
        Assert.Empty(english.Where(e => e.Value.Any(char.IsLetter) && e.Value != "Filter" && e.Value != "Operator"
                                         && IndonesianMudLocalizer.Texts[e.Key] == e.Value).Select(e => e.Key));
    }

    [Fact]
    public void A_pagination_speaks_Indonesian()
    {
        var pagination = Render<MudPagination>(p => p.Add(x => x.Count, 5).Add(x => x.ShowFirstButton, true).Add(x => x.ShowLastButton, true));

        Assert.Contains("Halaman pertama", pagination.Markup);
        Assert.Contains("Halaman berikutnya", pagination.Markup);
        Assert.DoesNotContain("Next page", pagination.Markup);
    }

    [Theory]
    [InlineData(Tone.Success, "status-success")]
    [InlineData(Tone.Waiting, "status-waiting")]
    [InlineData(Tone.Danger, "status-danger")]
    [InlineData(Tone.Neutral, "status-neutral")]
    public void A_status_chip_turns_its_tone_into_one_colour_class(Tone tone, string css)
    {
        var chip = Render<StatusChip>(p => p.Add(x => x.Tone, tone).Add(x => x.Text, "Diterapkan").Add(x => x.TestId, "status"));

        Assert.Contains(css, chip.Find("[data-testid=status]").ClassList);
        Assert.Equal("Diterapkan", chip.Find("[data-testid=status]").TextContent);
        Assert.Equal(chip.Markup.Trim(), ToneMarkup.Chip(tone, "Diterapkan", "status"));
    }
}
