using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>The one place that turns a <see cref="UserScope"/> into query filters.</summary>
public static class ScopeQueryExtensions
{
    public static IQueryable<Institution> VisibleTo(this IQueryable<Institution> query, UserScope scope)
    {
        if (scope.SeesEverything) return query;
        if (scope.IsDistrictBound) return query.Where(i => i.DistrictId == scope.DistrictId);
        if (scope.IsInstitutionBound) return query.Where(i => i.Id == scope.InstitutionId);
        return query.Where(_ => false);
    }

    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, UserScope scope) where T : class, IInstitutionOwned
    {
        if (scope.SeesEverything) return query;
        if (scope.IsDistrictBound) return query.Where(x => x.Institution.DistrictId == scope.DistrictId);
        if (scope.IsInstitutionBound) return query.Where(x => x.InstitutionId == scope.InstitutionId);
        return query.Where(_ => false);
    }

    /// <summary>
    /// Audit entries: the administrator reads all; a district admin the district's own entries and those of its
    /// institutions; an operator or head their institution's. Helpdesk and staff read none (they have no audit page).
    /// </summary>
    public static IQueryable<AuditEntry> VisibleTo(this IQueryable<AuditEntry> query, UserScope scope, IQueryable<Institution> institutions)
    {
        if (scope.Role == Roles.Admin) return query;
        if (scope.IsDistrictBound)
        {
            var inDistrict = institutions.Where(i => i.DistrictId == scope.DistrictId).Select(i => (int?)i.Id);
            return query.Where(a => a.DistrictId == scope.DistrictId || inDistrict.Contains(a.InstitutionId));
        }
        if (scope.Role is Roles.Operator or Roles.KepalaMadrasah && scope.InstitutionId is { } institutionId)
            return query.Where(a => a.InstitutionId == institutionId);
        return query.Where(_ => false);
    }
}
