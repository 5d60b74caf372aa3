using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Audit;

/// <summary>A row of the audit table.</summary>
public sealed record AuditRow(long Id, DateTime OccurredUtc, string UserName, string Action, string Summary, string? InstitutionName);

/// <summary>The columns the audit table sorts by.</summary>
public enum AuditSort { Time, User, Institution }

/// <summary>
/// One page of the audit log: a search in user, action and summary, a range of WIB days (both ends included),
/// a sort column and direction, and the page (from 1).
/// </summary>
public sealed record AuditQuery(
    string? Search = null, DateOnly? From = null, DateOnly? To = null,
    AuditSort Sort = AuditSort.Time, bool Descending = true, int Page = 1, int PageSize = 25)
{
    public static readonly int[] PageSizes = [25, 50, 100];
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Reads the audit log within the user's scope a page at a time: filtered, sorted and paged by the database.</summary>
public sealed class AuditQueryService(IDbContextFactory<MadrasahDbContext> factory)
{
    public async Task<AuditPage> PageAsync(UserScope scope, AuditQuery query)
    {
        await using var db = await factory.CreateDbContextAsync();
        var entries = db.Set<AuditEntry>().AsNoTracking().VisibleTo(scope, db.Institutions);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = LikePattern.Term(query.Search);
            entries = entries.Where(a => a.Summary.Contains(term) || a.UserName.Contains(term) || a.Action.Contains(term));
        }
        if (query.From is { } from)
        {
            var fromUtc = Wib.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(a => a.OccurredUtc >= fromUtc);
        }
        if (query.To is { } to)
        {
            var beforeUtc = Wib.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(a => a.OccurredUtc < beforeUtc);
        }

        var total = await entries.CountAsync();
        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.PageSizes[^1]);
        var rows = await Sorted(entries, db, query.Sort, query.Descending)
            .Skip(Math.Max(0, query.Page - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.OccurredUtc, a.UserName, a.Action, a.Summary,
                db.Institutions.Where(i => i.Id == a.InstitutionId).Select(i => i.Name).FirstOrDefault()))
            .ToListAsync();
        return new AuditPage(rows, total);
    }

    /// <summary>The chosen column, then the newest entry first among equal values (ids grow with time).</summary>
    private static IQueryable<AuditEntry> Sorted(IQueryable<AuditEntry> entries, MadrasahDbContext db, AuditSort sort, bool descending) => sort switch
    {
        AuditSort.User => (descending ? entries.OrderByDescending(a => a.UserName) : entries.OrderBy(a => a.UserName))
            .ThenByDescending(a => a.Id),
        // Entries without an institution come first going up and last going down, on either engine (PostgreSQL
        // would otherwise put NULL at the other end from SQLite).
        AuditSort.Institution => (descending
                ? entries.OrderBy(a => a.InstitutionId == null)
                    .ThenByDescending(a => db.Institutions.Where(i => i.Id == a.InstitutionId).Select(i => i.Name).FirstOrDefault())
                : entries.OrderByDescending(a => a.InstitutionId == null)
                    .ThenBy(a => db.Institutions.Where(i => i.Id == a.InstitutionId).Select(i => i.Name).FirstOrDefault()))
            .ThenByDescending(a => a.Id),
        _ => descending ? entries.OrderByDescending(a => a.Id) : entries.OrderBy(a => a.Id),
    };
}
