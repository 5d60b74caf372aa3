using System.Net;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// Plain HTTP against the real app, as a script or a crawler sees it: its own cookies, no redirects followed,
/// and sign-in through the real form (its antiforgery token and cookie), as a browser would post it.
/// </summary>
public static class HttpVisitor
{
    public static HttpClient New(string baseUrl) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri(baseUrl),
        };

    /// <summary>A client signed in as <paramref name="email"/>; fails when the sign-in does not redirect (it did not succeed).</summary>
    public static async Task<HttpClient> SignedInAsync(string baseUrl, string email, string password = Madrasah.Blazor.Data.DemoData.Password)
    {
        var client = New(baseUrl);
        var fields = await FormFieldsAsync(client, "/Account/Login");
        fields["Input.UserName"] = email;
        fields["Input.Password"] = password;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/Account/Login") == true)
            throw new InvalidOperationException($"Sign-in as {email} failed: HTTP {(int)response.StatusCode}.");
        return client;
    }

    /// <summary>The hidden fields of the page's form (antiforgery token, form name), to post it back with one's own values.</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string path)
    {
        return PlainHttpClient.HiddenFields(await client.GetStringAsync(path));
    }
}
