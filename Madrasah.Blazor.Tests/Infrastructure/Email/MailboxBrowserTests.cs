using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class MailboxBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task A_message_queued_by_the_app_appears_in_the_development_mailbox_live()
    {
        // An administrator already watching /dev/surat sees the message arrive without reloading.
        var watcher = await fixture.SignInAsync("admin@madrasah.demo.id");
        await watcher.GetByRole(AriaRole.Link, new() { Name = "Kotak Surat (Pengembangan)" }).ClickAsync();
        await Expect(watcher.GetByRole(AriaRole.Heading, new() { Name = "Kotak Surat (Pengembangan)" })).ToBeVisibleAsync();
        var problems = new List<string>(); // a Development page: the production sweep of the menus never sees it
        await AccessibilityBrowserTests.CheckShownAsync(watcher, "/dev/surat", problems);

        var admin = await fixture.SignInAsync("admin@madrasah.demo.id");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Surat Keluar" }).ClickAsync();
        var address = $"uji.{Guid.NewGuid():N}@contoh.sch.id";
        await admin.GetByTestId("test-address").FillAsync(address);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Kirim Email Uji" }).ClickAsync();
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync($"Email uji untuk {address} masuk antrean pengiriman.");

        var row = watcher.GetByTestId("mail-row").Filter(new() { HasText = address });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Terkirim");
        await row.ClickAsync();
        await Expect(watcher.GetByTestId("mail-subject")).ToHaveTextAsync("Uji pengiriman email");
        await Expect(watcher.GetByTestId("mail-body").GetByRole(AriaRole.Link, new() { Name = "Buka Madrasah" }))
            .ToHaveAttributeAsync("href", fixture.App.BaseUrl + "/");
        await BrowserFixture.ScreenshotAsync(watcher, "dev-mailbox");
        await AccessibilityBrowserTests.CheckShownAsync(watcher, "/dev/surat (a message open)", problems);

        // Delivered for real: the pickup folder holds the .eml.
        Assert.Contains(Directory.GetFiles(fixture.App.MailFolder, "*.eml"), f => File.ReadAllText(f).Contains(address));
        await watcher.Context.CloseAsync();
        await admin.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems);
    }

    [Fact]
    public async Task The_mailbox_is_the_administrators_alone_even_in_Development()
    {
        // Activation and reset links of every institution are in there: a visitor is sent to the sign-in form ...
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/dev/surat");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("mail-list")).ToHaveCountAsync(0);

        // ... and an operator has no menu item and is refused the address.
        var operatorPage = await fixture.SignInAsync("operator@min1sleman.sch.id");
        await Expect(operatorPage.GetByRole(AriaRole.Link, new() { Name = "Kotak Surat (Pengembangan)" })).ToHaveCountAsync(0);
        await operatorPage.GotoAsync("/dev/surat");
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Akses ditolak" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByTestId("mail-list")).ToHaveCountAsync(0);
        await Expect(operatorPage.GetByTestId("mail-empty")).ToHaveCountAsync(0);

        // In-app navigation of the operator's own circuit is refused as well.
        await BrowserFixture.OpenAsync(operatorPage, "/");
        await operatorPage.EvaluateAsync("() => Blazor.navigateTo('/dev/surat')");
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Akses ditolak" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByTestId("mail-list")).ToHaveCountAsync(0);

        await visitor.Context.CloseAsync();
        await operatorPage.Context.CloseAsync();
    }
}
