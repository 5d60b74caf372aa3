namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>Addresses of a receipt: the public verification URL (in the QR code) and the signed-in download path.</summary>
public sealed class ReceiptLinks(string publicBaseUrl)
{
    public const string DefaultPublicBaseUrl = "http://localhost:5080";

    /// <summary>From "App:PublicBaseUrl", the address people outside the office use to reach the app.</summary>
    public static ReceiptLinks FromConfiguration(IConfiguration configuration) =>
        new(configuration["App:PublicBaseUrl"] is { Length: > 0 } url ? url : DefaultPublicBaseUrl);

    public string PublicBaseUrl { get; } = publicBaseUrl.TrimEnd('/');

    public string VerificationUrl(string number) => $"{PublicBaseUrl}/verifikasi/{Uri.EscapeDataString(number)}";

    /// <summary>"/bukti/BPL-2026-000001.pdf", shown inline; with <paramref name="download"/> as an attachment.</summary>
    public static string PdfPath(string number, bool download = false) =>
        $"/bukti/{Uri.EscapeDataString(number)}.pdf" + (download ? "?unduh=1" : "");

    public static string FileName(string number) => $"{number}.pdf";

    /// <summary>The form people type numbers in: trimmed, upper case.</summary>
    public static string Normalize(string number) => number.Trim().ToUpperInvariant();
}
