using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

[Collection(BrowserCollection.Name)]
public sealed class MailboxBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_message_queued_by_the_app_appears_in_the_development_mailbox_live()
    {
        // Someone already watching /dev/surat sees the message arrive without reloading.
        var watcher = await fixture.SignInAsync("operator@min1sleman.sch.id");
        await watcher.GetByRole(AriaRole.Link, new() { Name = "Kotak Surat (Pengembangan)" }).ClickAsync();
        await Expect(watcher.GetByRole(AriaRole.Heading, new() { Name = "Kotak Surat (Pengembangan)" })).ToBeVisibleAsync();

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

        // Delivered for real: the pickup folder holds the .eml.
        Assert.Contains(Directory.GetFiles(fixture.App.MailFolder, "*.eml"), f => File.ReadAllText(f).Contains(address));
        await watcher.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task In_Development_the_mailbox_opens_without_signing_in()
    {
        // A head who is registering has no account yet and reads the verification email here.
        var visitor = await fixture.NewPageAsync();
        var response = await visitor.GotoAsync("/dev/surat");
        Assert.Equal(200, response!.Status);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Kotak Surat (Pengembangan)" })).ToBeVisibleAsync();
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dev/surat$"));
        await visitor.Context.CloseAsync();
    }
}
