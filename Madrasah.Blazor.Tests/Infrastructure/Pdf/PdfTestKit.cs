using System.Diagnostics;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Pdf;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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

    /// <summary>The verification code printed on the PDF ("Kode verifikasi: 7K3M-…"), as printed.</summary>
    public static string PrintedCode(byte[] pdf)
    {
        var match = Regex.Match(PdfToFlatText(pdf), @"Kode verifikasi: (?<code>[0-9A-Z]{4}(?:-[0-9A-Z]{1,4})+)");
        Assert.True(match.Success, "No verification code printed on the receipt.");
        return match.Groups["code"].Value;
    }

    /// <summary>
    /// Fails when someone holds a write transaction meanwhile, e.g. one left open while a PDF is drawn. SQLite: a write
    /// by another connection that waits at most one second for the file ("database is locked"). PostgreSQL, whose
    /// writers do not block each other: any other client session of this database inside a transaction.
    /// </summary>
    public static async Task WriteMeanwhileAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            await using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
            await pg.OpenAsync();
            // Client sessions only: the server's autovacuum works on a fresh copy of the template now and then, inside a
            // transaction of its own.
            await using var open = new NpgsqlCommand(
                "SELECT coalesce(string_agg(state || ': ' || left(query, 200), ' | '), '') FROM pg_stat_activity " +
                "WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND backend_type = 'client backend'", pg);
            var sessions = (string)(await open.ExecuteScalarAsync())!;
            if (sessions.Length > 0) throw new InvalidOperationException($"A transaction open meanwhile: {sessions}");
            return;
        }
        var settings = new SqliteConnectionStringBuilder(database.ConnectionString) { DefaultTimeout = 1, Pooling = false };
        await using var connection = new SqliteConnection(settings.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; UPDATE \"Districts\" SET \"Name\" = \"Name\"; COMMIT;";
        await command.ExecuteNonQueryAsync();
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

/// <summary>A receipt writer that says when drawing begins and draws only once the test lets it (to look at what happens meanwhile).</summary>
internal sealed class GatedReceiptWriter() : PdfReceiptWriter(PdfTestKit.OsFonts())
{
    public TaskCompletionSource Drawing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override byte[] Write(ReceiptDocument receipt)
    {
        Drawing.TrySetResult();
        if (!Release.Task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("The test did not release the drawing.");
        return base.Write(receipt);
    }
}
