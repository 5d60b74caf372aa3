using System.Net;
using System.Text.RegularExpressions;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// The real app as a script (or an attacker with a copied cookie) sees it: no redirects followed, and cookies kept by
/// hand, so they can be copied to another client and are sent back also when the app marks them Secure on plain
/// HTTP (a Production-configured <see cref="TestApp"/>), which <see cref="CookieContainer"/> would not.
/// </summary>
public sealed partial class PlainHttpClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Name → value of the cookies the app has set (and not deleted) so far.</summary>
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Every Set-Cookie header the app sent this client, for checking their attributes.</summary>
    public List<string> SetCookieHeaders { get; } = [];

    private readonly bool _acceptAnyCertificate;
    private readonly string? _host;

    /// <param name="acceptAnyCertificate">For the self-signed certificate of a <see cref="TestApp"/> started with HTTPS.</param>
    /// <param name="host">The Host header to send instead of the address's (the app as reached by a name, not 127.0.0.1).</param>
    public PlainHttpClient(string baseUrl, IReadOnlyDictionary<string, string>? cookies = null, bool acceptAnyCertificate = false, string? host = null)
    {
        var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        if (acceptAnyCertificate) handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (host is not null) _http.DefaultRequestHeaders.Host = host;
        (_acceptAnyCertificate, _host) = (acceptAnyCertificate, host);
        foreach (var (name, value) in cookies ?? new Dictionary<string, string>()) Cookies[name] = value;
    }

    /// <summary>Another client holding a copy of this one's cookies (a stolen or copied sign-in).</summary>
    public PlainHttpClient CopyCookies() => new(_http.BaseAddress!.ToString(), Cookies, _acceptAnyCertificate, _host);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var header in setCookies) Keep(header);
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    public async Task<string> GetStringAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The hidden inputs of the page's form named <paramref name="formName"/> (Blazor's _handler field), or of the first
    /// form when null: the antiforgery token among them, as a browser would post it.
    /// </summary>
    public static Dictionary<string, string> HiddenFields(string html, string? formName = null)
    {
        var forms = FormElement().Matches(html).Select(m => m.Value).ToList();
        var form = formName is null ? forms.FirstOrDefault()
            : forms.FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal));
        Assert.True(form is not null, $"No form {formName} in the page.");
        return HiddenInput().Matches(form!)
            .GroupBy(m => WebUtility.HtmlDecode(m.Groups["name"].Value))
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.Last().Groups["value"].Value));
    }

    /// <summary>Signs in through the real sign-in form; the answer is the redirect (its Location says where to).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password = BrowserFixture.DemoPassword, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/Account/Login" : "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var fields = HiddenFields(await GetStringAsync(path), "login");
        fields["Input.UserName"] = email;
        fields["Input.Password"] = password;
        return await PostFormAsync(path, fields);
    }

    /// <summary>Signs in and checks it worked (a redirect away from the sign-in page).</summary>
    public async Task SignInOrFailAsync(string email, string password = BrowserFixture.DemoPassword)
    {
        var response = await SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email}: {(int)response.StatusCode}");
        Assert.DoesNotContain("/Account/", response.Headers.Location!.OriginalString);
    }

    /// <summary>"Keluar" as the layout's form posts it: with the antiforgery token of a page the user has open.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var html = await GetStringAsync("/");
        var form = SignOutForm().Match(html);
        Assert.True(form.Success, "The page has no sign-out form.");
        return await PostFormAsync("/Account/Logout", HiddenFields(form.Value));
    }

    private void Keep(string header)
    {
        SetCookieHeaders.Add(header);
        var pair = header.Split(';', 2)[0];
        var equals = pair.IndexOf('=');
        if (equals <= 0) return;
        var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
        var expired = ExpiresInThePast().Match(header) is { Success: true } m
            && DateTimeOffset.TryParse(m.Groups["date"].Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expires)
            && expires < DateTimeOffset.UtcNow;
        if (expired || value.Length == 0) Cookies.Remove(name);
        else Cookies[name] = value;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("<form[^>]*action=\"[^\"]*Account/Logout\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex SignOutForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("expires=(?<date>[^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiresInThePast();
}
