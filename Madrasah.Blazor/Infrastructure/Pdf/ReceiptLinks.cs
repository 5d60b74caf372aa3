using Madrasah.Blazor.Infrastructure;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>Addresses of a receipt: the public verification URL (in the QR code) and the signed-in download path.</summary>
public sealed class ReceiptLinks(PublicLinks links)
{
    /// <summary>The query parameter of the verification code: /verifikasi/{number}?kode={code}.</summary>
    public const string CodeParameter = "kode";

    /// <summary>The public page where a number and its code are typed in.</summary>
    public string VerificationPageUrl => links.Absolute(VerificationPath);

    /// <summary>What the QR code carries: the receipt's own verification address, with its code.</summary>
    public string VerificationUrl(string number, string code) =>
        links.Absolute($"{VerificationPath}/{Uri.EscapeDataString(number)}?{CodeParameter}={Uri.EscapeDataString(code)}");

    public const string VerificationPath = "/verifikasi";

    /// <summary>"/bukti/BPL-2026-000001.pdf", shown inline; with <paramref name="download"/> as an attachment.</summary>
    public static string PdfPath(string number, bool download = false) =>
        $"/bukti/{Uri.EscapeDataString(number)}.pdf" + (download ? "?unduh=1" : "");

    public static string FileName(string number) => $"{number}.pdf";

    /// <summary>The form people type numbers in: trimmed, upper case.</summary>
    public static string Normalize(string number) => number.Trim().ToUpperInvariant();
}
