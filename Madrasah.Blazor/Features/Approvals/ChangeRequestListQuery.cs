using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>The columns an inbox can be sorted by; <see cref="LastChange"/> (newest change first) is the default.</summary>
public enum ChangeRequestSortColumn { LastChange, Number, Institution, Submitted }

/// <summary>How an inbox list is ordered, done by the database (server-side, page by page).</summary>
public sealed record ChangeRequestSort(ChangeRequestSortColumn Column = ChangeRequestSortColumn.LastChange, bool Descending = true)
{
    public static readonly ChangeRequestSort Default = new();

    /// <summary>What a click on a column's header asks for: the same column reversed, or another in its natural direction (names A–Z, numbers and dates newest first).</summary>
    public ChangeRequestSort Toggle(ChangeRequestSortColumn column) =>
        column == Column ? this with { Descending = !Descending } : new(column, Descending: column != ChangeRequestSortColumn.Institution);
}

/// <summary>The search and the order of an inbox list as database queries.</summary>
public static class ChangeRequestListQuery
{
    /// <summary>
    /// Requests whose number (with or without "#"), institution, submitter, changed fields or proposed values contain
    /// <paramref name="search"/> (case-insensitive for plain letters); every request when it is blank.
    /// </summary>
    public static IQueryable<ChangeRequest> Matching(this IQueryable<ChangeRequest> query, string? search)
    {
        var text = InstitutionFields.Normalize(search);
        if (text is null) return query;
        var pattern = LikePattern.Containing(text);
        var number = int.TryParse(text.TrimStart('#'), out var n) ? n : -1;
        return query.Where(r => r.Id == number
            || EF.Functions.Like(r.Institution.Name, pattern, @"\")
            || EF.Functions.Like(r.CreatedByName, pattern, @"\")
            || r.Fields.Any(f => EF.Functions.Like(f.Label, pattern, @"\") || EF.Functions.Like(f.NewValue, pattern, @"\")));
    }

    /// <summary>The requests in the given order; ties by number, so pages never overlap.</summary>
    public static IQueryable<ChangeRequest> SortedBy(this IQueryable<ChangeRequest> query, ChangeRequestSort? sort)
    {
        sort ??= ChangeRequestSort.Default;
        var ordered = (sort.Column, sort.Descending) switch
        {
            (ChangeRequestSortColumn.Number, true) => query.OrderByDescending(r => r.Id),
            (ChangeRequestSortColumn.Number, false) => query.OrderBy(r => r.Id),
            (ChangeRequestSortColumn.Institution, true) => query.OrderByDescending(r => r.Institution.Name),
            (ChangeRequestSortColumn.Institution, false) => query.OrderBy(r => r.Institution.Name),
            (ChangeRequestSortColumn.Submitted, true) => query.OrderByDescending(r => r.SubmittedUtc),
            (ChangeRequestSortColumn.Submitted, false) => query.OrderBy(r => r.SubmittedUtc),
            (_, false) => query.OrderBy(r => r.UpdatedUtc),
            _ => query.OrderByDescending(r => r.UpdatedUtc),
        };
        return sort.Descending ? ordered.ThenByDescending(r => r.Id) : ordered.ThenBy(r => r.Id);
    }
}
