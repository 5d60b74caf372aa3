using System.Text.Json;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>BootstrapBlazor ships en/zh only: our id.json must translate every text it has.</summary>
public sealed class IndonesianLocaleTests
{
    private static JsonElement Load(System.Reflection.Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException("missing " + resource);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    [Fact]
    public void Every_BootstrapBlazor_text_has_an_Indonesian_translation()
    {
        var english = Load(typeof(BootstrapBlazor.Components.Button).Assembly, "BootstrapBlazor.Locales.en.json");
        var indonesian = Load(typeof(Program).Assembly, "Madrasah.Blazor.Locales.id.json");

        var missing = new List<string>();
        foreach (var component in english.EnumerateObject())
        {
            if (!indonesian.TryGetProperty(component.Name, out var translated)) { missing.Add(component.Name); continue; }
            foreach (var text in component.Value.EnumerateObject())
                if (!translated.TryGetProperty(text.Name, out var value) || value.ValueKind != text.Value.ValueKind)
                    missing.Add($"{component.Name}.{text.Name}");
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Common_texts_are_Indonesian()
    {
        var indonesian = Load(typeof(Program).Assembly, "Madrasah.Blazor.Locales.id.json");
        var table = indonesian.GetProperty("BootstrapBlazor.Components.Table");
        Assert.Equal("Tidak ada data", table.GetProperty("EmptyText").GetString());
    }
}
