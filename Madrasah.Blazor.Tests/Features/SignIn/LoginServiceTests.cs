using Madrasah.Blazor.Features.SignIn;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.SignIn;

/// <summary>What the sign-in page does with what was typed, and the message each outcome shows.</summary>
public sealed class LoginServiceTests : IAsyncLifetime
{
    private readonly AppServices _app = new((services, configuration) =>
    {
        services.AddEmail(configuration);
        services.AddHeadRegistration(configuration);
        services.AddSignIn();
    });

    public async ValueTask InitializeAsync() => await _app.SeedDemoDataAsync();
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<LoginResult> SignInAsync(string userName, string password)
    {
        await using var scope = _app.CreateRequestScope();
        return await scope.ServiceProvider.GetRequiredService<LoginService>().SignInAsync(userName, password, false, "/lembaga", "10.0.0.9");
    }

    [Fact]
    public async Task An_email_signs_in_and_goes_to_the_page_asked_for()
    {
        var result = await SignInAsync(" operator@min1sleman.sch.id ", DemoData.Password);
        Assert.Equal("/lembaga", result.RedirectTo);
        Assert.Null(result.Message);
    }

    [Fact]
    public async Task A_wrong_password_names_email_and_Password()
    {
        var result = await SignInAsync("operator@min1sleman.sch.id", "Salah#Sandi123");
        Assert.Null(result.RedirectTo);
        Assert.Equal("Email atau Password salah. Periksa kembali lalu coba lagi.", result.Message!.Text);
    }

    [Theory]
    [InlineData("340401550878", "16 digit", "Yang terisi 12 digit")]
    [InlineData("3404 0155 0878 00021", "16 digit", "Yang terisi 17 digit")]
    [InlineData("9904015508780002", "kode provinsi", "NIK Kepala Madrasah")]
    public async Task Digits_that_are_no_valid_NIK_are_told_the_NIK_rule_not_the_email_message(string typed, string rule, string detail)
    {
        var message = (await SignInAsync(typed, "ABCDE23456")).Message!;
        Assert.Contains(rule, message.Text);
        Assert.Contains(detail, message.Text);
        Assert.DoesNotContain("Email atau Password salah", message.Text);
    }

    [Fact]
    public async Task A_NIK_with_spaces_and_a_wrong_code_gets_the_seeds_message()
    {
        var message = (await SignInAsync("3404 0155 0878 0002", "ABCDE23456")).Message!;
        Assert.Equal("Periksa kembali NIK dan Password.", message.Text);
        Assert.Contains(message.Hints!, h => h.Contains("Kode Registrasi pada kolom Password"));
    }

    [Fact]
    public void Every_outcome_has_a_plain_text_message_with_its_remedy()
    {
        var messages = Enum.GetValues<RegistrationStartStatus>().Where(s => s != RegistrationStartStatus.Accepted)
            .Select(s => LoginService.MessageFor(new RegistrationStart(s, RetryAfter: TimeSpan.FromMinutes(14.2), NikError: "NIK Kepala Madrasah harus terdiri atas 16 digit angka.")))
            .Concat(Enum.GetValues<SignInOutcome>().Where(o => o != SignInOutcome.Succeeded).Select(o => LoginService.MessageFor(o, "a+b@contoh.sch.id")))
            .ToList();
        Assert.All(messages, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Text));
            Assert.DoesNotContain("<", m.Text); // text only: the page renders any link itself
            Assert.Equal(m.LinkHref is null, m.LinkText is null);
        });

        Assert.Contains("15 menit", LoginService.MessageFor(new RegistrationStart(RegistrationStartStatus.RateLimited, RetryAfter: TimeSpan.FromMinutes(14.2))).Text);
        Assert.Contains("Buat Kode Baru", LoginService.MessageFor(new RegistrationStart(RegistrationStartStatus.CodeExpired)).Text);
        Assert.Contains("Ubah Data Lembaga", LoginService.MessageFor(new RegistrationStart(RegistrationStartStatus.HeadNikMissing)).Text);

        var unverified = LoginService.MessageFor(SignInOutcome.EmailNotConfirmed, "a+b@contoh.sch.id");
        Assert.Equal("Kirim ulang tautan verifikasi", unverified.LinkText);
        Assert.Equal($"{HeadAccountService.ResendPath}?email=a%2Bb%40contoh.sch.id", unverified.LinkHref);
        Assert.Equal("resend-link", unverified.LinkTestId);
    }
}
