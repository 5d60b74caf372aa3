using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Infrastructure.Audit;

[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class AuditBrowserTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task Sign_ins_are_in_the_audit_log_of_the_own_institution_only()
    {
        var other = await fixture.SignInAsync("operator@mtsn3sleman.sch.id");
        await other.Context.CloseAsync();

        var page = await fixture.SignInAsync("operator@min1sleman.sch.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Log Audit" }).ClickAsync();
        var table = page.GetByTestId("audit-table");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "operator@min1sleman.sch.id" }).First).ToContainTextAsync("Masuk ke aplikasi.");
        await Expect(table.GetByText("operator@mtsn3sleman.sch.id")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "audit-log");
        await page.Context.CloseAsync();
    }
}
