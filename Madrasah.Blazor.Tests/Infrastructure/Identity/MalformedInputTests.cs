using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Infrastructure.Identity;

/// <summary>
/// What a careless user or an attacker types (<see cref="RouteSweep.MalformedValues"/>), put into every route's address
/// parameters, every query name the pages read and every field of every form a page posts, signed out and signed in:
/// the app answers each with a page or a refusal, never a server error.
/// </summary>
[Trait("Kind", "App")]
public sealed partial class MalformedInputTests(OwnAppFixture fixture) : IClassFixture<OwnAppFixture>
{
    [Fact]
    public async Task Malformed_values_in_every_address_query_and_form_never_give_a_server_error()
    {
        var app = fixture.App;
        var failures = new List<string>();
        var tried = 0;
        var formsFound = new HashSet<string>();

        async Task TryAsync(HttpClient client, string who, HttpRequestMessage request, string what)
        {
            tried++;
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || body.Contains("   at Madrasah."))
                failures.Add($"{who} {what}: HTTP {(int)response.StatusCode}");
        }

        foreach (var who in new string?[] { null, "operator@alhikmah.ponpes.id", "admin@madrasah.demo.id" })
        {
            var label = who ?? "tamu";
            using var client = who is null ? HttpVisitor.New(app.BaseUrl) : await HttpVisitor.SignedInAsync(app.BaseUrl, who);

            // Address parameters: each {…} of a route replaced by each value.
            foreach (var pattern in RouteSweep.Routes.Keys.Where(p => p.Contains('{')))
                foreach (var (name, value) in RouteSweep.MalformedValues.Where(v => v.Encoded.Length is > 0 and < 2_000))
                {
                    var path = Parameter().Replace(pattern, value);
                    await TryAsync(client, label, new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), $"GET {pattern} ← {name}");
                }

            // Query names: every value at once in each, on every address without parameters.
            var plainPaths = RouteSweep.Routes.Where(r => !r.Key.Contains('{')).Select(r => r.Key).ToList();
            foreach (var path in plainPaths)
                foreach (var (name, value) in RouteSweep.MalformedValues)
                {
                    var query = string.Join("&", RouteSweep.QueryNames.Select(q => $"{q}={value}"));
                    await TryAsync(client, label, new HttpRequestMessage(HttpMethod.Get, new Uri($"{path}?{query}", UriKind.Relative)), $"GET {path}?… ← {name}");
                }

            // Forms: every form a page posts back (static server rendering), each field given each value in turn.
            foreach (var path in plainPaths)
            {
                using var page = await client.GetAsync(path);
                var html = await page.Content.ReadAsStringAsync();
                foreach (Match form in PostForm().Matches(html))
                {
                    var hidden = HiddenInput().Matches(form.Value).Select(m => (m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value))).ToList();
                    var fields = NamedField().Matches(form.Value).Select(m => m.Groups["name"].Value)
                        .Where(n => hidden.All(h => h.Item1 != n)).Distinct().ToList();
                    if (fields.Count == 0) continue;
                    formsFound.Add($"{path} ({string.Join(", ", fields)})");
                    foreach (var field in fields)
                        foreach (var (name, value) in RouteSweep.MalformedValues)
                        {
                            var body = string.Join("&", hidden.Select(h => $"{Uri.EscapeDataString(h.Item1)}={Uri.EscapeDataString(h.Item2)}")
                                .Concat(fields.Select(f => $"{Uri.EscapeDataString(f)}={(f == field ? value : "contoh")}")));
                            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
                            {
                                Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"),
                            };
                            await TryAsync(client, label, request, $"POST {path} {field} ← {name}");
                        }
                }
            }
        }

        // A successful sign-in sends the user on to ReturnUrl, whatever was put there (also behind a "/", as local addresses start).
        foreach (var (name, value) in RouteSweep.MalformedValues.SelectMany(v => new[] { v, ("/" + v.Label, "/" + v.Encoded) }))
        {
            using var client = HttpVisitor.New(app.BaseUrl);
            var fields = await HttpVisitor.FormFieldsAsync(client, "/Account/Login");
            fields["Input.UserName"] = "operator@alhikmah.ponpes.id";
            fields["Input.Password"] = Madrasah.Blazor.Data.DemoData.Password;
            var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/Account/Login?ReturnUrl={value}", UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"),
            };
            await TryAsync(client, "operator@alhikmah.ponpes.id", request, $"POST /Account/Login?ReturnUrl ← {name}");
        }

        // The forms were found (else a changed markup would leave them untried and this test passing).
        Assert.Contains(formsFound, f => f.StartsWith("/Account/Login ("));
        Assert.Contains(formsFound, f => f.StartsWith("/akun/lupa-password ("));
        Assert.Contains(formsFound, f => f.StartsWith("/registrasi-kepala/kirim-ulang-verifikasi ("));
        Assert.Contains(formsFound, f => f.StartsWith("/akun/password ("));
        ProbeReport.Add($"Malformed inputs tried: {tried} requests (address parameters, query names, {formsFound.Count} forms' fields, sign-in ReturnUrl) as 3 visitors; server errors: {failures.Count}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} malformed requests failed:\n" + string.Join("\n", failures.Take(60)));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"<form[^>]*method=""post""[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<(?:input|textarea|select)[^>]*\\sname=\"(?<name>[^\"]+)\"")]
    private static partial Regex NamedField();
}
