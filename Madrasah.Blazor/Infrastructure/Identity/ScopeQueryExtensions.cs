using Madrasah.Blazor.Data;

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
}
