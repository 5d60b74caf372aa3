using System.Diagnostics;
using Madrasah.Blazor.Infrastructure.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>The receipt services through the app's own AddPdf, plus poppler to read a PDF back.</summary>
internal static class PdfTestKit
{
    public static readonly ReceiptKind ProfileKind = new("test-profile", "BPL", "Bukti Profil Lembaga");

    public static MadrasahFontResolver OsFonts() => new(MadrasahFontResolver.OsFolders);

    /// <summary>The receipt services as <c>AddPdf</c> registers them over a fresh database, at <paramref name="clock"/> when given.</summary>
    public static AppServices App(TimeProvider? clock = null, Action<IServiceCollection, IConfiguration>? configure = null) =>
        new((services, configuration) =>
        {
            services.AddPdf(configuration);
            if (clock is not null) services.AddSingleton(clock);
            configure?.Invoke(services, configuration);
        });

    public static ReceiptService Receipts(this AppServices app) => app.Provider.GetRequiredService<ReceiptService>();

    /// <summary>The text of a PDF as poppler's pdftotext reads it (layout kept).</summary>
    public static string PdfToText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"receipt-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try { return Run("pdftotext", "-layout", path, "-"); }
        finally { File.Delete(path); }
    }

    /// <summary>The texts of the QR codes on the PDF's first page, rendered by poppler and read by zbar.</summary>
    public static IReadOnlyList<string> QrCodes(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("receipt-qr-").FullName;
        try
        {
            var path = Path.Combine(folder, "receipt.pdf");
            File.WriteAllBytes(path, pdf);
            Run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", path, Path.Combine(folder, "page"));
            return Run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", Path.Combine(folder, "page.png"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>The PDF's text with every run of whitespace as one space, for phrases that wrap.</summary>
    public static string PdfToFlatText(byte[] pdf) => string.Join(' ', PdfToText(pdf).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{fileName} failed: {error.Result}");
        return output.Result;
    }
}

/// <summary>A clock standing still at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
