using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.UserAccounts;

/// <summary>
/// axe-core on the account pages no menu lists (AccessibilityBrowserTests checks the menus' pages): the new-user form
/// with its institution search open, the deactivation dialog, "Ubah Password", "Lupa Password" and an emailed link's page.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class UserAccountsAccessibilityBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task The_administrators_form_and_dialog_have_no_serious_violations()
    {
        var problems = new List<string>();
        var admin = await fixture.SignInAsync("admin@madrasah.demo.id");

        await AccessibilityBrowserTests.CheckAsync(admin, "/admin/pengguna/baru", problems, interactive: true);
        await admin.GetByTestId("new-user-role").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Operator / Staf Lembaga" }).ClickAsync();
        await admin.GetByLabel("Lembaga", new() { Exact = true }).FillAsync("MIN");
        await Expect(admin.GetByRole(AriaRole.Option, new() { Name = "MIN 1 Sleman" })).ToBeVisibleAsync();
        await AccessibilityBrowserTests.CheckShownAsync(admin, "/admin/pengguna/baru with the institution search open", problems);

        // The list itself is in the administrator's menu: AccessibilityBrowserTests checks it as it opens. Here, its dialog.
        await BrowserFixture.OpenAsync(admin, "/admin/pengguna");
        await admin.GetByTestId("users-table").Locator("tbody tr").Filter(new() { HasText = "operator@min1sleman.sch.id" })
            .GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await AccessibilityBrowserTests.CheckShownAsync(admin, "/admin/pengguna with the deactivation dialog", problems);
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();

        await admin.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems);
    }

    [Fact]
    public async Task The_password_pages_have_no_serious_violations()
    {
        var problems = new List<string>();
        var user = await fixture.SignInAsync("operator@min1sleman.sch.id");
        await AccessibilityBrowserTests.CheckAsync(user, "/akun/password", problems, interactive: false);
        await user.Context.CloseAsync();

        var visitor = await fixture.NewPageAsync();
        await AccessibilityBrowserTests.CheckAsync(visitor, "/akun/lupa-password", problems, interactive: false);
        await AccessibilityBrowserTests.CheckAsync(visitor, "/akun/atur-password?id=tidak-ada&token=tidak-berlaku", problems, interactive: true);
        await visitor.Context.CloseAsync();
        AccessibilityBrowserTests.Report(output, problems);
    }
}
