using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Madrasah.Blazor.Infrastructure.Spreadsheets;

/// <summary>A column of a downloadable template. <see cref="IsText"/>: formatted as text ("@") for the whole column,
/// so Excel keeps a 16-digit NIK as typed instead of rounding it or showing 3.2E+15.</summary>
public sealed record TemplateColumn(string Header, bool IsText = false, double Width = 18, string? Note = null);

/// <summary>
/// Writes an .xlsx template: a bold header row, the given example rows (as text cells), text-formatted columns where
/// asked, and an "Petunjuk" sheet with one line per column note. The file the users fill in and send back.
/// </summary>
public static class XlsxTemplate
{
    const uint HeaderStyle = 1;
    const uint TextStyle = 2;

    public static byte[] Write(string sheetName, IReadOnlyList<TemplateColumn> columns, IEnumerable<IReadOnlyList<string>> exampleRows, IEnumerable<string>? instructions = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var data = workbook.AddNewPart<WorksheetPart>();
            var cols = new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true,
                Style = c.IsText ? TextStyle : null,
            }));
            var rows = new SheetData();
            rows.Append(TextRow(1, columns.Select(c => c.Header).ToList(), HeaderStyle, columns));
            uint line = 2;
            foreach (var example in exampleRows) rows.Append(TextRow(line++, example, null, columns));
            data.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                cols, rows);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = sheetName });

            var notes = (instructions ?? []).Concat(columns.Where(c => c.Note is not null).Select(c => $"{c.Header}: {c.Note}")).ToList();
            if (notes.Count > 0)
            {
                var help = workbook.AddNewPart<WorksheetPart>();
                var helpRows = new SheetData();
                uint n = 1;
                foreach (var note in notes) helpRows.Append(TextRow(n++, [note], null, null));
                help.Worksheet = new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 110, CustomWidth = true }), helpRows);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(help), SheetId = 2, Name = "Petunjuk" });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    static Row TextRow(uint index, IReadOnlyList<string> values, uint? style, IReadOnlyList<TemplateColumn>? columns)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var cellStyle = style ?? (columns is not null && i < columns.Count && columns[i].IsText ? TextStyle : null);
            row.Append(new Cell
            {
                CellReference = ColumnName(i) + index, DataType = CellValues.InlineString, StyleIndex = cellStyle,
                InlineString = new InlineString(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true, NumberFormatId = 49, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true })); // 49 = "@" (text)
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
