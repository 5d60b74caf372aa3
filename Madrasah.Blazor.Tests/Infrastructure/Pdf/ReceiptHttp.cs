using System.Net;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>
/// Plain HTTP against a running <see cref="TestApp"/>, as a script (or an attacker) would talk to it: own cookies,
/// no redirects followed, sign-in through the real form with its antiforgery token.
/// </summary>
internal static partial class ReceiptHttp
{
    public static HttpClient NewClient(TestApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
            Timeout = TimeSpan.FromSeconds(120),
        };

    /// <summary>Signs in through the real sign-in form; fails the test unless the app answers with the redirect of a success.</summary>
    public static async Task<HttpClient> SignedInClientAsync(TestApp app, string email)
    {
        var client = NewClient(app);
        var response = await SignInAsync(client, email);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in of {email}: HTTP {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>GET the sign-in page, POST the form: the response of the POST (302 on success).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = BrowserFixture.DemoPassword)
    {
        var form = await client.GetAsync("/Account/Login");
        if (form.StatusCode != HttpStatusCode.OK) return form;
        var fields = HiddenFields(await form.Content.ReadAsStringAsync());
        fields["Input.UserName"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The hidden inputs of a page (antiforgery token, the form's handler name).</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    /// <summary>
    /// A receipt row of MIN 1 Sleman written straight into the app's database, its PDF not drawn yet (the state of a
    /// receipt whose number was committed just before the process stopped): the app draws it when it is first downloaded.
    /// </summary>
    public static async Task<string> AddUndrawnReceiptAsync(TestApp app, string kind, string prefix, string title, int sequence)
    {
        await using var db = app.CreateDbContext();
        var institution = await db.Institutions.SingleAsync(i => i.Name == "MIN 1 Sleman");
        var number = ReceiptNumberGenerator.Format(prefix, 2026, sequence);
        db.Add(new Receipt
        {
            Number = number, Kind = kind, Title = title,
            InstitutionId = institution.Id, DistrictId = institution.DistrictId, InstitutionName = institution.Name,
            IssuedUtc = DateTime.UtcNow, IssuedByName = "Siti Aminah",
            FactsJson = System.Text.Json.JsonSerializer.Serialize(new[]
            {
                new ReceiptFact("Nama Lembaga", institution.Name),
                new ReceiptFact("NSM", institution.StatisticNumber),
                new ReceiptFact("Alamat", institution.Address),
                new ReceiptFact("Kepala Lembaga", institution.HeadName ?? "—"),
            }),
        });
        await db.SaveChangesAsync();
        return number;
    }
}
