using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Madrasah.Blazor.Infrastructure.Spreadsheets;

/// <summary>
/// Reads an uploaded table, .xlsx (first worksheet) or CSV (comma, semicolon or tab; UTF-8 with or without BOM, else
/// Latin-1), into <see cref="SheetTable"/>. The kind is told by content, not by the file name. The first non-blank
/// row is the header. Never throws for a bad file: it says what is wrong in <see cref="SheetTable.Error"/>.
/// </summary>
public static class SheetReader
{
    static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static async Task<SheetTable> ReadAsync(Stream upload, string fileName, SheetLimits limits, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadBoundedAsync(upload, limits.MaxBytes, cancellationToken);
        if (bytes is null) return SheetTable.Failed(limits.TooLargeMessage(fileName));
        return Read(bytes, fileName, limits);
    }

    public static SheetTable Read(byte[] bytes, string fileName, SheetLimits limits)
    {
        if (bytes.Length == 0) return SheetTable.Failed($"File {fileName} kosong.");
        if (bytes.Length > limits.MaxBytes) return SheetTable.Failed(limits.TooLargeMessage(fileName));
        if (StartsWith(bytes, [0x50, 0x4B, 0x03, 0x04])) return ReadXlsx(bytes, fileName, limits);
        if (StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0]))
            return SheetTable.Failed($"File {fileName} berformat Excel lama (.xls). Simpan sebagai .xlsx (Excel Workbook) atau CSV, lalu unggah lagi.");
        if (Array.IndexOf(bytes, (byte)0) >= 0) return SheetTable.Failed($"File {fileName} bukan file .xlsx atau CSV.");
        return ReadCsv(Decode(bytes), limits);
    }

    static async Task<byte[]?> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    static bool StartsWith(byte[] bytes, byte[] prefix) => bytes.AsSpan().StartsWith(prefix);

    /// <summary>
    /// Excel's plain "CSV" on an Indonesian Windows is in its ANSI code page, windows-1252: Latin-1 plus the typographic
    /// quotes, dashes and € in 0x80–0x9F, which Latin-1 would read as invisible control characters ("Jum’at").
    /// </summary>
    static readonly Encoding WindowsAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span); }
        catch (DecoderFallbackException) { return WindowsAnsi.GetString(span); }
    }

    // ---- CSV (RFC 4180: quoted fields may hold separators, quotes doubled, and line breaks) ----

    static SheetTable ReadCsv(string text, SheetLimits limits)
    {
        var separator = DetectSeparator(text);
        var headers = (IReadOnlyList<string>?)null;
        var rows = new List<SheetRow>();
        var fields = new List<SheetCell>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldWasQuoted = false;

        SheetTable? EndRecord()
        {
            fields.Add(new SheetCell(fieldWasQuoted ? field.ToString() : field.ToString().Trim()));
            field.Clear();
            fieldWasQuoted = false;
            if (fields.Count > limits.MaxColumns)
                return SheetTable.Failed($"Baris {recordLine}: lebih dari {limits.MaxColumns} kolom. Periksa pemisah kolom (koma atau titik koma).");
            var row = new SheetRow(recordLine, fields.ToArray());
            fields.Clear();
            if (row.IsBlank) return null;
            if (headers is null) headers = row.Cells.Select(c => c.Text.Trim()).ToArray();
            else
            {
                rows.Add(row);
                if (rows.Count > limits.MaxRows) return TooManyRows(limits);
            }
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.ToString().Trim().Length == 0) { quoted = true; fieldWasQuoted = true; field.Clear(); }
            else if (c == separator)
            {
                fields.Add(new SheetCell(fieldWasQuoted ? field.ToString() : field.ToString().Trim()));
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (EndRecord() is { } failed) return failed;
                line++;
                recordLine = line;
            }
            else field.Append(c);
        }
        if (quoted) return SheetTable.Failed($"Baris {recordLine}: tanda petik (\") tidak ditutup.");
        if (field.Length > 0 || fields.Count > 0)
            if (EndRecord() is { } failed) return failed;
        return headers is null ? SheetTable.Failed("File tidak berisi data: baris judul kolom tidak ditemukan.") : new SheetTable(headers, rows);
    }

    /// <summary>The separator the header line uses most (outside quotes): Excel in Indonesian settings writes ";".</summary>
    static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    static SheetTable TooManyRows(SheetLimits limits) =>
        SheetTable.Failed($"File berisi lebih dari {limits.MaxRows.ToString("N0", Indonesian)} baris data. Bagi menjadi beberapa file.");

    // ---- .xlsx (Open XML SDK, the worksheet read as a stream of rows) ----

    static SheetTable ReadXlsx(byte[] bytes, string fileName, SheetLimits limits)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var firstSheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || firstSheet?.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart sheetPart)
                return SheetTable.Failed($"File {fileName} tidak berisi lembar kerja (worksheet).");
            var sharedStrings = ReadSharedStrings(workbook, limits);
            var dateStyles = ReadDateStyles(workbook);

            IReadOnlyList<string>? headers = null;
            var rows = new List<SheetRow>();
            using var reader = OpenXmlReader.Create(sheetPart);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var line = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
                var cells = new List<SheetCell>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    if (column >= limits.MaxColumns) continue; // columns far to the right are not part of the layout
                    while (cells.Count < column) cells.Add(SheetCell.Empty);
                    cells.Add(ReadCell(cell, sharedStrings, dateStyles));
                }
                var sheetRow = new SheetRow(line, cells);
                if (sheetRow.IsBlank) continue;
                if (headers is null) { headers = cells.Select(c => c.Text.Trim()).ToArray(); continue; }
                rows.Add(sheetRow);
                if (rows.Count > limits.MaxRows) return TooManyRows(limits);
            }
            return headers is null ? SheetTable.Failed($"File {fileName} tidak berisi data: baris judul kolom tidak ditemukan.") : new SheetTable(headers, rows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FormatException)
        {
            return SheetTable.Failed($"File {fileName} tidak dapat dibaca sebagai .xlsx. Buka di Excel dan simpan ulang sebagai Excel Workbook (.xlsx).");
        }
    }

    static SheetCell ReadCell(Cell cell, IReadOnlyList<string> sharedStrings, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return new(int.TryParse(value, out var index) && index >= 0 && index < sharedStrings.Count ? sharedStrings[index] : "");
        if (type == CellValues.InlineString) return new(cell.InlineString?.InnerText ?? "");
        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error) return new(value);
        if (value.Length == 0) return SheetCell.Empty;
        var isDate = type == CellValues.Date || (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style));
        return new(value, WasNumber: true, IsDate: isDate);
    }

    static List<string> ReadSharedStrings(WorkbookPart workbook, SheetLimits limits)
    {
        var list = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return list;
        // Bounded: a file of at most MaxBytes cannot need more strings than cells it could hold.
        var max = Math.Max(limits.MaxRows, 1) * limits.MaxColumns + 1;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read() && list.Count < max)
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                list.Add(reader.LoadCurrentElement()!.InnerText);
        return list;
    }

    /// <summary>Style indexes whose number format shows a date (built-in 14–22, 45–47, or a custom code with d/m/y).</summary>
    static HashSet<uint> ReadDateStyles(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var customDates = (stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            .Where(f => f.NumberFormatId?.Value is not null && IsDateCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet();
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    static bool IsDateCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        // Quoted literals and [colour]/[locale] parts do not count.
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "").ToLowerInvariant();
        return plain.Contains('d') || plain.Contains('y') || (plain.Contains('m') && !plain.Contains('h') && !plain.Contains('s'));
    }

    /// <summary>"C12" → 2 (zero-based column of a cell reference).</summary>
    public static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
            if (column > 16384) return 16384;
        }
        return Math.Max(column - 1, 0);
    }
}
