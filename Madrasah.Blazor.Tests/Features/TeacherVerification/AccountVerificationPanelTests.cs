using AngleSharp.Dom;
using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.TeacherVerification;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.TeacherVerification;

/// <summary>
/// The "Akun" tab's verification panel alone, as the teacher Nur Hidayah uses it: Verifikasi Sekarang → LANJUT → the
/// code step; the bad input of the issue (letters, spaces, 5 or 7 digits, a leading space, another teacher's code)
/// each told under "Kode Verifikasi" with the typed text kept; the email change; the reaction to a live notification.
/// </summary>
public sealed class AccountVerificationPanelTests : ComponentTestContext, IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private UserScope _teacher = UserScope.Anonymous;

    public AccountVerificationPanelTests() : base((services, configuration) =>
    {
        services.AddEmail(configuration);
        services.AddUserAccounts(configuration);
        services.AddTeacherVerification(configuration);
    })
    {
        Services.AddSingleton<TimeProvider>(_clock);
    }

    public async ValueTask InitializeAsync()
    {
        await DemoSeed.CopyIntoAsync(Database);
        _teacher = SignInAs(await DemoSeed.ScopeOfAsync(Database, TeacherVerificationTestKit.TeacherEmail));
    }

    private IRenderedComponent<AccountVerificationPanel> RenderPanel(UserScope? scope = null)
    {
        var panel = Render<AccountVerificationPanel>(p => p.Add(x => x.Scope, scope ?? _teacher));
        panel.WaitForElement("[data-testid=verification-status]");
        return panel;
    }

    private static IElement Button(IRenderedComponent<AccountVerificationPanel> panel, string text) =>
        panel.FindAll("button").Single(b => b.TextContent.Trim().StartsWith(text, StringComparison.Ordinal));

    /// <summary>Verifikasi Sekarang → LANJUT: the code step, with the code read from the queued email.</summary>
    private async Task<(IRenderedComponent<AccountVerificationPanel> Panel, string Code)> OpenCodeStepAsync()
    {
        var panel = RenderPanel();
        Button(panel, "Verifikasi Sekarang").Click();
        panel.WaitForAssertion(() => Assert.Contains(TeacherVerificationTestKit.TeacherEmail, panel.Find("[data-testid=verification-confirm]").TextContent));
        Button(panel, "LANJUT").Click();
        panel.WaitForElement("[data-testid=verification-code-form]");
        return (panel, await CodeSentToAsync(TeacherVerificationTestKit.TeacherEmail));
    }

    private async Task<string> CodeSentToAsync(string email)
    {
        await using var db = Database.CreateContext();
        var text = await db.Set<OutboxMessage>().Where(m => m.To == email && m.Subject == AccountVerificationService.Subject)
            .OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync();
        return TeacherVerificationTestKit.CodeIn(text);
    }

    private static void Submit(IRenderedComponent<AccountVerificationPanel> panel, string typed)
    {
        panel.Field("verification-code").Input(typed);
        panel.Find("[data-testid=verification-code-form]").Submit();
    }

    [Fact]
    public async Task LANJUT_shows_where_and_when_the_code_went_its_delivery_the_spam_hint_and_the_resend_countdown()
    {
        var (panel, _) = await OpenCodeStepAsync();
        var notice = panel.Find("[data-testid=code-sent-notice]").TextContent;
        Assert.Contains($"Kode dikirim ke {TeacherVerificationTestKit.TeacherEmail} pada 22 November 2026 10.00 WIB.", notice);
        Assert.Contains("Berlaku sampai 10.10 WIB, sisa percobaan 5 kali.", notice);
        Assert.Contains("Spam", notice);
        Assert.Equal("Dalam antrean pengiriman", panel.Find("[data-testid=code-delivery]").TextContent);
        var resend = panel.Find("[data-testid=verification-resend]");
        Assert.True(resend.HasAttribute("disabled"));
        Assert.Equal("Kirim ulang kode (1:00)", resend.TextContent.Trim());
        Assert.Equal("Kode terkirim", panel.Find("[data-testid=verification-status]").TextContent);

        // Forty seconds later the countdown shows what is left; after the minute the button works.
        _clock.Advance(TimeSpan.FromSeconds(40));
        panel.Render();
        Assert.Equal("Kirim ulang kode (0:20)", panel.Find("[data-testid=verification-resend]").TextContent.Trim());
        _clock.Advance(TimeSpan.FromSeconds(20));
        panel.Render();
        Assert.False(panel.Find("[data-testid=verification-resend]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData("12a456", "Kode Verifikasi hanya berisi angka 0–9, tanpa huruf (ada “a”). Salin kode dari email verifikasi.")]
    [InlineData("123 456", "Kode Verifikasi ditulis tanpa spasi: 6 angka, misalnya 482915.")]
    [InlineData("12345", "Kode Verifikasi terdiri dari 6 angka; yang terisi 5 angka.")]
    [InlineData("1234567", "Kode Verifikasi terdiri dari 6 angka; yang terisi 7 angka.")]
    public async Task A_malformed_code_is_told_under_the_field_and_stays_as_typed(string typed, string message)
    {
        var (panel, _) = await OpenCodeStepAsync();
        Submit(panel, typed);
        panel.WaitForAssertion(() => Assert.Equal(message, panel.MessageOf("verification-code")));
        Assert.Equal(typed, panel.Field("verification-code").Shown());
        Assert.Contains("sisa percobaan 5 kali", panel.Find("[data-testid=code-sent-notice]").TextContent); // not counted
    }

    [Fact]
    public async Task A_code_pasted_with_a_leading_space_verifies()
    {
        var (panel, code) = await OpenCodeStepAsync();
        Submit(panel, " " + code);
        panel.WaitForAssertion(() => Assert.Equal("Terverifikasi", panel.Find("[data-testid=verification-status]").TextContent));
        Assert.NotNull(panel.Find("[data-testid=verification-done]"));
    }

    [Fact]
    public async Task Another_teachers_code_is_a_wrong_code_with_the_tries_left()
    {
        // Muhammad Iqbal gets an account and a code of his own.
        var op = await DemoSeed.ScopeOfAsync(Database, "operator@min1sleman.sch.id");
        await using (var scope = Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<PtkAccountService>();
            var verification = scope.ServiceProvider.GetRequiredService<AccountVerificationService>();
            Assert.True((await verification.SendCodeAsync(op)).Sent); // the operator's own email first
            Assert.True((await verification.VerifyAsync(op, await CodeSentToAsync("operator@min1sleman.sch.id"))).Succeeded);
            await using var db = Database.CreateContext();
            var iqbal = await db.Staff.SingleAsync(s => s.Nik == "3404071211870001");
            Assert.True((await accounts.CreateAccountAsync(op, iqbal.Id, AccountSetup.InitialPassword, "Iqbal#Sleman2026")).Succeeded);
            var iqbalScope = await DemoSeed.ScopeOfAsync(Database, "iqbal@guru.demo.id");
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountVerificationService>().SendCodeAsync(iqbalScope)).Sent);
        }
        var iqbalCode = await CodeSentToAsync("iqbal@guru.demo.id");
        var (panel, own) = await OpenCodeStepAsync();
        Assert.SkipWhen(own == iqbalCode, "the two codes happen to be equal (one chance in a million)");

        Submit(panel, iqbalCode);
        panel.WaitForAssertion(() => Assert.Equal("Kode Verifikasi salah. Sisa percobaan: 4 kali.", panel.MessageOf("verification-code")));
        Assert.Equal(iqbalCode, panel.Field("verification-code").Shown());
        Assert.Equal("Kode terkirim", panel.Find("[data-testid=verification-status]").TextContent);
    }

    [Fact]
    public void Changing_the_email_asks_for_the_password_and_refuses_a_look_alike_keeping_what_was_typed()
    {
        var panel = RenderPanel();
        Button(panel, "Verifikasi Sekarang").Click();
        Button(panel, "Ubah Email").Click();
        panel.WaitForElement("[data-testid=change-email-form]");
        Assert.Equal(TeacherVerificationTestKit.TeacherEmail, panel.Field("change-email-email").Shown());

        panel.Field("change-email-email").Input("nur.hidayah@gm\u0430il.com");
        panel.Find("[data-testid=change-email-form]").Submit();
        panel.WaitForAssertion(() => Assert.Equal("Password wajib diisi untuk mengubah Email Aktif.", panel.MessageOf("change-email-password")));

        panel.Field("change-email-password").Input(DemoData.Password);
        panel.Find("[data-testid=change-email-form]").Submit();
        panel.WaitForAssertion(() => Assert.StartsWith("Email Aktif memuat karakter “\u0430” (U+0430)", panel.MessageOf("change-email-email")));
        Assert.Equal("nur.hidayah@gm\u0430il.com", panel.Field("change-email-email").Shown());
        Assert.Equal("", panel.Field("change-email-password").Shown()); // a password is never written back
        Assert.Equal(TeacherVerificationTestKit.TeacherEmail, panel.Find("[data-testid=verification-email]").TextContent);

        panel.Field("change-email-email").Input("nur.hidayah@gmail.com");
        panel.Field("change-email-password").Input(DemoData.Password);
        panel.Find("[data-testid=change-email-form]").Submit();
        panel.WaitForAssertion(() => Assert.Equal("nur.hidayah@gmail.com", panel.Find("[data-testid=verification-email]").TextContent));
        Assert.Contains("nur.hidayah@gmail.com", panel.Find("[data-testid=verification-confirm]").TextContent); // LANJUT sends there
    }

    [Fact]
    public async Task The_panel_follows_a_verification_made_in_another_tab()
    {
        var (panel, code) = await OpenCodeStepAsync();
        await using (var scope = Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountVerificationService>().VerifyAsync(_teacher, code)).Succeeded);
        panel.WaitForAssertion(() => Assert.Equal("Terverifikasi", panel.Find("[data-testid=verification-status]").TextContent));
    }
}
