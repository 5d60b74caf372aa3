using PdfSharp.Fonts;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's process-wide setting, made once: the font resolver (PDFsharp accepts only one per process).
/// PDFsharp 6.2.4 is MIT-licensed and needs no licence call.
/// </summary>
public static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static IFontResolver? _installed;

    /// <summary>Installs <paramref name="resolver"/> unless one is installed already; returns the one in use.</summary>
    public static IFontResolver Install(IFontResolver resolver)
    {
        lock (Gate)
        {
            if (_installed is not null) return _installed;
            GlobalFontSettings.FontResolver = resolver;
            _installed = resolver;
            return resolver;
        }
    }
}
