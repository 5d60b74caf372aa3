using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Madrasah.Blazor.Infrastructure.Spreadsheets;

namespace Madrasah.Blazor.Tests.Infrastructure.Spreadsheets;

public class SheetReaderTests
{
    static readonly SheetLimits Limits = new(1024 * 1024, 100);

    [Fact]
    public void The_template_keeps_a_nik_as_text_and_reads_back_as_typed()
    {
        var bytes = XlsxTemplate.Write("Santri",
            [new("NIK", IsText: true, Note: "16 digit"), new("Nama Lengkap"), new("Tanggal Lahir")],
            [["3404011203100001", "Ahmad Fauzi", "12-03-2010"]], ["Isi mulai baris 2."]);

        var table = SheetReader.Read(bytes, "template.xlsx", Limits);

        Assert.Null(table.Error);
        Assert.Equal(["NIK", "Nama Lengkap", "Tanggal Lahir"], table.Headers);
        var row = Assert.Single(table.Rows);
        Assert.Equal(2, row.Line);
        Assert.Equal("3404011203100001", row[0].Text);
        Assert.False(row[0].WasNumber);
        Assert.True(row[2].TryReadDate(out var birth));
        Assert.Equal(new DateOnly(2010, 3, 12), birth);

        // The NIK column is formatted as text ("@", format 49) for the cells the user will type in, not just the example.
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.Descendants<Column>().Any());
        var nikColumn = sheet.Worksheet.Descendants<Column>().First();
        var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.Equal(49u, formats[(int)nikColumn.Style!.Value].NumberFormatId!.Value);
        Assert.Contains(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>(), s => s.Name == "Petunjuk");
    }

    [Fact]
    public void A_nik_typed_into_a_number_cell_is_marked_as_a_number_with_its_stored_text()
    {
        var bytes = Workbook(
            (1, [Text("NIK"), Text("Nama")]),
            (2, [Number("3.40401120310000E+15"), Text("Ahmad")]),
            (4, [Number("3404011203100001"), Text("Budi")]));

        var table = SheetReader.Read(bytes, "santri.xlsx", Limits);

        Assert.Null(table.Error);
        Assert.Equal([2, 4], table.Rows.Select(r => r.Line));
        Assert.True(table.Rows[0][0].WasNumber);
        Assert.Equal("3.40401120310000E+15", table.Rows[0][0].Text);
        Assert.True(table.Rows[1][0].WasNumber);
        Assert.Equal("Budi", table.Rows[1][1].Text);
    }

    [Fact]
    public void A_date_cell_reads_as_its_date_and_missing_cells_keep_their_columns()
    {
        var bytes = Workbook(
            (1, [Text("Nama"), Text("Kosong"), Text("Tanggal Lahir")]),
            (2, [Text("Ahmad"), null, Number("40249", dateStyle: true)]));

        var row = Assert.Single(SheetReader.Read(bytes, "santri.xlsx", Limits).Rows);

        Assert.True(row[1].IsBlank);
        Assert.True(row[2].IsDate);
        Assert.True(row[2].TryReadDate(out var date));
        Assert.Equal(new DateOnly(2010, 3, 12), date);
    }

    [Fact]
    public void A_csv_from_indonesian_excel_uses_semicolons_a_bom_and_quoted_line_breaks()
    {
        var csv = "\uFEFFNIK;Nama Lengkap;Alamat\r\n3404011203100001;Ahmad Fauzi;\"Jl. Kaliurang; km 5\r\nSleman\"\r\n\r\n3404015507110002;\"Siti \"\"Ais\"\"\";Depok\r\n";

        var table = SheetReader.Read(Encoding.UTF8.GetBytes(csv), "santri.csv", Limits);

        Assert.Null(table.Error);
        Assert.Equal(["NIK", "Nama Lengkap", "Alamat"], table.Headers);
        Assert.Equal([2, 5], table.Rows.Select(r => r.Line));
        Assert.Equal("Jl. Kaliurang; km 5\r\nSleman", table.Rows[0][2].Text);
        Assert.Equal("Siti \"Ais\"", table.Rows[1][1].Text);
        Assert.False(table.Rows[0][0].WasNumber);
        Assert.Equal(1, table.ColumnOf("nama lengkap", "nama"));
    }

    [Fact]
    public void A_csv_saved_by_excel_on_windows_keeps_its_letters_quotes_and_dashes()
    {
        // Windows' ANSI code page (1252): é is 0xE9 as in Latin-1; ’ is 0x92 and – is 0x96, control characters in Latin-1.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("NIK,Nama,Alamat\n3404011203100001,Andr"), 0xE9, .. Encoding.ASCII.GetBytes(",Jl. Jum"),
            0x92, .. Encoding.ASCII.GetBytes("at 5 "), 0x96, .. Encoding.ASCII.GetBytes(" Sleman\n")];
        var table = SheetReader.Read(bytes, "santri.csv", Limits);

        var row = Assert.Single(table.Rows);
        Assert.Equal("Andr\u00e9", row[1].Text);
        Assert.Equal("Jl. Jum\u2019at 5 \u2013 Sleman", row[2].Text);
    }

    [Theory]
    [InlineData("old-xls", "Excel lama (.xls)")]
    [InlineData("png", "bukan file .xlsx atau CSV")]
    [InlineData("empty", "kosong")]
    [InlineData("broken-zip", "tidak dapat dibaca sebagai .xlsx")]
    [InlineData("open-quote", "tanda petik")]
    public void A_file_that_cannot_be_read_says_why(string kind, string expected)
    {
        var bytes = kind switch
        {
            "old-xls" => new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 },
            "png" => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 },
            "empty" => [],
            "broken-zip" => new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8 },
            _ => Encoding.UTF8.GetBytes("NIK,Nama\n3404011203100001,\"Ahmad\n"),
        };

        var table = SheetReader.Read(bytes, "santri.xlsx", Limits);

        Assert.Contains(expected, table.Error);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public async Task Files_over_the_limits_are_refused_without_reading_them_whole()
    {
        var rows = string.Concat(Enumerable.Range(0, 101).Select(i => $"340401120310{i:0000},Nama {i}\n"));
        var tooMany = SheetReader.Read(Encoding.UTF8.GetBytes("NIK,Nama\n" + rows), "santri.csv", Limits);
        Assert.Contains("lebih dari 100 baris", tooMany.Error);

        var big = new MemoryStream(new byte[Limits.MaxBytes + 1]);
        var tooBig = await SheetReader.ReadAsync(big, "besar.csv", Limits, TestContext.Current.CancellationToken);
        Assert.Contains("terlalu besar", tooBig.Error);
        Assert.True(big.Position <= Limits.MaxBytes + 81920);
    }

    // ---- a small workbook written the way Excel writes one: shared strings, numbers, a date style ----

    sealed record TestCell(string Value, bool IsNumber, bool DateStyle);
    static TestCell Text(string value) => new(value, false, false);
    static TestCell Number(string value, bool dateStyle = false) => new(value, true, dateStyle);

    static byte[] Workbook(params (uint Line, TestCell?[] Cells)[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetData = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            foreach (var (line, cells) in rows)
            {
                var row = new Row { RowIndex = line };
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] is not { } cell) continue;
                    var reference = XlsxTemplate.ColumnName(i) + line;
                    if (cell.IsNumber)
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(cell.Value), StyleIndex = cell.DateStyle ? 1u : null });
                    else
                    {
                        strings.SharedStringTable.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(cell.Value)));
                        var index = strings.SharedStringTable.Count() - 1;
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString()) });
                    }
                }
                sheetData.Append(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Data" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
