using Madrasah.Blazor.Infrastructure.Pdf;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

public class MadrasahFontResolverTests
{
    [Fact]
    public void Finds_DejaVu_Sans_in_the_OS_folders()
    {
        var resolver = PdfTestKit.OsFonts();

        Assert.Equal("DejaVu Sans", resolver.ResolvedFamily);
        Assert.EndsWith("DejaVuSans.ttf", resolver.RegularFontPath);
        foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var info = resolver.ResolveTypeface("DejaVu Sans", bold, italic)!;
            Assert.NotNull(resolver.GetFont(info.FaceName));
            Assert.False(info.MustSimulateBold || info.MustSimulateItalic);
        }
    }

    [Fact]
    public void The_configured_folder_comes_first_and_missing_faces_are_simulated()
    {
        var folder = Directory.CreateTempSubdirectory("madrasah-fonts-").FullName;
        try
        {
            File.Copy(PdfTestKit.OsFonts().RegularFontPath, Path.Combine(folder, "DejaVuSans.ttf"));

            var resolver = new MadrasahFontResolver([folder, .. MadrasahFontResolver.OsFolders]);
            Assert.Equal(Path.Combine(folder, "DejaVuSans.ttf"), resolver.RegularFontPath);

            var onlyConfigured = new MadrasahFontResolver([folder]);
            var bold = onlyConfigured.ResolveTypeface("DejaVu Sans", bold: true, italic: false)!;
            Assert.True(bold.MustSimulateBold);
            Assert.NotNull(onlyConfigured.GetFont(bold.FaceName));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void Without_any_font_it_fails_naming_the_folders_and_the_fix()
    {
        var configured = Directory.CreateTempSubdirectory("madrasah-nofonts-").FullName;
        var missing = Path.Combine(configured, "does-not-exist");
        try
        {
            var error = Assert.Throws<PdfFontsNotFoundException>(() => new MadrasahFontResolver([configured, missing]));

            Assert.Contains(configured, error.Message);
            Assert.Contains(missing, error.Message);
            Assert.Contains("apt-get install -y fonts-dejavu-core", error.Message);
            Assert.Contains("Pdf:FontFolder", error.Message);
        }
        finally { Directory.Delete(configured, recursive: true); }
    }
}
