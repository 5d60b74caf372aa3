using System.Diagnostics;
using System.Net;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Features.SignIn;

/// <summary>
/// Issue 9, item 4, as the attack, over HTTP against the real app: nothing a visitor sees (status, text, time) tells
/// whether a NIK or an email address has an account, before or after the limits. The app trusts the loopback proxy,
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
    private const string TimedExisting = "kepegawaian@min1sleman.sch.id";
    private const string WarmUpExisting = "helpdesk@madrasah.demo.id";

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

    /// <summary>
    /// "Lupa Password" answers an existing address as fast as an unknown one. A sample is the fastest of three requests
    /// in a row (on a busy machine most of a request's time is waiting for the processor; the fastest of three is what
    /// the server itself spent), each from its own client; the two kinds alternate (ABBA, so neither always goes first)
    /// and the next round waits until the links' emails have left (so no sample shares the server with earlier links'
    /// work). The medians of 15 samples each may differ by at most 30% of the larger or 10 ms, whichever is larger:
    /// before the link's work (a database write, a token, an email) moved out of the answer, an address with an
    /// account was answered clearly slower.
    /// </summary>
    [Fact]
    public async Task Lupa_Password_answers_an_address_with_an_account_as_fast_as_one_without()
    {
        using var form = await StaticForm.OpenAsync(App, "/akun/lupa-password");
        var unknown = $"tidak.ada.{Guid.NewGuid():N}@contoh.sch.id";
        var clients = 0;
        async Task<double> FastestOfThreeAsync(string email)
        {
            var fastest = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var client = $"10.7.{++clients / 250}.{clients % 250 + 1}";
                var watch = Stopwatch.StartNew();
                var (status, html) = await form.PostAsync(new Dictionary<string, string> { ["Input.Email"] = email }, client);
                watch.Stop();
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Contains("data-testid=\"reset-sent\"", html);
                fastest = Math.Min(fastest, watch.Elapsed.TotalMilliseconds);
            }
            return fastest;
        }
        var sent = MailsTo(TimedExisting);
        async Task LinksLeftAsync()
        {
            sent += 3;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (MailsTo(TimedExisting) < sent)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The links to {TimedExisting} did not leave within 60 seconds ({MailsTo(TimedExisting)} of {sent}). App log:\n{App.Log[Math.Max(0, App.Log.Length - 3000)..]}");
                await Task.Delay(20); // polling a folder another process writes: nothing to await on instead
            }
        }
        for (var i = 0; i < 3; i++) // warm-up
        {
            await FastestOfThreeAsync(TimedExisting);
            await FastestOfThreeAsync(unknown);
            await LinksLeftAsync();
        }

        var known = new List<double>();
        var unknowns = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var knownFirst = i % 4 is 0 or 3;
            if (knownFirst) known.Add(await FastestOfThreeAsync(TimedExisting));
            unknowns.Add(await FastestOfThreeAsync(unknown));
            if (!knownFirst) known.Add(await FastestOfThreeAsync(TimedExisting));
            await LinksLeftAsync();
        }

        var (a, b) = (Median(known), Median(unknowns));
        var allowed = Math.Max(0.3 * Math.Max(a, b), 10);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"median with account {a:F1} ms, without {b:F1} ms, allowed difference {allowed:F1} ms; with [{string.Join(", ", known.Select(t => t.ToString("F0")))}], without [{string.Join(", ", unknowns.Select(t => t.ToString("F0")))}]");
        Assert.True(Math.Abs(a - b) <= allowed,
            $"Median answer for an address with an account {a:F1} ms, without {b:F1} ms: the difference {Math.Abs(a - b):F1} ms tells them apart (allowed {allowed:F1} ms).");
    }

    /// <summary>How many emails to <paramref name="email"/> the app has delivered (its pickup folder).</summary>
    private int MailsTo(string email) =>
        !Directory.Exists(App.MailFolder) ? 0
            : Directory.EnumerateFiles(App.MailFolder, "*.eml").Count(f => File.ReadAllText(f).Contains($"To: {email}", StringComparison.OrdinalIgnoreCase)
                                                                        || File.ReadAllText(f).Contains($"<{email}>", StringComparison.OrdinalIgnoreCase));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
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
