using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.SignIn;

/// <summary>
/// An administrator deactivates an operator who has the change form open in a browser and whose cookie has also
/// been copied: the open page stops working within the circuits' revalidation interval (set to a few seconds
/// here), nothing it saves lands, and the copied cookie opens neither pages nor downloads.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class SessionRevocationBrowserTests(BrowserFixture fixture, SessionRevocationBrowserTests.ShortRevalidationApp own)
    : IClassFixture<SessionRevocationBrowserTests.ShortRevalidationApp>, IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    /// <summary>Circuits re-check their sign-in every <see cref="RevalidationSeconds"/> seconds.</summary>
    public const int RevalidationSeconds = 3;

    public sealed class ShortRevalidationApp : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            App = await TestApp.StartAsync(new Dictionary<string, string> { ["Sessions__RevalidationSeconds"] = RevalidationSeconds.ToString() });

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    private TestApp App => own.App;

    [Fact]
    public async Task A_deactivated_operators_open_page_its_save_and_its_copied_cookie_stop_working()
    {
        const string email = "operator@alhikmah.ponpes.id", typed = "Asrama putri tiga lantai (uji nonaktif)";
        var receipt = await SessionTestKit.AddReceiptAsync(App, "Pondok Pesantren Al-Hikmah Sleman");
        var operatorPage = await fixture.NewPageAsync(App);
        await BrowserFixture.SignInOnPageAsync(operatorPage, email);
        var cookies = await operatorPage.Context.CookiesAsync();
        using var copied = new PlainHttpClient(App.BaseUrl, cookies.ToDictionary(c => c.Name, c => c.Value));
        await SessionTestKit.AssertSignedInAsync(copied, receipt);

        await BrowserFixture.OpenAsync(operatorPage, "/lembaga/ubah");
        await operatorPage.GetByLabel("Sarana Prasarana").FillAsync(typed);

        var admin = await fixture.NewPageAsync(App);
        await BrowserFixture.SignInOnPageAsync(admin, "admin@madrasah.demo.id");
        await BrowserFixture.OpenAsync(admin, "/admin/pengguna");
        await admin.GetByLabel("Cari pengguna").FillAsync("alhikmah");
        var row = admin.GetByTestId("users-table").Locator("tbody tr").Filter(new() { HasText = email });
        await row.GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog, new() { Name = "Nonaktifkan akun?" }).GetByRole(AriaRole.Button, new() { Name = "Ya, Nonaktifkan" }).ClickAsync();
        await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("Nonaktif");

        // The open form: a save tried now is refused (if the page still offers the button at all) ...
        try { await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Simpan Draf" }).ClickAsync(new() { Timeout = 2_000 }); }
        catch (TimeoutException) { /* the page already left the form: nothing to click */ }

        // ... and within the revalidation interval (plus a page load) the page is the sign-in form.
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Masuk" }))
            .ToBeVisibleAsync(new() { Timeout = (RevalidationSeconds + 12) * 1000 });
        await Expect(operatorPage.GetByTestId("change-form")).ToHaveCountAsync(0);
        await Expect(operatorPage.GetByTestId("user-name")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(operatorPage, "session-deactivated-open-page");

        await using (var db = App.CreateDbContext())
            Assert.False(await db.Set<ChangeRequest>().AnyAsync(r => r.Fields.Any(f => f.NewValue == typed)), "The deactivated operator's save landed.");

        // The copied cookie opens neither a page nor the download.
        await SessionTestKit.AssertSignedOutAsync(copied, receipt);

        await operatorPage.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
