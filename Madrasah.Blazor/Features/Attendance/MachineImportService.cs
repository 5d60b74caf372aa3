using System.Globalization;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Spreadsheets;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>One row of an import as the officer sees it: the file's line, whom and which session it is.</summary>
public sealed record MachineImportLine(int Line, string Nip, string Name, DateOnly Date, AttendanceSession Session, TimeOnly Time);

/// <summary>A row that cannot be imported, with its line and the reason (naming the column).</summary>
public sealed record MachineImportRefusal(int Line, string Message);

/// <summary>
/// What importing a machine's file does: the records it adds, the rows that change nothing (the session is recorded
/// already, or a second punch of the same session in the file), the refused rows. <see cref="Saved"/>: it was saved.
/// </summary>
public sealed record MachineImportResult(
    IReadOnlyList<MachineImportLine> Added, IReadOnlyList<MachineImportLine> Unchanged, IReadOnlyList<MachineImportRefusal> Refused,
    string? Error = null, bool Saved = false)
{
    public static MachineImportResult Failed(string error) => new([], [], [], error);
    public bool CanSave => Error is null && Refused.Count == 0 && Added.Count > 0;
}

/// <summary>
/// "Impor dari Mesin Presensi": the personnel officer uploads the attendance machine's export (CSV or .xlsx, read by the
/// shared <see cref="SheetReader"/>) with the columns NIP (or "No. ID/NIP"), Tanggal, Jam and Status (C/In, Masuk =
/// Presensi Masuk; C/Out, Pulang = Presensi Pulang). The preview says per line what would be added, what changes
/// nothing and what is refused; saving adds the records (source Mesin) only when no line is refused, all in one
/// transaction. A session already recorded (by the web page, an earlier import or a complaint) is left as it is, so
/// importing the same file twice adds nothing. Of several punches of one session the first (Masuk) or last (Pulang) counts.
/// </summary>
public sealed class MachineImportService(IDbContextFactory<MadrasahDbContext> factory, AuditLog audit, TimeProvider clock)
{
    public static readonly SheetLimits Limits = new(2 * 1024 * 1024, 20_000);
    public static readonly string[] NipHeaders = ["NIP", "No. ID/NIP", "No ID/NIP", "No. ID", "ID/NIP"];
    public static readonly string[] DateHeaders = ["Tanggal", "Tgl"];
    public static readonly string[] TimeHeaders = ["Jam", "Waktu"];
    public static readonly string[] StatusHeaders = ["Status", "Masuk/Pulang", "Jenis"];
    static readonly string[] InWords = ["cin", "in", "masuk", "checkin", "datang"];
    static readonly string[] OutWords = ["cout", "out", "pulang", "checkout"];
    static readonly string[] TimeFormats = ["H:mm", "H:mm:ss", "H.mm", "H.mm.ss"];

    /// <summary>What saving the file would do; nothing is saved.</summary>
    public Task<MachineImportResult> PreviewAsync(UserScope officer, byte[] content, string fileName) => RunAsync(officer, content, fileName, save: false);

    /// <summary>Saves the file's new records when no line is refused (otherwise the same answer as the preview, nothing saved).</summary>
    public Task<MachineImportResult> ImportAsync(UserScope officer, byte[] content, string fileName) => RunAsync(officer, content, fileName, save: true);

    private async Task<MachineImportResult> RunAsync(UserScope officer, byte[] content, string fileName, bool save)
    {
        if (officer.Role != Roles.PetugasKepegawaian || officer.InstitutionId is not { } institutionId)
            return MachineImportResult.Failed("Hanya petugas kepegawaian lembaga yang dapat mengimpor presensi.");
        var table = SheetReader.Read(content, fileName, Limits);
        if (table.Error is { } error) return MachineImportResult.Failed(error);
        int nipColumn = table.ColumnOf(NipHeaders), dateColumn = table.ColumnOf(DateHeaders), timeColumn = table.ColumnOf(TimeHeaders),
            statusColumn = table.ColumnOf(StatusHeaders);
        var missing = new[] { (nipColumn, "NIP"), (dateColumn, "Tanggal"), (timeColumn, "Jam"), (statusColumn, "Status") }
            .Where(c => c.Item1 < 0).Select(c => c.Item2).ToList();
        if (missing.Count > 0)
            return MachineImportResult.Failed($"Kolom {string.Join(", ", missing)} tidak ditemukan di baris judul file {fileName}. Kolom yang dibutuhkan: NIP (atau No. ID/NIP), Tanggal, Jam, Status.");
        if (table.Rows.Count == 0) return MachineImportResult.Failed($"File {fileName} tidak berisi baris data di bawah baris judul.");

        await using var db = await factory.CreateDbContextAsync();
        var staff = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId && s.Nip != null)
            .Select(s => new { s.Id, s.Nip, s.FullName }).ToDictionaryAsync(s => s.Nip!);
        var today = Wib.Today(clock);

        var refused = new List<MachineImportRefusal>();
        var punches = new List<(MachineImportLine Line, int StaffId)>();
        foreach (var row in table.Rows)
        {
            var nip = new string(row[nipColumn].Text.Where(char.IsAsciiDigit).ToArray());
            string? problem = null;
            if (row[nipColumn].IsBlank) problem = "NIP kosong.";
            else if (row[nipColumn].WasNumber && nip.Length > 15) problem = "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang; format kolom NIP sebagai teks lalu ekspor ulang.";
            else if (!staff.ContainsKey(nip)) problem = $"NIP {row[nipColumn].Text.Trim()} tidak terdaftar sebagai pegawai lembaga Anda.";
            DateOnly date = default;
            if (problem is null && !row[dateColumn].TryReadDate(out date)) problem = $"Tanggal \"{row[dateColumn].Text.Trim()}\" tidak dikenali; tulis sebagai dd-mm-yyyy.";
            else if (problem is null && date > today) problem = $"Tanggal {Wib.FormatDate(date)} belum terjadi.";
            TimeOnly time = default;
            if (problem is null && !TryReadTime(row[timeColumn], out time)) problem = $"Jam \"{row[timeColumn].Text.Trim()}\" tidak dikenali; tulis sebagai jj:mm, mis. 07:05.";
            AttendanceSession? session = null;
            if (problem is null && (session = SessionOf(row[statusColumn].Text)) is null)
                problem = $"Status \"{row[statusColumn].Text.Trim()}\" tidak dikenali; gunakan C/In atau Masuk untuk presensi masuk, C/Out atau Pulang untuk presensi pulang.";
            if (problem is not null) { refused.Add(new(row.Line, $"Baris {row.Line}: {problem}")); continue; }
            var person = staff[nip];
            punches.Add((new MachineImportLine(row.Line, nip, person.FullName, date, session!.Value, time), person.Id));
        }

        // Of several punches of one session, the first Masuk or the last Pulang counts; the others change nothing.
        var chosen = punches.GroupBy(p => (p.StaffId, p.Line.Date, p.Line.Session))
            .Select(g => g.Key.Session == AttendanceSession.Pagi ? g.OrderBy(p => p.Line.Time).First() : g.OrderByDescending(p => p.Line.Time).First())
            .ToList();
        var dates = chosen.Select(c => c.Line.Date).Distinct().ToList();
        var staffIds = chosen.Select(c => c.StaffId).Distinct().ToList();
        var existing = (await db.Set<AttendanceRecord>().AsNoTracking()
                .Where(r => r.InstitutionId == institutionId && dates.Contains(r.Date) && staffIds.Contains(r.StaffId))
                .Select(r => new { r.StaffId, r.Date, r.Session }).ToListAsync())
            .Select(r => (r.StaffId, r.Date, r.Session)).ToHashSet();
        var added = chosen.Where(c => !existing.Contains((c.StaffId, c.Line.Date, c.Line.Session))).OrderBy(c => c.Line.Line).ToList();
        var addedLines = added.Select(a => a.Line.Line).ToHashSet();
        var unchanged = punches.Where(p => !addedLines.Contains(p.Line.Line)).Select(p => p.Line).OrderBy(l => l.Line).ToList();
        var result = new MachineImportResult(added.Select(a => a.Line).ToList(), unchanged, refused);
        if (!save || !result.CanSave) return result;

        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var (line, staffId) in added)
            db.Add(new AttendanceRecord
            {
                InstitutionId = institutionId, StaffId = staffId, Date = line.Date, Session = line.Session, Kind = AttendanceKind.Hadir,
                Source = AttendanceSource.Mesin, RecordedUtc = Wib.ToUtc(line.Date.ToDateTime(line.Time)),
            });
        audit.Record(db, officer, "attendance.machine-imported",
            $"Impor mesin presensi {fileName}: {added.Count} presensi ditambahkan, {unchanged.Count} baris tidak mengubah apa pun.",
            institutionId: institutionId, entityType: nameof(AttendanceRecord), entityId: fileName);
        db.PublishAfterCommit(AttendanceTopics.Institution(institutionId));
        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // A session was recorded at the same moment (a staff member's click): nothing saved; a new preview shows it.
            return result with { Error = "Presensi berubah saat file diimpor. Tidak ada yang disimpan; pratinjau ulang lalu simpan kembali." };
        }
        return result with { Saved = true };
    }

    public static AttendanceSession? SessionOf(string status)
    {
        var key = SheetTable.HeaderKey(status);
        return InWords.Contains(key) ? AttendanceSession.Pagi : OutWords.Contains(key) ? AttendanceSession.Sore : null;
    }

    /// <summary>"07:05", "7.05", "07:05:12", or an .xlsx time cell (a fraction of a day).</summary>
    public static bool TryReadTime(SheetCell cell, out TimeOnly time)
    {
        time = default;
        var text = cell.Text.Trim();
        if (cell.WasNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
        {
            fraction -= Math.Floor(fraction);
            time = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round(fraction * 24 * 60) % (24 * 60)));
            return true;
        }
        return TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
