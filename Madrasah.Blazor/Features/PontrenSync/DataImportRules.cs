using System.Globalization;
using System.Text.RegularExpressions;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>One cell of an imported sheet: its text, and whether an .xlsx stored it as a number (a CSV never does).</summary>
public readonly record struct DataCell(string Text, bool IsNumber = false);

/// <summary>One line of an imported sheet with its line number as the operator sees it in Excel or a text editor.</summary>
public sealed record DataLine(int Line, IReadOnlyList<DataCell> Cells);

/// <summary>A refused line (0 for the whole file), the field (column) and the Indonesian reason naming it.</summary>
public sealed record ImportProblem(int Line, string Field, string Message);

public enum ImportKind { Santri, Simpeg }

/// <summary>
/// What an import did. <see cref="Saved"/> false means nothing of it was stored (santri: one bad line refuses the
/// whole file). For Simpeg, good lines are applied and <see cref="Problems"/> lists the refused ones.
/// </summary>
public sealed record ImportReport(bool Saved, int Added, int Updated, int Unchanged, List<ImportProblem> Problems, int Lines)
{
    public static ImportReport FileRefused(string message) => new(false, 0, 0, 0, [new(0, "Berkas", message)], 0);
    public int RefusedLines => Problems.Select(p => p.Line).Where(l => l > 0).Distinct().Count();
}

/// <summary>
/// The column layouts of the two imports and the rules that turn a line's cells into values: identifiers kept as
/// typed digits (never a number Excel rounded), sex as L/P, dates as dd-mm-yyyy or an Excel date.
/// </summary>
public static partial class DataImportRules
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const string MaxBytesText = "5 MB";

    /// <summary>The santri import's columns, in the template's order.</summary>
    public static readonly IReadOnlyList<string> SantriColumns =
        ["NIK", "NISN", "Nama Lengkap", "Jenis Kelamin (L/P)", "Tempat Lahir", "Tanggal Lahir (dd-mm-yyyy)", "Jenjang"];

    /// <summary>The Simpeg export's columns.</summary>
    public static readonly IReadOnlyList<string> SimpegColumns =
        ["NIP", "NIK", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Jabatan", "Status", "TMT"];

    /// <summary>
    /// The header line's columns by the key of each expected column (the header's text before any parenthesis, case
    /// and spaces ignored), or the message naming what is missing.
    /// </summary>
    public static (Dictionary<string, int>? Columns, string? Error) MapHeader(DataLine header, IReadOnlyList<string> expected)
    {
        var found = new Dictionary<string, int>();
        for (var c = 0; c < header.Cells.Count; c++)
        {
            var key = Key(header.Cells[c].Text);
            if (key.Length > 0) found.TryAdd(key, c);
        }
        var columns = new Dictionary<string, int>();
        var missing = new List<string>();
        foreach (var column in expected)
        {
            var key = Key(column);
            if (found.TryGetValue(key, out var index)) columns[key] = index;
            else missing.Add(column);
        }
        if (missing.Count == 0) return (columns, null);
        return (null, $"Baris {header.Line} (judul kolom): kolom {string.Join(", ", missing.Select(m => $"\"{Key(m, keepCase: true)}\""))} tidak ditemukan. " +
                      $"Baris pertama berkas harus memuat judul kolom: {string.Join(", ", expected)}. Unduh template untuk susunan yang benar.");
    }

    /// <summary>"Tanggal Lahir (dd-mm-yyyy)" → "tanggal lahir".</summary>
    public static string Key(string column, bool keepCase = false)
    {
        var text = column.Trim().TrimStart('\uFEFF');
        var paren = text.IndexOf('(');
        if (paren > 0) text = text[..paren];
        text = MultipleSpaces().Replace(text.Trim(), " ");
        return keepCase ? text : text.ToLowerInvariant();
    }

    public static DataCell CellOf(DataLine line, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(Key(column), out var index) && index < line.Cells.Count ? line.Cells[index] with { Text = line.Cells[index].Text.Trim() } : new DataCell("");

    public static bool IsBlank(DataLine line) => line.Cells.All(c => string.IsNullOrWhiteSpace(c.Text));

    /// <summary>
    /// A NIK (16 digits) or NIP (18) as the file gives it: refused when the cell is a number (Excel keeps 15 digits, so
    /// the last ones were already lost) or written like one ("3.2E+15"); otherwise its digits (spaces allowed).
    /// </summary>
    public static (string Value, string? Error) Identifier(DataCell cell, string field, int digits)
    {
        var text = cell.Text.Trim();
        if (text.Length == 0) return ("", null);
        if (Scientific().IsMatch(text))
            return ("", $"{field} \"{text}\" tertulis sebagai angka Excel (notasi ilmiah) sehingga digit terakhirnya hilang. " +
                        $"Format kolom {field} sebagai Teks (atau pakai template), ketik ulang {field} lengkap {digits} digit, lalu impor lagi.");
        if (cell.IsNumber)
            return ("", $"{field} {text} tersimpan sebagai angka di Excel, bukan teks: Excel hanya menyimpan 15 digit sehingga {field} {digits} digit bisa berubah. " +
                        $"Format kolom {field} sebagai Teks (atau pakai template), ketik ulang {field}, lalu impor lagi.");
        return (DataEntryRules.NormalizeNumber(text.TrimStart('\'')), null);
    }

    /// <summary>NISN: 10 digits; a number cell keeps them unless a leading zero was dropped.</summary>
    public static (string? Value, string? Error) Nisn(DataCell cell)
    {
        var text = cell.Text.Trim().TrimStart('\'');
        if (text.Length == 0) return (null, null);
        if (Scientific().IsMatch(text))
            return (null, $"NISN \"{text}\" tertulis sebagai angka Excel (notasi ilmiah). Format kolom NISN sebagai Teks, ketik ulang, lalu impor lagi.");
        var digits = DataEntryRules.NormalizeNumber(text);
        if (cell.IsNumber && digits.Length < 10 && digits.All(char.IsAsciiDigit))
            return (null, $"NISN {text} tersimpan sebagai angka di Excel sehingga angka 0 di depannya hilang. Format kolom NISN sebagai Teks, ketik ulang, lalu impor lagi.");
        return (digits, null);
    }

    public static (Sex? Value, string? Error) SexOf(DataCell cell, string field = "Jenis kelamin")
    {
        var text = cell.Text.Trim().ToUpperInvariant();
        return text switch
        {
            "" => (null, null),
            "L" or "LAKI-LAKI" or "LAKI LAKI" or "LK" or "PRIA" => (Sex.L, null),
            "P" or "PEREMPUAN" or "PR" or "WANITA" => (Sex.P, null),
            _ => (null, $"{field} \"{cell.Text.Trim()}\" tidak dikenal: isi L (laki-laki) atau P (perempuan)."),
        };
    }

    private static readonly string[] DateFormats = ["dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>A date as dd-mm-yyyy (also with / or .), yyyy-mm-dd, or an Excel date (a day number, as a date cell is stored).</summary>
    public static (DateOnly? Value, string? Error) DateOf(DataCell cell, string field)
    {
        var text = cell.Text.Trim();
        if (text.Length == 0) return (null, null);
        // An .xlsx date cell may come with a time ("2010-05-17 00:00:00" or "17-05-2010 0:00").
        var datePart = text.Split(' ', 2)[0];
        if (DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return (date, null);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466 && !text.Contains('-'))
        {
            try { return (DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))), null); }
            catch (ArgumentException) { }
        }
        return (null, $"{field} \"{text}\" tidak dapat dibaca: tulis sebagai dd-mm-yyyy, mis. 17-08-2010.");
    }

    [GeneratedRegex(@"^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$")] private static partial Regex Scientific();
    [GeneratedRegex(@"\s+")] private static partial Regex MultipleSpaces();
}
