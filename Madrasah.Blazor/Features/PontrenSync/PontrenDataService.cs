using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>
/// "Verifikasi data lembaga" of a pesantren operator: the working copy's sections with the check's problems, santri
/// and GTK one by one, facilities per kind, and the imports (<see cref="PontrenDataService.ImportSantriAsync"/>,
/// <see cref="PontrenDataService.ImportSimpegAsync"/>). Only the operator of a pesantren sees or changes anything,
/// and only their own institution's rows (the scope rule); everything else answers "not found".
/// </summary>
public sealed partial class PontrenDataService(IDbContextFactory<MadrasahDbContext> factory, PontrenCheckCache checks, AuditLog audit, TimeProvider clock)
{
    public const string NotAllowedMessage = "Halaman ini hanya untuk operator pondok pesantren, MDT atau LPQ.";
    public const string SantriNotFoundMessage = "Santri tidak ditemukan di lembaga Anda (mungkin baru saja dihapus).";
    public const string GtkNotFoundMessage = "GTK tidak ditemukan di lembaga Anda (mungkin baru saja dihapus).";

    private DateOnly Today => Wib.Today(clock);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The operator's pesantren, through the one scope rule; null for anyone else.</summary>
    public async Task<int?> InstitutionOfAsync(UserScope scope)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is null) return null;
        await using var db = await factory.CreateDbContextAsync();
        return await InstitutionOfAsync(db, scope);
    }

    private static async Task<int?> InstitutionOfAsync(MadrasahDbContext db, UserScope scope)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is null) return null;
        var institution = await db.Institutions.AsNoTracking().VisibleTo(scope)
            .Where(i => i.Id == scope.InstitutionId).Select(i => new { i.Id, i.Type }).FirstOrDefaultAsync();
        return institution is not null && new Institution { Type = institution.Type }.IsPesantren ? institution.Id : null;
    }

    /// <summary>True when the operator's institution is a pesantren (the menu item shows only then).</summary>
    public async Task<bool> IsPesantrenOperatorAsync(UserScope scope) => await InstitutionOfAsync(scope) is not null;

    /// <summary>
    /// The page's overview: identity, facilities, counts and every problem the check finds now. Identity and facilities
    /// are read and checked on every call; the santri and GTK part comes from <see cref="PontrenCheckCache"/>, so a view
    /// reads the whole working copy only after it changed.
    /// </summary>
    public async Task<DataOverview?> LoadAsync(UserScope scope)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return null;
        var i = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == institutionId);
        if (i is null) return null;
        var rows = await checks.GetAsync(db, institutionId, Today);
        var stored = (await PontrenWorkingCopy.LoadFacilitiesAsync(db, institutionId)).ToList();
        var districtName = await db.Districts.Where(d => d.Id == i.DistrictId).Select(d => d.Name).FirstAsync();
        var identity = new DataIdentity(i.Name, i.Type.Label(), i.StatisticNumberLabel, i.StatisticNumber, i.Npsn, i.Address, i.Village,
            i.Subdistrict, districtName, i.SkNumber, i.SkDate, i.FoundedOn);
        // Facilities: every fixed kind, in the page's order, entered or not (plus any other kind stored before).
        var byKind = stored.ToDictionary(f => f.Kind);
        var kinds = FacilityKinds.All.Concat(byKind.Keys.Where(k => !FacilityKinds.IsKnown(k)).Order()).ToList();
        var facilities = kinds.Select((kind, n) => byKind.TryGetValue(kind, out var f)
            ? new FacilityRow(n + 1, kind, f.GoodCount, f.LightlyDamagedCount, f.HeavilyDamagedCount, true)
            : new FacilityRow(n + 1, kind, 0, 0, 0, false)).ToList();
        // The check numbers facility rows in its own order (by kind); the page's rows follow the fixed kinds.
        var problems = PontrenDataRules.CheckInstitution(i, stored).Select(p => p.Section == DataSection.SaranaPrasarana && p.RowId is { } id
            ? p with { Row = facilities.FirstOrDefault(r => r.Kind == stored.First(f => f.Id == id).Kind)?.Row }
            : p).ToList();
        problems.AddRange(rows.Problems);
        return new(institutionId, identity, facilities, rows.SantriCount, rows.GtkCount, problems);
    }

    // ----- santri -----

    /// <summary>
    /// A page of santri in the check's order (name, then id), each with its row number in the whole list (the number
    /// the problems list names), searched by name, NIK, NISN, birth place or level.
    /// </summary>
    public async Task<DataPage<SantriRow>> ListSantriAsync(UserScope scope, DataQuery query)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return new([], 0);
        var all = db.Set<PontrenSantri>().AsNoTracking().Where(s => s.InstitutionId == institutionId);
        var filtered = all;
        if (SearchTerm(query.Search) is { } term)
        {
            var like = $"%{EscapeLike(term)}%";
            filtered = filtered.Where(s => EF.Functions.Like(s.FullName, like, "\\") || EF.Functions.Like(s.Nik, like, "\\")
                                           || EF.Functions.Like(s.Nisn ?? "", like, "\\") || EF.Functions.Like(s.BirthPlace, like, "\\")
                                           || EF.Functions.Like(s.Level, like, "\\"));
        }
        var total = await filtered.CountAsync();
        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await filtered.OrderBy(s => s.FullName).ThenBy(s => s.Id).Skip((page - 1) * size).Take(size).ToListAsync();
        var rows = await RowNumbersAsync(all.OrderBy(s => s.FullName).ThenBy(s => s.Id).Select(s => s.Id), items.Select(s => s.Id), query.Search, (page - 1) * size);
        return new(items.Select(s => new SantriRow(rows[s.Id], s.Id, s.Nik, s.Nisn, s.FullName, s.Sex, s.BirthPlace, s.BirthDate, s.Level, s.Source)).ToList(), total);
    }

    /// <summary>Without a search, a page's rows are numbered from its offset; with one, by their place in the whole list.</summary>
    private static async Task<Dictionary<int, int>> RowNumbersAsync(IQueryable<int> orderedIds, IEnumerable<int> ids, string? search, int offset)
    {
        var wanted = ids.ToList();
        if (SearchTerm(search) is null) return wanted.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => offset + x.n + 1);
        var order = await orderedIds.ToListAsync();
        var set = wanted.ToHashSet();
        var map = new Dictionary<int, int>();
        for (var n = 0; n < order.Count && map.Count < set.Count; n++)
            if (set.Contains(order[n])) map[order[n]] = n + 1;
        return map;
    }

    public async Task<FormResult> SaveSantriAsync(UserScope scope, int? santriId, SantriForm form)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return FormResult.Error("", NotAllowedMessage);
        var birth = form.BirthDate is { } b ? DateOnly.FromDateTime(b) : (DateOnly?)null;
        var errors = DataEntryRules.CheckSantri(form.Nik, form.Nisn, form.FullName, form.Sex, form.BirthPlace, birth, form.Level, Today);
        if (errors.Count > 0) return new(errors);
        var nik = DataEntryRules.NormalizeNumber(form.Nik);

        PontrenSantri? santri = null;
        if (santriId is { } id)
        {
            santri = await db.Set<PontrenSantri>().FirstOrDefaultAsync(s => s.Id == id && s.InstitutionId == institutionId);
            if (santri is null) return FormResult.Error("", SantriNotFoundMessage);
        }
        var sameNik = await db.Set<PontrenSantri>().AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.Nik == nik && s.Id != (santriId ?? 0)).Select(s => s.FullName).FirstOrDefaultAsync();
        if (sameNik is not null)
            return FormResult.Error(nameof(SantriForm.Nik), $"NIK {nik} sudah ada di daftar santri (atas nama {sameNik}). Satu NIK hanya untuk satu santri.");

        var adding = santri is null;
        santri ??= new PontrenSantri { InstitutionId = institutionId, Source = RowSource.Manual };
        var before = adding ? null : Describe(santri);
        santri.Nik = nik;
        santri.Nisn = DataEntryRules.NormalizeNumber(form.Nisn) is { Length: > 0 } nisn ? nisn : null;
        santri.FullName = DataEntryRules.Clean(form.FullName);
        santri.Sex = form.Sex;
        santri.BirthPlace = DataEntryRules.Clean(form.BirthPlace);
        santri.BirthDate = birth;
        santri.Level = DataEntryRules.Clean(form.Level);
        santri.UpdatedUtc = Now;
        if (adding) db.Add(santri);
        else if (!db.Entry(santri).Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(PontrenSantri.UpdatedUtc)))
            return FormResult.Success;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync(); // the new row's id, for its audit entry
        audit.Record(db, scope, adding ? "pontren-data.santri-added" : "pontren-data.santri-changed",
            adding ? $"Santri ditambahkan: {Describe(santri)}." : $"Data santri diubah: {before} → {Describe(santri)}.",
            institutionId: institutionId, entityType: nameof(PontrenSantri), entityId: santri.Id);
        db.PublishAfterCommit(DataTopics.For(institutionId));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    public async Task<string?> DeleteSantriAsync(UserScope scope, int santriId)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return NotAllowedMessage;
        var santri = await db.Set<PontrenSantri>().FirstOrDefaultAsync(s => s.Id == santriId && s.InstitutionId == institutionId);
        if (santri is null) return SantriNotFoundMessage;
        db.Remove(santri);
        audit.Record(db, scope, "pontren-data.santri-deleted", $"Santri dihapus: {Describe(santri)}.",
            institutionId: institutionId, entityType: nameof(PontrenSantri), entityId: santri.Id);
        db.PublishAfterCommit(DataTopics.For(institutionId));
        await db.SaveChangesAsync();
        return null;
    }

    private static string Describe(PontrenSantri s) =>
        $"{s.FullName} (NIK {s.Nik}, {s.Sex.Code()}, {s.BirthPlace} {s.BirthDate:dd-MM-yyyy}, {s.Level}{(s.Nisn is null ? "" : ", NISN " + s.Nisn)})";

    // ----- GTK -----

    public async Task<DataPage<GtkRow>> ListGtkAsync(UserScope scope, DataQuery query)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return new([], 0);
        var all = db.Set<PontrenGtk>().AsNoTracking().Where(g => g.InstitutionId == institutionId);
        var filtered = all;
        if (SearchTerm(query.Search) is { } term)
        {
            var like = $"%{EscapeLike(term)}%";
            filtered = filtered.Where(g => EF.Functions.Like(g.FullName, like, "\\") || EF.Functions.Like(g.Nik, like, "\\")
                                           || EF.Functions.Like(g.Nip ?? "", like, "\\") || EF.Functions.Like(g.Position, like, "\\")
                                           || EF.Functions.Like(g.EmploymentStatus, like, "\\"));
        }
        var total = await filtered.CountAsync();
        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await filtered.OrderBy(g => g.FullName).ThenBy(g => g.Id).Skip((page - 1) * size).Take(size).ToListAsync();
        var rows = await RowNumbersAsync(all.OrderBy(g => g.FullName).ThenBy(g => g.Id).Select(g => g.Id), items.Select(g => g.Id), query.Search, (page - 1) * size);
        return new(items.Select(g => new GtkRow(rows[g.Id], g.Id, g.Nip, g.Nik, g.FullName, g.Sex, g.BirthDate, g.Position, g.EmploymentStatus,
            g.StartDate, g.Source)).ToList(), total);
    }

    public async Task<FormResult> SaveGtkAsync(UserScope scope, int? gtkId, GtkForm form)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return FormResult.Error("", NotAllowedMessage);
        var birth = form.BirthDate is { } b ? DateOnly.FromDateTime(b) : (DateOnly?)null;
        var start = form.StartDate is { } s ? DateOnly.FromDateTime(s) : (DateOnly?)null;
        var errors = DataEntryRules.CheckGtk(form.Nip, form.Nik, form.FullName, form.Sex, birth, form.Position, form.EmploymentStatus, start, Today);
        if (errors.Count > 0) return new(errors);
        var nik = DataEntryRules.NormalizeNumber(form.Nik);
        var nip = DataEntryRules.NormalizeNumber(form.Nip) is { Length: > 0 } n ? n : null;

        PontrenGtk? gtk = null;
        if (gtkId is { } id)
        {
            gtk = await db.Set<PontrenGtk>().FirstOrDefaultAsync(g => g.Id == id && g.InstitutionId == institutionId);
            if (gtk is null) return FormResult.Error("", GtkNotFoundMessage);
        }
        var others = db.Set<PontrenGtk>().AsNoTracking().Where(g => g.InstitutionId == institutionId && g.Id != (gtkId ?? 0));
        if (await others.Where(g => g.Nik == nik).Select(g => g.FullName).FirstOrDefaultAsync() is { } sameNik)
            return FormResult.Error(nameof(GtkForm.Nik), $"NIK {nik} sudah ada di daftar GTK (atas nama {sameNik}). Satu NIK hanya untuk satu GTK.");
        if (nip is not null && await others.Where(g => g.Nip == nip).Select(g => g.FullName).FirstOrDefaultAsync() is { } sameNip)
            return FormResult.Error(nameof(GtkForm.Nip), $"NIP {nip} sudah ada di daftar GTK (atas nama {sameNip}).");

        var adding = gtk is null;
        gtk ??= new PontrenGtk { InstitutionId = institutionId, Source = RowSource.Manual };
        var before = adding ? null : Describe(gtk);
        gtk.Nip = nip;
        gtk.Nik = nik;
        gtk.FullName = DataEntryRules.Clean(form.FullName);
        gtk.Sex = form.Sex;
        gtk.BirthDate = birth;
        gtk.Position = DataEntryRules.Clean(form.Position);
        gtk.EmploymentStatus = DataEntryRules.Clean(form.EmploymentStatus);
        gtk.StartDate = start;
        gtk.UpdatedUtc = Now;
        if (adding) db.Add(gtk);
        else if (!db.Entry(gtk).Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(PontrenGtk.UpdatedUtc)))
            return FormResult.Success;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync(); // the new row's id, for its audit entry
        audit.Record(db, scope, adding ? "pontren-data.gtk-added" : "pontren-data.gtk-changed",
            adding ? $"GTK ditambahkan: {Describe(gtk)}." : $"Data GTK diubah: {before} → {Describe(gtk)}.",
            institutionId: institutionId, entityType: nameof(PontrenGtk), entityId: gtk.Id);
        db.PublishAfterCommit(DataTopics.For(institutionId));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return FormResult.Success;
    }

    public async Task<string?> DeleteGtkAsync(UserScope scope, int gtkId)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return NotAllowedMessage;
        var gtk = await db.Set<PontrenGtk>().FirstOrDefaultAsync(g => g.Id == gtkId && g.InstitutionId == institutionId);
        if (gtk is null) return GtkNotFoundMessage;
        db.Remove(gtk);
        audit.Record(db, scope, "pontren-data.gtk-deleted", $"GTK dihapus: {Describe(gtk)}.",
            institutionId: institutionId, entityType: nameof(PontrenGtk), entityId: gtk.Id);
        db.PublishAfterCommit(DataTopics.For(institutionId));
        await db.SaveChangesAsync();
        return null;
    }

    private static string Describe(PontrenGtk g) =>
        $"{g.FullName} (NIK {g.Nik}{(g.Nip is null ? "" : ", NIP " + g.Nip)}, {g.Sex.Code()}, {g.BirthDate:dd-MM-yyyy}, {g.Position}, {g.EmploymentStatus}" +
        $"{(g.StartDate is { } t ? ", TMT " + t.ToString("dd-MM-yyyy") : "")})";

    // ----- facilities -----

    /// <summary>The counts of one kind by condition; all zero removes the kind ("tidak ada").</summary>
    public async Task<FormResult> SaveFacilityAsync(UserScope scope, FacilityForm form)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await InstitutionOfAsync(db, scope) is not { } institutionId) return FormResult.Error("", NotAllowedMessage);
        var existing = await db.Set<PontrenFacility>().FirstOrDefaultAsync(f => f.InstitutionId == institutionId && f.Kind == form.Kind);
        if (!FacilityKinds.IsKnown(form.Kind) && existing is null)
            return FormResult.Error(nameof(FacilityForm.Kind), $"Jenis sarana harus salah satu dari: {string.Join(", ", FacilityKinds.All)}.");
        var errors = new Dictionary<string, string>();
        void CheckCount(string field, string label, int value)
        {
            if (value is < 0 or > FacilityKinds.MaxCount) errors[field] = $"Jumlah {label} harus antara 0 dan {FacilityKinds.MaxCount:N0}.".Replace(",", ".");
        }
        CheckCount(nameof(FacilityForm.Good), "kondisi baik", form.Good);
        CheckCount(nameof(FacilityForm.LightlyDamaged), "rusak ringan", form.LightlyDamaged);
        CheckCount(nameof(FacilityForm.HeavilyDamaged), "rusak berat", form.HeavilyDamaged);
        if (errors.Count > 0) return new(errors);

        var counts = $"baik {form.Good}, rusak ringan {form.LightlyDamaged}, rusak berat {form.HeavilyDamaged}";
        if (form.Good + form.LightlyDamaged + form.HeavilyDamaged == 0)
        {
            if (existing is null) return FormResult.Success;
            db.Remove(existing);
            audit.Record(db, scope, "pontren-data.facility-removed", $"Sarana {form.Kind} dikosongkan (tidak ada).",
                institutionId: institutionId, entityType: nameof(PontrenFacility), entityId: existing.Id);
        }
        else
        {
            if (existing is not null && existing.GoodCount == form.Good && existing.LightlyDamagedCount == form.LightlyDamaged
                && existing.HeavilyDamagedCount == form.HeavilyDamaged) return FormResult.Success;
            var before = existing is null ? "belum diisi" : $"baik {existing.GoodCount}, rusak ringan {existing.LightlyDamagedCount}, rusak berat {existing.HeavilyDamagedCount}";
            existing ??= db.Add(new PontrenFacility { InstitutionId = institutionId, Kind = form.Kind }).Entity;
            existing.GoodCount = form.Good;
            existing.LightlyDamagedCount = form.LightlyDamaged;
            existing.HeavilyDamagedCount = form.HeavilyDamaged;
            existing.UpdatedUtc = Now;
            audit.Record(db, scope, "pontren-data.facility-saved", $"Sarana {form.Kind}: {before} → {counts}.",
                institutionId: institutionId, entityType: nameof(PontrenFacility), entityId: form.Kind);
        }
        db.PublishAfterCommit(DataTopics.For(institutionId));
        await db.SaveChangesAsync();
        return FormResult.Success;
    }

    // ----- helpers -----

    private static string? SearchTerm(string? search) =>
        search?.Trim() is { Length: > 0 } t ? TextLimits.Cut(t, TextLimits.Search) : null;

    private static string EscapeLike(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
