using Bunit;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Features.UserAccounts;

/// <summary>The buttons of one account row, by the account's status, and the question before "Nonaktifkan".</summary>
public sealed class UserRowActionsTests : ComponentTestContext
{
    private static UserListItem Account(UserStatus status, bool manageable = true) =>
        new("u1", "Rudi Hartono", "rudi@mtsn3sleman.sch.id", Roles.Operator, "MTs Negeri 3 Sleman", status, manageable);

    private string[] Buttons(UserListItem account) =>
        Render<UserRowActions>(p => p.Add(x => x.User, account)).FindAll("button").Select(b => b.TextContent.Trim()).ToArray();

    [Theory]
    [InlineData(UserStatus.AwaitingActivation, new[] { "Kirim Ulang Aktivasi", "Nonaktifkan" })]
    [InlineData(UserStatus.Active, new[] { "Nonaktifkan" })]
    [InlineData(UserStatus.LockedOut, new[] { "Aktifkan", "Nonaktifkan" })]
    [InlineData(UserStatus.Deactivated, new[] { "Aktifkan" })]
    public void Each_status_offers_its_own_actions(UserStatus status, string[] expected) =>
        Assert.Equal(expected, Buttons(Account(status)));

    [Fact]
    public void An_account_the_viewer_does_not_manage_offers_nothing() =>
        Assert.Empty(Buttons(Account(UserStatus.Active, manageable: false)));

    [Fact]
    public void Nonaktifkan_deactivates_only_after_Ya_in_the_dialog()
    {
        var providers = RenderMudProviders();
        var changes = new List<(UserListItem User, bool Active)>();
        var actions = Render<UserRowActions>(p => p.Add(x => x.User, Account(UserStatus.Active)).Add(x => x.OnSetActive, change => changes.Add(change)));

        actions.Find("button").Click();
        var dialog = providers.WaitForElement("[role=dialog]");
        Assert.Equal("Nonaktifkan akun?", dialog.QuerySelector(".mud-dialog-title")!.TextContent.Trim());
        providers.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Batal").Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("[role=dialog]")));
        Assert.Empty(changes);

        actions.Find("button").Click();
        providers.WaitForElement("[role=dialog]");
        providers.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Ya, Nonaktifkan").Click();

        actions.WaitForAssertion(() => Assert.Equal([("u1", false)], changes.Select(c => (c.User.Id, c.Active))));
    }

    [Fact]
    public void Aktifkan_and_Kirim_Ulang_Aktivasi_act_at_once()
    {
        var resent = new List<string>();
        var changes = new List<bool>();
        var locked = Render<UserRowActions>(p => p.Add(x => x.User, Account(UserStatus.LockedOut)).Add(x => x.OnSetActive, change => changes.Add(change.Active)));
        var waiting = Render<UserRowActions>(p => p.Add(x => x.User, Account(UserStatus.AwaitingActivation)).Add(x => x.OnResend, user => resent.Add(user.Email)));

        locked.FindAll("button").Single(b => b.TextContent.Trim() == "Aktifkan").Click();
        waiting.FindAll("button").Single(b => b.TextContent.Trim() == "Kirim Ulang Aktivasi").Click();

        Assert.Equal([true], changes);
        Assert.Equal(["rudi@mtsn3sleman.sch.id"], resent);
    }
}
