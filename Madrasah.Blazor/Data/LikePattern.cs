using Madrasah.Blazor.Infrastructure.Validation;

namespace Madrasah.Blazor.Data;

/// <summary>
/// Search boxes: a pattern for <c>EF.Functions.Like(column, pattern, LikePattern.Escape)</c> that finds the typed
/// text anywhere, with the user's own % and _ taken literally (SQLite's LIKE ignores the case of A–Z). A term longer
/// than <see cref="TextLimits.Search"/> is cut there (the boxes' maxlength; nothing longer is searched for).
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string term) =>
        "%" + Term(term).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>The searched text: trimmed, at most <see cref="TextLimits.Search"/> characters.</summary>
    public static string Term(string term)
    {
        term = term.Trim();
        return term.Length > TextLimits.Search ? term[..TextLimits.Search] : term;
    }
}
