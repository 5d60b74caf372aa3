using PdfSharp.Fonts;

namespace Madrasah.Blazor.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Receipts as PDF: the font resolver (looked up now, so a machine without fonts fails at start-up with
    /// <see cref="PdfFontsNotFoundException"/>), the writer, numbering and the receipt service.
    /// </summary>
    public static IServiceCollection AddPdf(this IServiceCollection services, IConfiguration configuration)
    {
        var fonts = MadrasahFontResolver.FromConfiguration(configuration);
        services.AddSingleton(fonts);
        services.AddSingleton<IFontResolver>(fonts);
        services.AddPublicLinks(configuration);
        services.AddSingleton<ReceiptLinks>();
        services.AddSingleton<PdfReceiptWriter>();
        services.AddSingleton<ReceiptNumberGenerator>();
        services.AddSingleton<ReceiptService>();
        return services;
    }
}
