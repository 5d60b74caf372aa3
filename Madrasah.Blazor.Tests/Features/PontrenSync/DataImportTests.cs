using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Madrasah.Blazor.Infrastructure.Spreadsheets;
using Madrasah.Blazor.Features.PontrenSync;
using static Madrasah.Blazor.Tests.Features.PontrenSync.DataTestKit;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

public class DataImportTests
{
    private const string Good1 = "3404075003120001;0121234567;Siti Maimunah;P;Sleman;10-03-2012;Wustha";
    private const string Good2 = "3404071708110002;;Umar Faruq;L;Bantul;17-08-2011;Ulya";

    [Fact]
    public async Task A_bad_row_is_reported_with_its_line_and_field_and_nothing_of_the_file_is_saved()
    {
        await using var kit = await CreateAsync();
        var csv = string.Join("\n", SantriHeader, Good1, "3404071708110003;;Umar Faruq;X;Bantul;31-02-2011;Ulya", Good2);
        var report = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(csv));
        Assert.False(report.Saved);
        Assert.Equal([3, 3], report.Problems.Select(p => p.Line));
        Assert.Contains(report.Problems, p => p.Field == "Jenis kelamin" && p.Message.StartsWith("Baris 3: Jenis kelamin \"X\" tidak dikenal"));
        Assert.Contains(report.Problems, p => p.Field == "Tanggal lahir" && p.Message.Contains("\"31-02-2011\""));
        Assert.Equal(30, (await kit.SantriAsync()).Count);

        // Fixed, the same file goes in whole.
        var fixedCsv = string.Join("\n", SantriHeader, Good1, "3404071808110003;;Umar Faruq;L;Bantul;18-08-2011;Ulya", Good2);
        var second = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(fixedCsv));
        Assert.True(second.Saved);
        Assert.Equal((3, 0, 0), (second.Added, second.Updated, second.Unchanged));
        Assert.Equal(33, (await kit.SantriAsync()).Count);
        Assert.True((await kit.Data.LoadAsync(kit.Operator))!.ReadyToSync);
    }

    [Fact]
    public async Task A_NIK_that_arrives_as_a_number_is_refused_never_stored_rounded()
    {
        await using var kit = await CreateAsync();
        var csv = string.Join("\r\n", SantriHeader, "3.40408E+15;;Siti Maimunah;P;Sleman;10-03-2012;Wustha", "\"3,404075E+15\";;Umar;L;Sleman;10-03-2012;Ula");
        var report = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(csv));
        Assert.False(report.Saved);
        Assert.Equal([2, 3], report.Problems.Select(p => p.Line));
        Assert.All(report.Problems, p => Assert.Equal("NIK", p.Field));
        Assert.Contains("notasi ilmiah", report.Problems[0].Message);
        Assert.Equal(30, (await kit.SantriAsync()).Count);

        // An .xlsx cell stored as a number (digits Excel may already have rounded) is refused too, with its line.
        var (value, error) = DataImportRules.Identifier(new SheetCell("3404075003120000", WasNumber: true), "NIK", 16);
        Assert.Equal("", value);
        Assert.Contains("tersimpan sebagai angka di Excel", error);
        Assert.Equal(("3404075003120001", null), DataImportRules.Identifier(new SheetCell("3404075003120001"), "NIK", 16));
        Assert.Contains("angka 0 di depannya hilang", DataImportRules.Nisn(new SheetCell("121234567", WasNumber: true)).Error);
    }

    [Theory]
    [InlineData(';', true)]
    [InlineData(',', false)]
    [InlineData(',', true)]
    public async Task A_CSV_with_either_separator_and_a_BOM_is_read_and_reimporting_changes_nothing(char separator, bool bom)
    {
        await using var kit = await CreateAsync();
        var csv = string.Join("\r\n", SantriHeader, Good1, Good2, "").Replace(';', separator);
        var first = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(csv, bom));
        Assert.True(first.Saved, string.Join(" ", first.Problems.Select(p => p.Message)));
        Assert.Equal((2, 0, 0), (first.Added, first.Updated, first.Unchanged));
        var siti = (await kit.SantriAsync()).Single(s => s.Nik == "3404075003120001");
        Assert.Equal(("Siti Maimunah", "0121234567", Sex.P, new DateOnly(2012, 3, 10), RowSource.Import), (siti.FullName, siti.Nisn, siti.Sex, siti.BirthDate, siti.Source));

        var again = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(csv, bom));
        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(32, (await kit.SantriAsync()).Count);

        // A santri whose NIK is already in the list is updated, not added.
        var changed = csv.Replace("Wustha", "Ulya");
        var third = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(changed, bom));
        Assert.Equal((0, 1, 1), (third.Added, third.Updated, third.Unchanged));
        Assert.Equal("Ulya", (await kit.SantriAsync()).Single(s => s.Nik == "3404075003120001").Level);
    }

    [Fact]
    public async Task The_header_the_same_NIK_twice_and_the_limits_are_told_clearly()
    {
        await using var kit = await CreateAsync();
        var noLevel = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv("NIK;NISN;Nama Lengkap;Jenis Kelamin;Tempat Lahir;Tanggal Lahir\n" + Good1));
        Assert.Contains("kolom \"Jenjang\" tidak ditemukan", Assert.Single(noLevel.Problems).Message);

        var twice = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(string.Join("\n", SantriHeader, Good1, Good2, Good1)));
        Assert.Equal("Baris 4: NIK 3404075003120001 sudah ada di baris 2 berkas ini. Satu NIK hanya untuk satu santri.", Assert.Single(twice.Problems).Message);

        var big = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", new byte[DataImportRules.MaxBytes + 1]);
        Assert.Contains("paling besar 5 MB", Assert.Single(big.Problems).Message);

        var rows = new StringBuilder(SantriHeader + "\n");
        for (var i = 0; i <= DataImportRules.MaxRows; i++) rows.Append("1;;A;L;B;01-01-2010;Ula\n");
        var many = await kit.Data.ImportSantriAsync(kit.Operator, "santri.csv", Csv(rows.ToString()));
        Assert.Contains("lebih dari 20.000 baris data", Assert.Single(many.Problems).Message);

        var pdf = await kit.Data.ImportSantriAsync(kit.Operator, "santri.pdf", Csv("%PDF-1.4"));
        Assert.Contains("harus berformat .xlsx atau .csv", Assert.Single(pdf.Problems).Message);
        Assert.Equal(30, (await kit.SantriAsync()).Count);
    }

    [Fact]
    public async Task An_xlsx_NIK_stored_as_a_number_is_refused_with_its_line_and_a_date_cell_is_read()
    {
        await using var kit = await CreateAsync();
        string[] header = [.. DataImportRules.SantriColumns];
        // 10-03-2012 as Excel's day number in a date-formatted cell.
        var birth = new DateTime(2012, 3, 10).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var numeric = Workbook(header, [("3404075003120001", false), ("", false), ("Siti Maimunah", false), ("P", false), ("Sleman", false), (birth, true), ("Wustha", false)],
            [("3404071708110002", true), ("", false), ("Umar Faruq", false), ("L", false), ("Bantul", false), ("17-08-2011", false), ("Ulya", false)]);
        var refused = await kit.Data.ImportSantriAsync(kit.Operator, "santri.xlsx", numeric);
        Assert.False(refused.Saved);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((3, "NIK"), (problem.Line, problem.Field));
        Assert.Contains("tersimpan sebagai angka di Excel", problem.Message);
        Assert.Equal(30, (await kit.SantriAsync()).Count);

        var text = Workbook(header, [("3404075003120001", false), ("", false), ("Siti Maimunah", false), ("P", false), ("Sleman", false), (birth, true), ("Wustha", false)]);
        var saved = await kit.Data.ImportSantriAsync(kit.Operator, "santri.xlsx", text);
        Assert.Equal(1, saved.Added);
        Assert.Equal(new DateOnly(2012, 3, 10), (await kit.SantriAsync()).Single(s => s.Nik == "3404075003120001").BirthDate);
    }

    /// <summary>A one-sheet workbook as Excel writes it: shared strings for text, plain numbers, a date style for dates.</summary>
    private static byte[] Workbook(string[] header, params (string Value, bool Number)[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var data = new SheetData();
            var all = new[] { header.Select(h => (h, false)).ToArray() }.Concat(rows).ToList();
            for (var r = 0; r < all.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < all[r].Length; c++)
                {
                    var (value, number) = all[r][c];
                    var reference = Madrasah.Blazor.Infrastructure.Spreadsheets.XlsxTemplate.ColumnName(c) + (r + 1);
                    row.Append(number
                        ? new Cell { CellReference = reference, CellValue = new CellValue(value), StyleIndex = value.Contains('.') || value.Length < 8 ? 1u : null }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }
                data.Append(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Santri" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private const string SimpegHeader = "NIP,NIK,Nama,Jenis Kelamin,Tanggal Lahir,Jabatan,Status,TMT";

    [Fact]
    public async Task Simpeg_adds_or_updates_GTK_by_NIP_then_NIK_and_running_it_twice_creates_no_duplicates()
    {
        await using var kit = await CreateAsync();
        var csv = string.Join("\n", SimpegHeader,
            // The demo's Hanif (by NIP): position changed.
            "198604122011011005,3404071204860010,\"Hanif Mahmudi, S.Pd.I.\",L,12-04-1986,Wakil Kepala,PNS,01-01-2011",
            // The demo's Ust. Abdullah Hakim (no NIP there): found by NIK, gets his NIP.
            "198205232009011002,3404072305820008,Ust. Abdullah Hakim,L,23-05-1982,Ustaz Kitab Kuning,PNS,01-01-2009",
            // New.
            "199203152020122001,3404075503920014,\"Nur Aini, S.Pd.\",P,15-03-1992,Guru Bahasa Indonesia,PPPK,01-12-2020",
            // Refused: NIP as an Excel number.
            "1.99203E+17,3404071203920015,Budi,L,12-03-1992,Guru,PNS,01-01-2020");
        var first = await kit.Data.ImportSimpegAsync(kit.Operator, "simpeg.csv", Csv(csv));
        Assert.Equal((1, 2, 0), (first.Added, first.Updated, first.Unchanged));
        var refused = Assert.Single(first.Problems);
        Assert.Equal((5, "NIP"), (refused.Line, refused.Field));
        var gtk = await kit.GtkAsync();
        Assert.Equal(7, gtk.Count);
        Assert.Equal("Wakil Kepala", gtk.Single(g => g.Nik == "3404071204860010").Position);
        Assert.Equal("198205232009011002", gtk.Single(g => g.Nik == "3404072305820008").Nip);
        Assert.Equal(RowSource.Simpeg, gtk.Single(g => g.Nik == "3404075503920014").Source);

        var second = await kit.Data.ImportSimpegAsync(kit.Operator, "simpeg.csv", Csv(csv));
        Assert.Equal((0, 0, 3), (second.Added, second.Updated, second.Unchanged));
        Assert.Equal(7, (await kit.GtkAsync()).Count);
        Assert.True((await kit.Data.LoadAsync(kit.Operator))!.ReadyToSync);
    }
}
