using System.Net;
using System.Text.RegularExpressions;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>
/// The plain-text alternative of an HTML email: blocks become lines, tags go, links keep their address
/// visible as "Teks (URL)" so a reader without HTML can still follow them.
/// </summary>
public static partial class HtmlText
{
    public static string ToText(string html)
    {
        var s = Invisible().Replace(html, "");
        s = Whitespace().Replace(s, " ");
        s = Link().Replace(s, LinkText);
        s = LineBreak().Replace(s, "\n");
        s = ListItem().Replace(s, "\n- ");
        s = BlockEnd().Replace(s, "\n\n");
        s = Cell().Replace(s, " ");
        s = Tag().Replace(s, "");
        s = WebUtility.HtmlDecode(s).Replace('\u00A0', ' ');

        var lines = s.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        var text = string.Join("\n", lines);
        return BlankLines().Replace(text, "\n\n").Trim();
    }

    private static string LinkText(Match m)
    {
        var url = WebUtility.HtmlDecode(m.Groups["url"].Value).Trim();
        var text = WebUtility.HtmlDecode(Tag().Replace(m.Groups["text"].Value, "")).Trim();
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) url = url[7..];
        if (text.Length == 0 || string.Equals(text, url, StringComparison.OrdinalIgnoreCase)) return url;
        // Encode again: the whole string is decoded once more at the end.
        return WebUtility.HtmlEncode($"{text} ({url})");
    }

    [GeneratedRegex(@"<(head|style|script|title)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!DOCTYPE[^>]*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*(?:""(?<url>[^""]*)""|'(?<url>[^']*)')[^>]*>(?<text>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>|</?hr\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"</(p|div|h[1-6]|tr|table|ul|ol|li|blockquote|pre|header|footer|section)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
