using System.Text;
using Madrasah.Blazor.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>The attendance machine's export imported by the personnel officer: preview per line, all or nothing, twice adds nothing.</summary>
public class MachineImportServiceTests
{
    private const string Nur = "199003052015032001";
    private const string Iqbal = "198711122010031007";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", ["No. ID/NIP,Nama,Tanggal,Jam,Status", .. lines]) + "\r\n");

    private static async Task<AttendanceTestKit> KitAsync()
    {
        var kit = await AttendanceTestKit.CreateAsync(); // Friday 27 March 2026
        await using var db = kit.Database.CreateContext();
        await db.Set<AttendanceRecord>().ExecuteDeleteAsync();
        return kit;
    }

    private static async Task<List<AttendanceRecord>> RecordsAsync(AttendanceTestKit kit)
    {
        await using var db = kit.Database.CreateContext();
        return await db.Set<AttendanceRecord>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task A_fingerprint_export_is_previewed_saved_and_adds_nothing_the_second_time()
    {
        await using var kit = await KitAsync();
        var file = Csv(
            $"{Nur},Nur Hidayah,02-03-2026,06:58,C/In",
            $"{Nur},Nur Hidayah,02-03-2026,07:01,C/In", // a second punch: the first counts
            $"{Nur},Nur Hidayah,02-03-2026,15:10,C/Out",
            $"{Iqbal},Muhammad Iqbal,02-03-2026,07:20,Masuk");

        var preview = await kit.MachineImport.PreviewAsync(kit.Officer, file, "mesin.csv");
        Assert.Null(preview.Error);
        Assert.Equal([2, 4, 5], preview.Added.Select(l => l.Line));
        Assert.Equal([3], preview.Unchanged.Select(l => l.Line));
        Assert.Empty(preview.Refused);
        Assert.Empty(await RecordsAsync(kit)); // a preview saves nothing

        var saved = await kit.MachineImport.ImportAsync(kit.Officer, file, "mesin.csv");
        Assert.True(saved.Saved);
        var records = await RecordsAsync(kit);
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(AttendanceSource.Mesin, r.Source));
        var masuk = records.Single(r => r.StaffId == kit.StaffId && r.Session == AttendanceSession.Pagi);
        Assert.Equal(new DateTime(2026, 3, 1, 23, 58, 0, DateTimeKind.Utc), masuk.RecordedUtc); // 06:58 WIB

        var again = await kit.MachineImport.ImportAsync(kit.Officer, file, "mesin.csv");
        Assert.Empty(again.Added);
        Assert.Equal(4, again.Unchanged.Count);
        Assert.False(again.Saved);
        Assert.Equal(3, (await RecordsAsync(kit)).Count);
    }

    [Fact]
    public async Task Any_refused_line_saves_nothing_and_each_refusal_names_its_line_and_column()
    {
        await using var kit = await KitAsync();
        var file = Csv(
            $"{Nur},Nur Hidayah,02-03-2026,06:58,C/In",
            "198506152009011004,Agus Salim,02-03-2026,07:00,C/In", // MTs Negeri 3 Sleman: not the officer's
            $"{Iqbal},Muhammad Iqbal,31-02-2026,07:00,C/In",
            $"{Iqbal},Muhammad Iqbal,03-03-2026,7 pagi,C/In",
            $"{Iqbal},Muhammad Iqbal,03-03-2026,12:00,Istirahat",
            $"{Iqbal},Muhammad Iqbal,30-03-2026,07:00,C/In"); // after today

        var result = await kit.MachineImport.ImportAsync(kit.Officer, file, "mesin.csv");
        Assert.False(result.Saved);
        Assert.False(result.CanSave);
        Assert.Equal([2], result.Added.Select(l => l.Line));
        var refusals = result.Refused.Select(r => r.Message).ToList();
        Assert.Equal(5, refusals.Count);
        Assert.StartsWith("Baris 3: NIP 198506152009011004 tidak terdaftar", refusals[0]);
        Assert.StartsWith("Baris 4: Tanggal \"31-02-2026\"", refusals[1]);
        Assert.StartsWith("Baris 5: Jam \"7 pagi\"", refusals[2]);
        Assert.StartsWith("Baris 6: Status \"Istirahat\"", refusals[3]);
        Assert.StartsWith("Baris 7: Tanggal 30 Maret 2026 belum terjadi", refusals[4]);
        Assert.Empty(await RecordsAsync(kit));
    }

    [Fact]
    public async Task A_file_without_the_needed_columns_or_from_another_role_is_refused_whole()
    {
        await using var kit = await KitAsync();
        var noStatus = Encoding.UTF8.GetBytes($"NIP,Tanggal,Jam\r\n{Nur},02-03-2026,07:00\r\n");
        Assert.StartsWith("Kolom Status tidak ditemukan", (await kit.MachineImport.PreviewAsync(kit.Officer, noStatus, "mesin.csv")).Error);
        var file = Csv($"{Nur},Nur Hidayah,02-03-2026,06:58,C/In");
        Assert.NotNull((await kit.MachineImport.ImportAsync(kit.Staff, file, "mesin.csv")).Error);
        // Another institution's officer: the NIP is not theirs.
        var other = await kit.MachineImport.ImportAsync(kit.OtherOfficer, file, "mesin.csv");
        Assert.False(other.Saved);
        Assert.Contains("tidak terdaftar sebagai pegawai lembaga Anda", Assert.Single(other.Refused).Message);
        Assert.Empty(await RecordsAsync(kit));
    }
}
