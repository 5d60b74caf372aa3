namespace Madrasah.Blazor.Data;

/// <summary>
/// Search boxes: a pattern for <c>EF.Functions.Like(column, pattern, LikePattern.Escape)</c> that finds the typed
/// text anywhere, with the user's own % and _ taken literally (SQLite's LIKE ignores the case of A–Z).
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
