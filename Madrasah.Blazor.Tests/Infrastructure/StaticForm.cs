using System.Net;
using System.Text.RegularExpressions;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// A statically rendered form of the real app, posted with plain HTTP as a script would: its hidden fields (form name,
/// antiforgery token) read from the page once, its cookies kept. For attack tests that send many posts.
/// </summary>
public sealed class StaticForm : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _path;
    private readonly Dictionary<string, string> _hidden;

    private StaticForm(HttpClient client, string path, Dictionary<string, string> hidden)
    {
        _client = client;
        _path = path;
        _hidden = hidden;
    }

    /// <summary>Opens <paramref name="path"/> of <paramref name="app"/> and reads the hidden fields of its form.</summary>
    public static async Task<StaticForm> OpenAsync(TestApp app, string path, HttpClient? client = null)
    {
        client ??= NewClient(app);
        var page = await client.GetStringAsync(path);
        var hidden = PlainHttpClient.HiddenFields(page);
        Assert.True(hidden.ContainsKey("__RequestVerificationToken"), $"No form with an antiforgery token on {path}");
        return new StaticForm(client, path, hidden);
    }

    /// <summary>A client of its own (own cookies), not following redirects.</summary>
    public static HttpClient NewClient(TestApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>
    /// Posts the form with <paramref name="fields"/> (beside its hidden fields): the status and the page.
    /// <paramref name="client"/>: the address an app trusting the loopback proxy (App:TrustedProxies) takes the post from.
    /// <paramref name="expectContinue"/>: send the body only once the server asks for it (a body it refuses unread).
    /// </summary>
    public async Task<(HttpStatusCode Status, string Html)> PostAsync(IReadOnlyDictionary<string, string> fields, string? client = null, bool expectContinue = false)
    {
        var values = new Dictionary<string, string>(_hidden);
        foreach (var (key, value) in fields) values[key] = value;
        using var request = new HttpRequestMessage(HttpMethod.Post, _path) { Content = new FormUrlEncodedContent(values) };
        if (client is not null) request.Headers.Add("X-Forwarded-For", client);
        // "Expect: 100-continue": the body goes only once the server asks for it, so a refusal is read, not cut off.
        if (expectContinue) request.Headers.ExpectContinue = true;
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text of the page's element with <paramref name="testId"/> (white space folded), or null.</summary>
    public static string? TextOf(string html, string testId)
    {
        var match = Regex.Match(html, $"<(?<tag>[a-z]+)[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline);
        if (!match.Success) return null;
        var text = WebUtility.HtmlDecode(Regex.Replace(match.Groups["inner"].Value, "<[^>]+>", " "));
        return Regex.Replace(text, @"\s+", " ").Trim();
    }

    public void Dispose() => _client.Dispose();
}
