using Microsoft.AspNetCore.RateLimiting;
using PdfSharp.Fonts;

namespace Madrasah.Blazor.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Receipts as PDF: the font resolver (looked up now, so a machine without fonts fails at start-up with
    /// <see cref="PdfFontsNotFoundException"/>), the writer, numbering, the receipt service, and the rate limit of the
    /// public verification page (used by <c>app.UseRateLimiter()</c>).
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
        services.Configure<ReceiptVerificationOptions>(configuration.GetSection(ReceiptVerificationOptions.Section));
        services.AddRateLimiter(o => o.AddPolicy<string, VerificationRateLimitPolicy>(VerificationRateLimitPolicy.Name));
        return services;
    }
}
