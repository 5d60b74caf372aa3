using Madrasah.Blazor.Infrastructure;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>Addresses of a receipt: the public verification URL (in the QR code) and the signed-in download path.</summary>
public sealed class ReceiptLinks(PublicLinks links)
{
    public string VerificationUrl(string number) => links.Absolute($"/verifikasi/{Uri.EscapeDataString(number)}");

    /// <summary>"/bukti/BPL-2026-000001.pdf", shown inline; with <paramref name="download"/> as an attachment.</summary>
    public static string PdfPath(string number, bool download = false) =>
        $"/bukti/{Uri.EscapeDataString(number)}.pdf" + (download ? "?unduh=1" : "");

    public static string FileName(string number) => $"{number}.pdf";

    /// <summary>The form people type numbers in: trimmed, upper case.</summary>
    public static string Normalize(string number) => number.Trim().ToUpperInvariant();
}
