using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>
/// An institution's working copy as the check and the sync read it: santri and GTK ordered by name then id (the row
/// numbers of <see cref="DataProblem"/> refer to this order), facilities by kind. Loaded without tracking.
/// </summary>
public sealed record PontrenWorkingCopy(Institution Institution, List<PontrenFacility> Facilities, List<PontrenSantri> Santri, List<PontrenGtk> Gtk)
{
    public List<DataProblem> Check(DateOnly todayWib) => PontrenDataRules.Check(Institution, Facilities, Santri, Gtk, todayWib);

    public static async Task<PontrenWorkingCopy?> LoadAsync(MadrasahDbContext db, int institutionId, CancellationToken cancellationToken = default)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == institutionId, cancellationToken);
        if (institution is null) return null;
        var facilities = await LoadFacilitiesAsync(db, institutionId, cancellationToken);
        var (santri, gtk) = await LoadRowsAsync(db, institutionId, cancellationToken);
        return new(institution, facilities, santri, gtk);
    }

    /// <summary>The facilities by kind (the check's order).</summary>
    public static Task<List<PontrenFacility>> LoadFacilitiesAsync(MadrasahDbContext db, int institutionId, CancellationToken cancellationToken = default) =>
        db.Set<PontrenFacility>().AsNoTracking().Where(f => f.InstitutionId == institutionId).OrderBy(f => f.Kind).ToListAsync(cancellationToken);

    /// <summary>Santri and GTK, each by name then id (the order the check numbers rows in).</summary>
    public static async Task<(List<PontrenSantri> Santri, List<PontrenGtk> Gtk)> LoadRowsAsync(MadrasahDbContext db, int institutionId,
        CancellationToken cancellationToken = default)
    {
        var santri = await db.Set<PontrenSantri>().AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .OrderBy(s => s.FullName).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var gtk = await db.Set<PontrenGtk>().AsNoTracking().Where(g => g.InstitutionId == institutionId)
            .OrderBy(g => g.FullName).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        return (santri, gtk);
    }
}
