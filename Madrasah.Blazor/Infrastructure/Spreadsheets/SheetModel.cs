using System.Globalization;

namespace Madrasah.Blazor.Infrastructure.Spreadsheets;

/// <summary>
/// One cell as the file holds it. <see cref="Text"/> is the text shown to the user (for an .xlsx number: the number as
/// stored, e.g. "3.2010123456789E+15"); <see cref="WasNumber"/> tells an .xlsx numeric cell from a text cell, so an
/// identifier typed into a number cell (where Excel keeps only 15 significant digits) can be refused rather than
/// stored rounded. <see cref="IsDate"/>: a numeric cell formatted as a date (its number is Excel's day serial).
/// </summary>
public readonly record struct SheetCell(string Text, bool WasNumber = false, bool IsDate = false)
{
    public static readonly SheetCell Empty = new("");

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-M-d", "yyyy/M/d"];

    /// <summary>
    /// A date written as text (dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd) or an .xlsx date cell. Month
    /// names and two-digit years are not guessed.
    /// </summary>
    public bool TryReadDate(out DateOnly date)
    {
        date = default;
        var text = Text.Trim();
        if (WasNumber)
        {
            // Excel's serial day number (the 1900 date system): only whole days within a sane range.
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 1 || serial > 2958465) return false;
            if (serial != Math.Floor(serial) && !IsDate) return false;
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            return true;
        }
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

/// <summary>A data row with the line the user sees it on: the spreadsheet's row number, or the CSV line it starts on.</summary>
public sealed record SheetRow(int Line, IReadOnlyList<SheetCell> Cells)
{
    public SheetCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : SheetCell.Empty;

    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>
/// What a file held: the header row's texts and the data rows (blank rows skipped), or, when the file could not be
/// read at all, <see cref="Error"/>: an Indonesian message naming the file.
/// </summary>
public sealed record SheetTable(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows, string? Error = null)
{
    public static SheetTable Failed(string error) => new([], [], error);

    /// <summary>The column whose header matches one of <paramref name="names"/> (case, spaces and punctuation ignored), or -1.</summary>
    public int ColumnOf(params string[] names)
    {
        var wanted = names.Select(HeaderKey).ToHashSet();
        for (var i = 0; i < Headers.Count; i++)
            if (wanted.Contains(HeaderKey(Headers[i]))) return i;
        return -1;
    }

    public static string HeaderKey(string header) =>
        new string(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>Bounds of one read: a file over them is refused with a message, not read further.</summary>
public sealed record SheetLimits(long MaxBytes, int MaxRows, int MaxColumns = 50)
{
    public static readonly SheetLimits Default = new(5 * 1024 * 1024, 20_000);

    /// <summary>What a file over <see cref="MaxBytes"/> is told, before it is read.</summary>
    public string TooLargeMessage(string fileName) => $"File {fileName} terlalu besar: paling besar {Uploads.UploadRule.SizeText(MaxBytes)}.";
}
