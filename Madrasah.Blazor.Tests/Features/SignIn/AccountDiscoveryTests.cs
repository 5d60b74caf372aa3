using System.Net;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Features.SignIn;

/// <summary>
/// Issue 9, item 4, as the attack, over HTTP against the real app: nothing a visitor sees (status, text) tells whether a
/// NIK or an email address has an account, before or after the limits. That "Lupa Password" does the same work, so takes
/// the same time, for both is asserted without a clock in <c>UserAccountsServiceTests</c> (its answer reads nothing). The app trusts the loopback proxy,
/// so each post may claim its own client address (X-Forwarded-For), as many attackers' machines would.
/// </summary>
[Trait("Kind", "App")]
public sealed class AccountDiscoveryTests(DiscoveryAppFixture fixture) : IClassFixture<DiscoveryAppFixture>
{
    private const string NikWithAccount = "3404071211750001"; // kepala@min1sleman.sch.id
    private const string OtherNikWithAccount = "3404074503900002"; // nur.hidayah@guru.demo.id
    private const string UnknownNik = "3404015508780009"; // a valid NIK nobody has
    private const string Existing = "operator@min1sleman.sch.id";
    private const string OtherExisting = "operator@alhikmah.ponpes.id";

    private TestApp App => fixture.App;

    /// <summary>What the sign-in page answers: the status, where it sends, and the alert's text.</summary>
    private static async Task<string> SignInAsync(StaticForm login, string userName, string password, string client)
    {
        var (status, html) = await login.PostAsync(new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password }, client);
        return $"{(int)status} {StaticForm.TextOf(html, "login-error")}";
    }

    [Fact]
    public async Task A_NIK_with_an_account_and_one_without_get_the_same_answers_before_and_after_the_NIK_limit()
    {
        using var login = await StaticForm.OpenAsync(App, "/Account/Login");
        for (var i = 0; i < 7; i++)
        {
            var withAccount = await SignInAsync(login, NikWithAccount, "Salah#Sandi123", $"10.1.0.{i}");
            var without = await SignInAsync(login, UnknownNik, "Salah#Sandi123", $"10.2.0.{i}");
            Assert.Equal(without, withAccount);
            Assert.StartsWith(i < 5 ? "200 Periksa kembali NIK dan Password." : "200 Terlalu banyak percobaan", withAccount);
        }
    }

    [Fact]
    public async Task A_NIK_with_an_account_and_one_without_get_the_same_answer_after_the_client_limit()
    {
        using var login = await StaticForm.OpenAsync(App, "/Account/Login");
        for (var i = 0; i < 20; i++) await SignInAsync(login, $"34040155087{80010 + i}", "ABCDE23456", "10.3.0.1");

        var withAccount = await SignInAsync(login, OtherNikWithAccount, "Salah#Sandi123", "10.3.0.1");
        var without = await SignInAsync(login, UnknownNik, "Salah#Sandi123", "10.3.0.1");
        Assert.Equal(without, withAccount);
        Assert.StartsWith("200 Terlalu banyak percobaan", withAccount);
    }

    /// <summary>The answer of a "send me a link" page, the typed address replaced so that two addresses' answers compare.</summary>
    private static async Task<string> AskAsync(StaticForm form, string email, string client)
    {
        var (status, html) = await form.PostAsync(new Dictionary<string, string> { ["Input.Email"] = email }, client);
        var alert = new[] { "reset-sent", "reset-throttled", "resend-done", "resend-throttled" }
            .Select(id => (id, text: StaticForm.TextOf(html, id))).FirstOrDefault(a => a.text is not null);
        return $"{(int)status} {alert.id}: {alert.text?.Replace(email, "{email}")}";
    }

    [Theory]
    [InlineData("/akun/lupa-password", "reset-sent", "reset-throttled")]
    [InlineData(HeadAccountService.ResendPath, "resend-done", "resend-throttled")]
    public async Task An_address_with_an_account_and_one_without_get_the_same_answers_before_and_after_the_limit(string path, string taken, string throttled)
    {
        using var form = await StaticForm.OpenAsync(App, path);
        var unknown = $"tidak.ada.{Guid.NewGuid():N}@contoh.sch.id";
        var known = path == HeadAccountService.ResendPath ? OtherExisting : Existing;
        for (var i = 0; i <= DiscoveryAppFixture.MaxPerAddressPerHour; i++)
        {
            var withAccount = await AskAsync(form, known, $"10.4.{i}.1");
            var without = await AskAsync(form, unknown, $"10.5.{i}.1");
            Assert.Equal(without, withAccount);
            Assert.StartsWith($"200 {(i < DiscoveryAppFixture.MaxPerAddressPerHour ? taken : throttled)}:", withAccount);
        }
    }
}

/// <summary>An app of its own that trusts the loopback proxy (so tests may name their clients), with room for many link requests per address.</summary>
public sealed class DiscoveryAppFixture : IAsyncLifetime
{
    public const int MaxPerAddressPerHour = 60;

    public TestApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await TestApp.StartAsync(new Dictionary<string, string>
    {
        ["App__TrustedProxies__0"] = "127.0.0.1",
        ["UserAccounts__ResendIntervalSeconds"] = "0",
        ["UserAccounts__ResendMaxPerHour"] = MaxPerAddressPerHour.ToString(),
        ["HeadRegistration__ResendIntervalSeconds"] = "0",
        ["HeadRegistration__ResendMaxPerHour"] = MaxPerAddressPerHour.ToString(),
    });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
