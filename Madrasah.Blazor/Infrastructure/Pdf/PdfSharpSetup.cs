using PdfSharp;
using PdfSharp.Fonts;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's process-wide settings, made once: the AGPL licence (without it every new PdfDocument throws)
/// and the font resolver (PDFsharp accepts only one per process).
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
            PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = resolver;
            _installed = resolver;
            return resolver;
        }
    }
}
