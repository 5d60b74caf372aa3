using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using static Madrasah.Blazor.Features.PontrenSync.DataImportRules;

namespace Madrasah.Blazor.Features.PontrenSync;

public sealed partial class PontrenDataService
{
    private sealed record SantriValues(int Line, string Nik, string? Nisn, string FullName, Sex Sex, string BirthPlace, DateOnly BirthDate, string Level);

    /// <summary>
    /// Imports santri from an .xlsx or CSV file (<see cref="SantriColumns"/>): every line is checked first; one bad
    /// line (with its line number and field) and nothing of the file is saved. Otherwise, in one transaction, new NIKs
    /// are added and santri whose NIK is already in the list are updated; the report counts added, updated, unchanged.
    /// </summary>
    public async Task<ImportReport> ImportSantriAsync(UserScope scope, string fileName, byte[] content)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return ImportReport.FileRefused(NotAllowedMessage);
        var table = Read(fileName, content);
        if (table.Error is not null) return ImportReport.FileRefused(table.Error);
        var (rows, problems) = ReadSantri(table);
        if (rows is null) return new(false, 0, 0, 0, problems, 0);

        var existing = await db.Set<PontrenSantri>().Where(s => s.InstitutionId == institutionId).ToListAsync();
        var byNik = existing.GroupBy(s => s.Nik).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var row in rows)
            if (byNik.TryGetValue(row.Nik, out var same) && same.Count > 1)
                problems.Add(new(row.Line, "NIK", $"NIK {row.Nik} tercatat {same.Count} kali di daftar santri ({string.Join(", ", same.Select(s => s.FullName))}): " +
                                                   "hapus yang ganda di daftar dulu, lalu impor lagi."));
        if (problems.Count > 0) return new(false, 0, 0, 0, problems, rows.Count);

        int added = 0, updated = 0, unchanged = 0;
        var now = Now;
        foreach (var row in rows)
        {
            var santri = byNik.TryGetValue(row.Nik, out var found) ? found[0] : null;
            if (santri is null)
            {
                santri = new PontrenSantri { InstitutionId = institutionId, Source = RowSource.Import, UpdatedUtc = now };
                db.Add(santri);
                added++;
            }
            santri.Nik = row.Nik;
            santri.Nisn = row.Nisn;
            santri.FullName = row.FullName;
            santri.Sex = row.Sex;
            santri.BirthPlace = row.BirthPlace;
            santri.BirthDate = row.BirthDate;
            santri.Level = row.Level;
            if (santri.Id == 0) continue;
            if (db.Entry(santri).Properties.Any(p => p.IsModified))
            {
                santri.Source = RowSource.Import;
                santri.UpdatedUtc = now;
                updated++;
            }
            else unchanged++;
        }
        if (added + updated > 0)
        {
            audit.Record(db, scope, "pontren-data.santri-imported",
                $"Impor santri dari \"{fileName}\": {added} ditambahkan, {updated} diperbarui, {unchanged} tidak berubah ({rows.Count} baris).",
                institutionId: institutionId, entityType: nameof(PontrenSantri));
            db.PublishAfterCommit(DataTopics.For(institutionId));
            await db.SaveChangesAsync(); // one statement batch in one transaction: all of the file or nothing
        }
        return new(true, added, updated, unchanged, [], rows.Count);
    }

    /// <summary>The santri lines as values, or every problem with its line number (then no values).</summary>
    private (List<SantriValues>? Rows, List<ImportProblem> Problems) ReadSantri(SheetTable table)
    {
        var problems = new List<ImportProblem>();
        var (columns, headerError) = MapHeader(table.Headers, SantriColumns);
        if (columns is null) return (null, [new(0, "Judul kolom", headerError!)]);
        var data = table.Rows.Where(r => !r.IsBlank).ToList();
        if (data.Count == 0) return (null, [new(0, "Berkas", "Berkas hanya memuat judul kolom: isi data santri mulai baris kedua.")]);

        var today = Today;
        var rows = new List<SantriValues>();
        var linesByNik = new Dictionary<string, int>();
        foreach (var line in data)
        {
            var before = problems.Count;
            void Add(string field, string? message)
            {
                if (message is not null) problems.Add(new(line.Line, field, $"Baris {line.Line}: {message}"));
            }
            var (nik, nikError) = Identifier(CellOf(line, columns, "NIK"), "NIK", 16);
            Add("NIK", nikError);
            var (nisn, nisnError) = Nisn(CellOf(line, columns, "NISN"));
            Add("NISN", nisnError);
            var (sex, sexError) = SexOf(CellOf(line, columns, "Jenis Kelamin"));
            Add("Jenis kelamin", sexError);
            var (birth, birthError) = DateOf(CellOf(line, columns, "Tanggal Lahir"), "Tanggal lahir");
            Add("Tanggal lahir", birthError);
            var name = CellOf(line, columns, "Nama Lengkap").Text;
            var place = CellOf(line, columns, "Tempat Lahir").Text;
            var level = CellOf(line, columns, "Jenjang").Text;
            var errors = DataEntryRules.CheckSantri(nikError is null ? nik : "0000000000000000", nisnError is null ? nisn : null, name,
                sexError is null ? sex : Sex.L, place, birthError is null ? birth : today, level, today);
            if (nikError is not null) errors.Remove(nameof(SantriForm.Nik));
            if (sexError is not null) errors.Remove(nameof(SantriForm.Sex));
            if (birthError is not null) errors.Remove(nameof(SantriForm.BirthDate));
            foreach (var (field, message) in errors) Add(FieldLabel(field), message);
            if (nikError is null && nik.Length > 0 && !errors.ContainsKey(nameof(SantriForm.Nik)))
            {
                if (linesByNik.TryGetValue(nik, out var other)) Add("NIK", $"NIK {nik} sudah ada di baris {other} berkas ini. Satu NIK hanya untuk satu santri.");
                else linesByNik[nik] = line.Line;
            }
            if (problems.Count == before)
                rows.Add(new(line.Line, nik, nisn is { Length: > 0 } ? nisn : null, DataEntryRules.Clean(name), sex!.Value,
                    DataEntryRules.Clean(place), birth!.Value, DataEntryRules.Clean(level)));
        }
        return problems.Count > 0 ? (null, problems) : (rows, problems);
    }

    private static string FieldLabel(string property) => property switch
    {
        nameof(SantriForm.Nik) => "NIK",
        nameof(SantriForm.Nisn) => "NISN",
        nameof(SantriForm.FullName) => "Nama lengkap",
        nameof(SantriForm.Sex) => "Jenis kelamin",
        nameof(SantriForm.BirthPlace) => "Tempat lahir",
        nameof(SantriForm.BirthDate) => "Tanggal lahir",
        nameof(SantriForm.Level) => "Jenjang",
        nameof(GtkForm.Nip) => "NIP",
        nameof(GtkForm.Position) => "Jabatan",
        nameof(GtkForm.EmploymentStatus) => "Status",
        nameof(GtkForm.StartDate) => "TMT",
        _ => property,
    };

    /// <summary>
    /// "Ambil data dari Simpeg": a Simpeg export (.xlsx or CSV, <see cref="SimpegColumns"/>). Each good line adds a
    /// GTK or updates the one with the same NIP, else the same NIK; bad lines are refused with their line number and
    /// the rest is applied in one transaction. Running it again changes nothing and creates no duplicates.
    /// </summary>
    public async Task<ImportReport> ImportSimpegAsync(UserScope scope, string fileName, byte[] content)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return ImportReport.FileRefused(NotAllowedMessage);
        var table = Read(fileName, content);
        if (table.Error is not null) return ImportReport.FileRefused(table.Error);
        var (columns, headerError) = MapHeader(table.Headers, SimpegColumns);
        if (columns is null) return new(false, 0, 0, 0, [new(0, "Judul kolom", headerError!)], 0);
        var data = table.Rows.Where(r => !r.IsBlank).ToList();
        if (data.Count == 0) return ImportReport.FileRefused("Berkas hanya memuat judul kolom: isi data GTK mulai baris kedua.");

        var today = Today;
        var now = Now;
        var gtk = await db.Set<PontrenGtk>().Where(g => g.InstitutionId == institutionId).OrderBy(g => g.Id).ToListAsync();
        var problems = new List<ImportProblem>();
        var touched = new Dictionary<PontrenGtk, int>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var line in data)
        {
            var lineProblems = new List<ImportProblem>();
            void Add(string field, string? message)
            {
                if (message is not null) lineProblems.Add(new(line.Line, field, $"Baris {line.Line}: {message}"));
            }
            var (nip, nipError) = Identifier(CellOf(line, columns, "NIP"), "NIP", 18);
            Add("NIP", nipError);
            var (nik, nikError) = Identifier(CellOf(line, columns, "NIK"), "NIK", 16);
            Add("NIK", nikError);
            var (sex, sexError) = SexOf(CellOf(line, columns, "Jenis Kelamin"));
            Add("Jenis kelamin", sexError);
            var (birth, birthError) = DateOf(CellOf(line, columns, "Tanggal Lahir"), "Tanggal lahir");
            Add("Tanggal lahir", birthError);
            var (tmt, tmtError) = DateOf(CellOf(line, columns, "TMT"), "TMT");
            Add("TMT", tmtError);
            var name = CellOf(line, columns, "Nama").Text;
            var position = CellOf(line, columns, "Jabatan").Text;
            var status = CellOf(line, columns, "Status").Text;
            var errors = DataEntryRules.CheckGtk(nipError is null ? nip : null, nikError is null ? nik : "0000000000000000", name,
                sexError is null ? sex : Sex.L, birthError is null ? birth : today, position, status, tmtError is null ? tmt : null, today);
            if (nikError is not null) errors.Remove(nameof(GtkForm.Nik));
            if (sexError is not null) errors.Remove(nameof(GtkForm.Sex));
            if (birthError is not null) errors.Remove(nameof(GtkForm.BirthDate));
            foreach (var (field, message) in errors) Add(FieldLabel(field), message.Replace("Status kepegawaian", "Status"));
            if (lineProblems.Count > 0) { problems.AddRange(lineProblems); continue; }

            var nipValue = nip.Length > 0 ? nip : null;
            var target = (nipValue is null ? null : gtk.FirstOrDefault(g => g.Nip == nipValue)) ?? gtk.FirstOrDefault(g => g.Nik == nik);
            // A NIK or NIP that belongs to another GTK than the one this line updates would make a duplicate.
            if (target is not null && target.Nik != nik && gtk.FirstOrDefault(g => g.Nik == nik && g != target) is { } nikOwner)
            { Add("NIK", $"NIK {nik} sudah tercatat untuk GTK lain ({nikOwner.FullName}), sedangkan NIP {nipValue} milik {target.FullName}. Periksa baris ini di Simpeg."); }
            else if (target is not null && nipValue is not null && target.Nip is { } oldNip && oldNip != nipValue)
            { Add("NIP", $"NIK {nik} tercatat dengan NIP {oldNip}, sedangkan berkas memuat NIP {nipValue}. Periksa NIP di Simpeg atau ubah GTK ini di daftar."); }
            if (target is not null && touched.TryGetValue(target, out var earlier))
                Add(nipValue is not null ? "NIP" : "NIK", $"GTK yang sama ({target.FullName}) sudah ada di baris {earlier} berkas ini.");
            if (lineProblems.Count > 0) { problems.AddRange(lineProblems); continue; }

            if (target is null)
            {
                target = new PontrenGtk { InstitutionId = institutionId, Source = RowSource.Simpeg, UpdatedUtc = now };
                db.Add(target);
                gtk.Add(target);
                added++;
            }
            touched[target] = line.Line;
            target.Nip = nipValue;
            target.Nik = nik;
            target.FullName = DataEntryRules.Clean(name);
            target.Sex = sex;
            target.BirthDate = birth;
            target.Position = DataEntryRules.Clean(position);
            target.EmploymentStatus = DataEntryRules.Clean(status);
            target.StartDate = tmt;
            if (target.Id == 0) continue;
            if (db.Entry(target).Properties.Any(p => p.IsModified))
            {
                target.Source = RowSource.Simpeg;
                target.UpdatedUtc = now;
                updated++;
            }
            else unchanged++;
        }
        if (added + updated > 0)
        {
            audit.Record(db, scope, "pontren-data.simpeg-imported",
                $"Ambil data dari Simpeg (\"{fileName}\"): {added} GTK ditambahkan, {updated} diperbarui, {unchanged} tidak berubah, " +
                $"{problems.Select(p => p.Line).Distinct().Count()} baris ditolak.",
                institutionId: institutionId, entityType: nameof(PontrenGtk));
            db.PublishAfterCommit(DataTopics.For(institutionId));
            await db.SaveChangesAsync();
        }
        return new(added + updated > 0, added, updated, unchanged, problems, data.Count);
    }
}
