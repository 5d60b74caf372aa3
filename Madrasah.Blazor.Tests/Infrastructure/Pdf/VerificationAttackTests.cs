using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>
/// The public page /verifikasi as someone holding only receipt numbers (sequential, easy to guess) would use it,
/// over plain HTTP against the real app: a number alone shows nothing, a wrong code answers like an unknown number,
/// the code printed on the receipt (and carried by its QR code) opens it, and guessing is rate-limited per client.
/// </summary>
[Collection(ReceiptAppCollection.Name)]
[Trait("Kind", "App")]
public sealed partial class VerificationAttackTests(ReceiptAppFixture fixture)
{
    private TestApp App => fixture.App;

    /// <summary>What the verification page shows of a receipt of MIN 1 Sleman (demo data): NSM, address, head, institution.</summary>
    private static readonly string[] ReceiptData = ["111134040001", "Jl. Kaliurang Km 7", "Ahmad Fauzi", "MIN 1 Sleman"];

    /// <summary>All the receipt holds (its issuer too): none of it may show without the code.</summary>
    private static readonly string[] AllReceiptData = [.. ReceiptData, "Siti Aminah"];

    private const string WrongCode = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345";

    /// <summary>A signed-out visitor with a client address of its own (rate limits are per client).</summary>
    private HttpClient Visitor()
    {
        var client = ReceiptHttp.NewClient(App);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", fixture.NewClientAddress());
        return client;
    }

    /// <summary>A receipt of MIN 1 Sleman and its PDF as its operator downloads it.</summary>
    private async Task<(string Number, byte[] Pdf)> IssuedReceiptAsync(int sequence)
    {
        var number = await ReceiptHttp.AddUndrawnReceiptAsync(App, "institution-profile", "BPL", "Bukti Profil Lembaga", sequence);
        using var operatorClient = await ReceiptHttp.SignedInClientAsync(App, "operator@min1sleman.sch.id");
        var response = await operatorClient.GetAsync($"/bukti/{number}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.True(pdf.Length > 5 && Encoding.ASCII.GetString(pdf, 0, 5) == "%PDF-", $"The download of {number} is not a PDF ({pdf.Length} bytes).");
        return (number, pdf);
    }

    /// <summary>
    /// The page with the number replaced and what differs on every response removed (the antiforgery token, Blazor's
    /// protected component state): what two answers share.
    /// </summary>
    private static string Comparable(string html, string number) =>
        PerResponse().Replace(html.Replace(number, "NOMOR", StringComparison.OrdinalIgnoreCase), "");

    [GeneratedRegex("<input type=\"hidden\"[^>]*>|<!--Blazor-Server-Component-State:[^>]*-->| nonce=\"[^\"]*\"")]
    private static partial Regex PerResponse();

    /// <summary>Posts the page's own form (its antiforgery token scraped from the page) with a number and a code.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string number, string code)
    {
        var page = await client.GetAsync("/verifikasi");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var fields = ReceiptHttp.HiddenFields(await page.Content.ReadAsStringAsync());
        fields["Input.Number"] = number;
        fields["Input.Code"] = code;
        return await client.PostAsync("/verifikasi", new FormUrlEncodedContent(fields));
    }

    private static void AssertShowsNothingOfTheReceipt(string html)
    {
        foreach (var data in AllReceiptData) Assert.DoesNotContain(data, html);
        Assert.DoesNotContain("verification-genuine", html);
    }

    [Fact]
    public async Task A_number_alone_shows_nothing_of_the_receipt_only_a_form_asking_for_its_code()
    {
        var (number, _) = await IssuedReceiptAsync(801);
        using var visitor = Visitor();

        var known = await visitor.GetAsync($"/verifikasi/{number}");
        var html = await known.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        AssertShowsNothingOfTheReceipt(html);
        Assert.Contains("Kode verifikasi", html);
        Assert.Contains("name=\"Input.Code\"", html);
        // Not even whether the number exists: an unknown number gets the very same page.
        var unknown = await visitor.GetAsync("/verifikasi/BPL-2026-999801");
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(Comparable(html, number), Comparable(await unknown.Content.ReadAsStringAsync(), "BPL-2026-999801"));
    }

    [Fact]
    public async Task A_wrong_code_gets_the_same_not_found_answer_as_an_unknown_number()
    {
        var (number, _) = await IssuedReceiptAsync(802);
        using var visitor = Visitor();

        var wrong = await visitor.GetAsync($"/verifikasi/{number}?kode={WrongCode}");
        var unknown = await visitor.GetAsync($"/verifikasi/BPL-2026-999802?kode={WrongCode}");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        AssertShowsNothingOfTheReceipt(wrongHtml);
        Assert.Contains("TIDAK DITEMUKAN", wrongHtml);
        Assert.Equal(Comparable(wrongHtml, number), Comparable(await unknown.Content.ReadAsStringAsync(), "BPL-2026-999802"));

        // Typed into the page's form: the same again.
        var typedWrong = await PostFormAsync(visitor, number, WrongCode);
        var typedUnknown = await PostFormAsync(visitor, "BPL-2026-999802", WrongCode);
        var typedWrongHtml = await typedWrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, typedWrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, typedUnknown.StatusCode);
        AssertShowsNothingOfTheReceipt(typedWrongHtml);
        Assert.Equal(Comparable(typedWrongHtml, number), Comparable(await typedUnknown.Content.ReadAsStringAsync(), "BPL-2026-999802"));
    }

    [Fact]
    public async Task The_QR_code_carries_a_random_code_that_opens_the_receipt_and_the_printed_code_can_be_typed()
    {
        var (number, pdf) = await IssuedReceiptAsync(803);

        var url = Assert.Single(PdfTestKit.QrCodes(pdf));
        var match = Regex.Match(url, $"^{Regex.Escape(App.BaseUrl)}/verifikasi/{number}\\?kode=(?<code>[0-9A-Z]+)$");
        Assert.True(match.Success, $"QR code: {url}");
        var code = match.Groups["code"].Value;
        Assert.True(code.Length * 5 >= 128, $"{code}: fewer than 128 bits"); // base32: 5 bits a character
        var printed = Regex.Match(PdfTestKit.PdfToFlatText(pdf), @"Kode verifikasi: (?<code>[0-9A-Z]{4}(?:-[0-9A-Z]{1,4})+)");
        Assert.True(printed.Success, "No \"Kode verifikasi\" printed on the receipt.");
        Assert.Equal(code, printed.Groups["code"].Value.Replace("-", ""));

        // The database keeps no copy of the code in any text column (only what checks it).
        await using (var connection = new SqliteConnection(Madrasah.Blazor.Data.Providers.SqliteDatabase.BuildConnectionString(App.DatabasePath, App.DataFolder)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM Receipts WHERE Number = $n";
            command.Parameters.AddWithValue("$n", number);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            for (var i = 0; i < reader.FieldCount; i++)
                if (reader.GetValue(i) is string text) Assert.DoesNotContain(code, text, StringComparison.OrdinalIgnoreCase);
        }

        // Scanned: the QR code's address shows the receipt.
        using var visitor = Visitor();
        var scanned = await visitor.GetAsync(new Uri(url).PathAndQuery);
        var html = await scanned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        Assert.Contains("verification-genuine", html);
        Assert.Contains("Bukti ASLI", html);
        foreach (var data in ReceiptData) Assert.Contains(data, html);

        // Typed from the paper, as people type: lower case, spaces around the dashes.
        var typed = await PostFormAsync(visitor, number.ToLowerInvariant(), printed.Groups["code"].Value.ToLowerInvariant().Replace("-", " - "));
        var typedHtml = await typed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Contains("verification-genuine", typedHtml);
        Assert.Contains("111134040001", typedHtml);
    }

    [Fact]
    public async Task Guessing_is_rate_limited_per_client_with_an_Indonesian_answer()
    {
        using var attacker = Visitor();
        using var someoneElse = Visitor();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i <= ReceiptAppFixture.PermitLimit; i++)
            answers.Add(await attacker.GetAsync($"/verifikasi/BPL-2026-{500 + i:000000}?kode={WrongCode}"));

        Assert.All(answers.Take(ReceiptAppFixture.PermitLimit), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        var refused = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "No Retry-After header.");
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"id\"", html);
        Assert.Contains("Terlalu banyak permintaan verifikasi", html);
        // The form is refused as well; another client is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.GetAsync("/verifikasi")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync("/verifikasi")).StatusCode);
    }
}
