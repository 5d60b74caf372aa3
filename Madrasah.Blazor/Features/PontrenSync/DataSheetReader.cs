using System.Text;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>
/// Reads an uploaded .xlsx or CSV into <see cref="DataLine"/>s for the imports: the size limit first, then the kind
/// by content (an .xlsx is a zip), a CSV with its separator (; or ,) found from the header line and an optional
/// UTF-8 BOM. Messages are Indonesian and name the file.
/// </summary>
public static class DataSheetReader
{
    public static (List<DataLine>? Lines, string? Error) Read(string fileName, byte[] content)
    {
        if (content.Length == 0) return (null, $"Berkas \"{fileName}\" kosong.");
        if (content.Length > DataImportRules.MaxBytes)
            return (null, $"Berkas \"{fileName}\" terlalu besar ({content.Length / 1024.0 / 1024.0:0.0} MB): paling besar {DataImportRules.MaxBytesText}. Bagi menjadi beberapa berkas.");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length > 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4;
        if (extension == ".xlsx" || isZip)
        {
            if (!isZip) return (null, $"Berkas \"{fileName}\" bukan berkas Excel (.xlsx) yang sah. Simpan ulang dari Excel sebagai .xlsx atau CSV.");
            return ReadXlsx(fileName, content);
        }
        if (extension is ".xls") return (null, $"Berkas \"{fileName}\" berformat Excel lama (.xls). Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV.");
        if (extension is not (".csv" or ".txt")) return (null, $"Berkas \"{fileName}\" harus berformat .xlsx atau .csv.");
        return ReadCsv(fileName, content);
    }

    private static (List<DataLine>? Lines, string? Error) ReadXlsx(string fileName, byte[] content) =>
        (null, $"Berkas \"{fileName}\": impor .xlsx belum tersedia; simpan sebagai CSV lalu impor lagi.");

    public static (List<DataLine>? Lines, string? Error) ReadCsv(string fileName, byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            // Excel's "CSV (dipisahkan koma)" on Windows writes the ANSI code page.
            text = Encoding.Latin1.GetString(content);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0')) return (null, $"Berkas \"{fileName}\" bukan berkas teks CSV.");
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') && firstLine.Contains(';') ? ';'
            : firstLine.Contains('\t') && !firstLine.Contains(',') ? '\t' : ',';
        var lines = new List<DataLine>();
        var cells = new List<DataCell>();
        var cell = new StringBuilder();
        var line = 1;
        var lineStart = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == separator) { cells.Add(new(cell.ToString())); cell.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                cells.Add(new(cell.ToString()));
                cell.Clear();
                lines.Add(new(lineStart, cells));
                cells = [];
                line++;
                lineStart = line;
                if (lines.Count > DataImportRules.MaxRows + 1) return (null, TooManyRows(fileName));
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(new(cell.ToString()));
            lines.Add(new(lineStart, cells));
        }
        if (lines.Count > DataImportRules.MaxRows + 1) return (null, TooManyRows(fileName));
        return (lines, null);
    }

    public static string TooManyRows(string fileName) =>
        $"Berkas \"{fileName}\" memuat lebih dari {DataImportRules.MaxRows:N0} baris data: bagi menjadi beberapa berkas.".Replace(",", ".");
}
