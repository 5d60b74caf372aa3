using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>
/// "Cetak Profil Lembaga" of an institution whose profile holds very long values (written straight into the database,
/// whatever the forms allow) on the real app, while other people sign in and load pages: none of them waits for the
/// PDF or fails ("database is locked", HTTP 500).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class SlowReceiptBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task Parallel_sign_ins_and_page_loads_succeed_while_a_long_profile_is_printed()
    {
        await using var app = await TestApp.StartAsync();
        await using (var db = app.CreateDbContext())
        {
            var institution = await db.Institutions.SingleAsync(i => i.Name == "MIN 1 Sleman");
            institution.Address = "Jl." + new string('x', 10_000);
            institution.HeadName = string.Concat(Enumerable.Repeat("Ahmad", 1_000));
            institution.Village = new string('v', 5_000);
            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync(app);
        await BrowserFixture.SignInOnPageAsync(page, "operator@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(page, "/lembaga");

        var started = DateTime.UtcNow;
        await page.GetByRole(AriaRole.Button, new() { Name = "Cetak Profil Lembaga (PDF)" }).ClickAsync();
        // Meanwhile: other users sign in (each writes its audit entry) and load pages, in parallel.
        var others = Enumerable.Range(0, 4).Select(async i =>
        {
            using var client = ReceiptHttp.NewClient(app);
            var signIn = await ReceiptHttp.SignInAsync(client, i % 2 == 0 ? "kepala@min1sleman.sch.id" : "admin@kemenagsleman.go.id");
            var home = await client.GetAsync("/");
            var verification = await client.GetAsync("/verifikasi");
            return (SignIn: signIn.StatusCode, Home: home.StatusCode, Verification: verification.StatusCode, Elapsed: DateTime.UtcNow - started);
        }).ToList();

        await Expect(page.GetByTestId("issued-receipt-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^BPL-\d{4}-\d{6}$"),
            new() { Timeout = 120_000 });
        var printed = DateTime.UtcNow - started;
        var results = await Task.WhenAll(others);
        output.WriteLine($"Printed in {printed.TotalMilliseconds:0} ms; the others done after {string.Join(", ", results.Select(r => $"{r.Elapsed.TotalMilliseconds:0} ms"))}.");

        Assert.All(results, r =>
        {
            Assert.Equal(HttpStatusCode.Redirect, r.SignIn);
            Assert.Equal(HttpStatusCode.OK, r.Home);
            Assert.Equal(HttpStatusCode.OK, r.Verification);
        });
        Assert.DoesNotContain("database is locked", app.Log);

        // The PDF holds every character of the long address.
        var number = await page.GetByTestId("issued-receipt-number").TextContentAsync();
        var response = await page.APIRequest.GetAsync($"/bukti/{number}.pdf");
        Assert.Equal(200, response.Status);
        var text = PdfTestKit.PdfToText(await response.BodyAsync());
        Assert.Equal(10_000, text.Count(c => c == 'x'));
        await page.Context.CloseAsync();
    }
}
