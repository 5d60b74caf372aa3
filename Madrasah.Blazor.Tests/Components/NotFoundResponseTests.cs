using System.Net;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>
/// A page that finds nothing answers HTTP 404 (not 200 with a not-found text): unknown addresses, and records
/// that do not exist or are not the user's. Plain HTTP against the real app, as a crawler or a script sees it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class NotFoundResponseTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private HttpClient NewClient() => HttpVisitor.New(fixture.App.BaseUrl);

    private Task<HttpClient> SignedInClientAsync(string email) => HttpVisitor.SignedInAsync(fixture.App.BaseUrl, email);

    private static async Task<string> ExpectAsync(HttpClient client, string path, HttpStatusCode status)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"{path}: {(int)response.StatusCode} instead of {(int)status}");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_Indonesian_page_signed_out_and_signed_in()
    {
        using var visitor = NewClient();
        Assert.Contains("Halaman tidak ditemukan", await ExpectAsync(visitor, "/tidak-ada-halaman-ini", HttpStatusCode.NotFound));

        using var client = await SignedInClientAsync("operator@min1sleman.sch.id");
        Assert.Contains("app-nav", await ExpectAsync(client, "/", HttpStatusCode.OK)); // signed in: the shell with its menu
        var html = await ExpectAsync(client, "/tidak-ada-halaman-ini", HttpStatusCode.NotFound);
        Assert.Contains("Halaman tidak ditemukan", html);
        Assert.Contains("app-nav", html); // inside the layout, menu and all
    }

    [Fact]
    public async Task A_change_request_id_that_does_not_exist_answers_404()
    {
        using var client = await SignedInClientAsync("operator@min1sleman.sch.id");

        var html = await ExpectAsync(client, "/perubahan/987654", HttpStatusCode.NotFound);
        Assert.Contains("Halaman tidak ditemukan", html);
        Assert.Contains("Halaman tidak ditemukan", await ExpectAsync(client, "/perubahan/987654/ubah", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task An_unknown_receipt_number_answers_404_and_still_says_which_number_is_not_genuine()
    {
        using var visitor = NewClient();

        // With a code (as its QR code carries it): a receipt not found. The number alone only asks for the code.
        var html = await ExpectAsync(visitor, "/verifikasi/BPL-2026-999999?kode=ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345", HttpStatusCode.NotFound);
        Assert.Contains("Bukti TIDAK DITEMUKAN", html);
        Assert.Contains("BPL-2026-999999", html);
        await ExpectAsync(visitor, "/verifikasi", HttpStatusCode.OK); // the empty form is a page of its own
        await ExpectAsync(visitor, "/verifikasi/BPL-2026-999999", HttpStatusCode.OK);
    }
}
