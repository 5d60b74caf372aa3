using System.Text;
using System.Text.RegularExpressions;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// A received message parsed just enough for assertions: headers (encoded words decoded), and the plain-text and
/// HTML parts (quoted-printable or base64 decoded, UTF-8). Reads one message file (.eml, or a Maildir file).
/// </summary>
public sealed partial class ReceivedMail
{
    private readonly Dictionary<string, string> _headers;

    private ReceivedMail(Dictionary<string, string> headers, string? textBody, string? htmlBody)
    {
        _headers = headers;
        TextBody = textBody;
        HtmlBody = htmlBody;
    }

    public string? TextBody { get; }
    public string? HtmlBody { get; }
    public string Subject => Header("Subject");
    public string From => Header("From");
    public string To => Header("To");
    public string MessageId => Header("Message-ID");

    public string Header(string name) => _headers.TryGetValue(name, out var value) ? DecodeWords(value) : "";

    public static ReceivedMail Parse(string raw)
    {
        var (headers, body) = SplitEntity(Normalize(raw));
        string? text = null, html = null;
        CollectParts(headers, body, ref text, ref html);
        return new ReceivedMail(headers, text, html);
    }

    private static void CollectParts(Dictionary<string, string> headers, string body, ref string? text, ref string? html)
    {
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Boundary().Match(contentType).Groups[1].Value;
            var parts = body.Split("--" + boundary);
            // parts[0] is the preamble, the last one the epilogue after the closing "--boundary--".
            foreach (var part in parts.Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)))
            {
                var (partHeaders, partBody) = SplitEntity(part.TrimStart('\n'));
                CollectParts(partHeaders, partBody, ref text, ref html);
            }
            return;
        }
        var decoded = DecodeBody(body, headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit"));
        if (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) html ??= decoded;
        else if (contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)) text ??= decoded;
    }

    private static (Dictionary<string, string> Headers, string Body) SplitEntity(string entity)
    {
        var end = entity.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? entity : entity[..end];
        var body = end < 0 ? "" : entity[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
                headers[last] += " " + line.Trim();
            else if (line.IndexOf(':') is > 0 and var colon)
            {
                last = line[..colon].Trim();
                headers.TryAdd(last, line[(colon + 1)..].Trim());
            }
        }
        return (headers, body);
    }

    private static string DecodeBody(string body, string transferEncoding) => transferEncoding.Trim().ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => DecodeQuotedPrintable(body.Replace("=\n", ""), underscoreIsSpace: false),
        _ => body,
    };

    private static string DecodeQuotedPrintable(string text, bool underscoreIsSpace)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (underscoreIsSpace && text[i] == '_') bytes.Add((byte)' ');
            else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string value) =>
        EncodedWord().Replace(AdjacentWords().Replace(value, "$1$2"), m => m.Groups[2].Value.ToUpperInvariant() == "B"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value, underscoreIsSpace: true));

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    [GeneratedRegex(@"boundary=""?([^"";]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(\?=)\s+(=\?)")]
    private static partial Regex AdjacentWords();
}
