using System.Text.RegularExpressions;
using Madrasah.Blazor.Infrastructure.Spreadsheets;

namespace Madrasah.Blazor.Features.PontrenSync;

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

    /// <summary>"Unduh template (.xlsx)": the santri columns, NIK and NISN formatted as text, notes on a second sheet.</summary>
    public static byte[] SantriTemplate() => XlsxTemplate.Write("Santri",
    [
        new(SantriColumns[0], IsText: true, Width: 20, Note: "16 digit angka sesuai KK. Kolom ini berformat Teks: ketik atau tempel apa adanya, jangan diubah menjadi angka."),
        new(SantriColumns[1], IsText: true, Width: 14, Note: "10 digit angka; kosongkan bila santri belum memiliki NISN."),
        new(SantriColumns[2], Width: 30, Note: "Nama lengkap sesuai akta kelahiran."),
        new(SantriColumns[3], Width: 20, Note: "L untuk laki-laki, P untuk perempuan."),
        new(SantriColumns[4], Width: 18),
        new(SantriColumns[5], IsText: true, Width: 26, Note: "Tulis dd-mm-yyyy, mis. 17-08-2010 (sel tanggal Excel juga diterima)."),
        new(SantriColumns[6], Width: 14, Note: "Jenjang/tingkat, mis. Ula, Wustha, Ulya atau Kelas 1."),
    ], [],
    [
        "Isi data santri mulai baris 2 lembar \"Santri\"; jangan mengubah judul kolom di baris 1.",
        $"Paling banyak {MaxRows:N0} santri dan {MaxBytesText} per berkas. Santri yang NIK-nya sudah ada di daftar akan diperbarui.".Replace(",", "."),
        "Bila satu baris salah, tidak ada data yang disimpan: perbaiki baris yang disebut, lalu impor lagi.",
        "Contoh baris: 3404075003120001 | 0121234567 | Siti Maimunah | P | Sleman | 10-03-2012 | Wustha",
    ]);

    public static readonly SheetLimits Limits = new(MaxBytes, MaxRows);

    /// <summary>
    /// Reads the upload with the shared reader (.xlsx or CSV, told by content; size and row limits), or says why not.
    /// </summary>
    public static SheetTable Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv" or ".txt" or ".xls"))
            return SheetTable.Failed($"File {fileName} harus berformat .xlsx atau .csv (template santri atau ekspor Simpeg).");
        return SheetReader.Read(content, fileName, Limits);
    }

    /// <summary>
    /// The header's columns by the key of each expected column (the header's text before any parenthesis, case, spaces
    /// and punctuation ignored), or the message naming what is missing.
    /// </summary>
    public static (Dictionary<string, int>? Columns, string? Error) MapHeader(IReadOnlyList<string> headers, IReadOnlyList<string> expected)
    {
        var found = new Dictionary<string, int>();
        for (var c = 0; c < headers.Count; c++)
        {
            var key = Key(headers[c]);
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
        return (null, $"Judul kolom (baris pertama): kolom {string.Join(", ", missing.Select(m => $"\"{Label(m)}\""))} tidak ditemukan. " +
                      $"Baris pertama berkas harus memuat judul kolom: {string.Join(", ", expected)}. Unduh template untuk susunan yang benar.");
    }

    /// <summary>"Tanggal Lahir (dd-mm-yyyy)" → "tanggallahir".</summary>
    public static string Key(string column) => SheetTable.HeaderKey(Label(column));

    /// <summary>"Tanggal Lahir (dd-mm-yyyy)" → "Tanggal Lahir".</summary>
    public static string Label(string column)
    {
        var text = column.Trim().TrimStart('\uFEFF');
        var paren = text.IndexOf('(');
        return paren > 0 ? text[..paren].Trim() : text;
    }

    public static SheetCell CellOf(SheetRow row, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(Key(column), out var index) ? row[index] with { Text = row[index].Text.Trim() } : SheetCell.Empty;

    /// <summary>
    /// A NIK (16 digits) or NIP (18) as the file gives it: refused when the cell is a number (Excel keeps 15 digits, so
    /// the last ones were already lost) or written like one ("3.2E+15"); otherwise its digits (spaces allowed).
    /// </summary>
    public static (string Value, string? Error) Identifier(SheetCell cell, string field, int digits)
    {
        var text = cell.Text.Trim();
        if (text.Length == 0) return ("", null);
        if (Scientific().IsMatch(text))
            return ("", $"{field} \"{text}\" tertulis sebagai angka Excel (notasi ilmiah) sehingga digit terakhirnya hilang. " +
                        $"Format kolom {field} sebagai Teks (atau pakai template), ketik ulang {field} lengkap {digits} digit, lalu impor lagi.");
        if (cell.WasNumber)
            return ("", $"{field} {text} tersimpan sebagai angka di Excel, bukan teks: Excel hanya menyimpan 15 digit sehingga {field} {digits} digit bisa berubah. " +
                        $"Format kolom {field} sebagai Teks (atau pakai template), ketik ulang {field}, lalu impor lagi.");
        return (DataEntryRules.NormalizeNumber(text.TrimStart('\'')), null);
    }

    /// <summary>NISN: 10 digits; a number cell keeps them unless a leading zero was dropped.</summary>
    public static (string? Value, string? Error) Nisn(SheetCell cell)
    {
        var text = cell.Text.Trim().TrimStart('\'');
        if (text.Length == 0) return (null, null);
        if (Scientific().IsMatch(text))
            return (null, $"NISN \"{text}\" tertulis sebagai angka Excel (notasi ilmiah). Format kolom NISN sebagai Teks, ketik ulang, lalu impor lagi.");
        var digits = DataEntryRules.NormalizeNumber(text);
        if (cell.WasNumber && digits.Length < 10 && digits.All(char.IsAsciiDigit))
            return (null, $"NISN {text} tersimpan sebagai angka di Excel sehingga angka 0 di depannya hilang. Format kolom NISN sebagai Teks, ketik ulang, lalu impor lagi.");
        return (digits, null);
    }

    public static (Sex? Value, string? Error) SexOf(SheetCell cell, string field = "Jenis kelamin")
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

    /// <summary>A date as dd-mm-yyyy (also with / or .), yyyy-mm-dd, or an .xlsx date cell.</summary>
    public static (DateOnly? Value, string? Error) DateOf(SheetCell cell, string field)
    {
        var text = cell.Text.Trim();
        if (text.Length == 0) return (null, null);
        if (cell.TryReadDate(out var date)) return (date, null);
        return (null, $"{field} \"{text}\" tidak dapat dibaca: tulis sebagai dd-mm-yyyy, mis. 17-08-2010.");
    }

    [GeneratedRegex(@"^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$")] private static partial Regex Scientific();
}
