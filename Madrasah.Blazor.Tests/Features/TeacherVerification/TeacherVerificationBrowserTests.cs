using System.Text.RegularExpressions;
using Madrasah.Blazor.Features.TeacherVerification;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.TeacherVerification;

/// <summary>
/// The seed's procedure with two users at once, on an app of its own (the demo teacher ends verified): the operator
/// sets the teacher's email; the teacher signs in with it, Biodata → Akun → Verifikasi Sekarang → LANJUT, reads the
/// code from the mail folder, is refused a wrong code with the tries left, and verifies with the right one + SIMPAN;
/// the operator's open table and counter follow without a reload.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class TeacherVerificationBrowserTests(BrowserFixture fixture, OwnAppFixture own) : IClassFixture<OwnAppFixture>, IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private const string NewEmail = "nur.hidayah@min1sleman.sch.id";

    /// <summary>The code of the newest verification email to <paramref name="email"/> in the app's pickup folder, once it is written.</summary>
    private async Task<string> CodeFromMailFolderAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mail = Directory.Exists(own.App.MailFolder)
                ? Directory.GetFiles(own.App.MailFolder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(f => ReceivedMail.Parse(File.ReadAllText(f)))
                    .LastOrDefault(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase) && m.Subject == AccountVerificationService.Subject)
                : null;
            if (mail?.TextBody is { } text) return TeacherVerificationTestKit.CodeIn(text);
            Assert.True(DateTime.UtcNow < deadline, $"no verification email to {email} in {own.App.MailFolder}");
            await Task.Delay(100);
        }
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync(own.App);
        await BrowserFixture.SignInOnPageAsync(page, email);
        return page;
    }

    private static ILocator Row(IPage page, string name) => page.GetByTestId("ptk-row").Filter(new() { HasText = name });

    [Fact]
    public async Task Operator_sets_the_email_the_teacher_verifies_with_the_emailed_code_and_the_operators_table_follows_live()
    {
        var op = await SignInAsync("operator@min1sleman.sch.id");
        await Expect(op.GetByTestId("dashboard-card").Filter(new() { HasText = "Email PTK terverifikasi" })).ToContainTextAsync("0 dari 4");
        await op.GetByRole(AriaRole.Link, new() { Name = "Akun PTK" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = "Akun PTK", Level = 1 })).ToBeVisibleAsync();

        // The seed's order: the operator verifies their own email first; until then the table only shows.
        await Expect(op.GetByTestId("operator-unverified")).ToBeVisibleAsync();
        await Expect(Row(op, "Nur Hidayah").GetByRole(AriaRole.Button, new() { Name = "Ubah Email Nur Hidayah, S.Pd.I." })).ToBeDisabledAsync();
        var own = op.GetByTestId("own-verification");
        await own.GetByRole(AriaRole.Button, new() { Name = "Verifikasi Sekarang" }).ClickAsync();
        await own.GetByRole(AriaRole.Button, new() { Name = "LANJUT" }).ClickAsync();
        await own.GetByLabel("Kode Verifikasi").FillAsync(await CodeFromMailFolderAsync("operator@min1sleman.sch.id"));
        await own.GetByRole(AriaRole.Button, new() { Name = "SIMPAN" }).ClickAsync();
        await Expect(own.GetByTestId("verification-status")).ToHaveTextAsync("Terverifikasi");
        await Expect(op.GetByTestId("operator-unverified")).ToHaveCountAsync(0);

        // The operator sets the teacher's active email; a look-alike address is refused first, the typed text kept.
        await Row(op, "Nur Hidayah").GetByRole(AriaRole.Button, new() { Name = "Ubah Email Nur Hidayah, S.Pd.I." }).ClickAsync();
        var dialog = op.GetByRole(AriaRole.Dialog);
        var field = dialog.GetByLabel("Email");
        await field.FillAsync("nur.hidayah@min1slem\u0430n.sch.id");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("(U+0430) yang bukan huruf Latin biasa");
        await Expect(field).ToHaveValueAsync("nur.hidayah@min1slem\u0430n.sch.id");
        await field.FillAsync(NewEmail);
        // The refusal goes away as the fix is typed, not when the field is left: gone at the press on "Simpan", it
        // would move the button from under the pointer and the click would miss it.
        await Expect(dialog).Not.ToContainTextAsync("(U+0430)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Row(op, "Nur Hidayah")).ToContainTextAsync(NewEmail);
        await Expect(Row(op, "Nur Hidayah").GetByTestId("ptk-status")).ToHaveTextAsync("Menunggu verifikasi");

        // The teacher signs in with the email the operator set and opens Biodata → Akun.
        var teacher = await SignInAsync(NewEmail);
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Biodata" }).ClickAsync();
        await teacher.GetByRole(AriaRole.Tab, new() { Name = "Akun" }).ClickAsync();
        await Expect(teacher.GetByTestId("verification-email")).ToHaveTextAsync(NewEmail);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Verifikasi Sekarang" }).ClickAsync();
        await Expect(teacher.GetByTestId("verification-confirm")).ToContainTextAsync(NewEmail);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "LANJUT" }).ClickAsync();

        // Where the code went, its delivery, and the resend countdown are on the page.
        await Expect(teacher.GetByTestId("code-sent-to")).ToHaveTextAsync(NewEmail);
        await Expect(teacher.GetByTestId("code-sent-notice")).ToContainTextAsync("Spam");
        await Expect(teacher.GetByTestId("code-delivery")).ToContainTextAsync("Terkirim ke server email");
        var resend = teacher.GetByTestId("verification-resend");
        await Expect(resend).ToBeDisabledAsync();
        await Expect(resend).ToHaveTextAsync(new Regex(@"Kirim ulang kode \(0:[0-5]\d\)"));
        await Expect(Row(op, "Nur Hidayah").GetByTestId("ptk-status")).ToHaveTextAsync("Kode terkirim"); // live, no reload
        await BrowserFixture.ScreenshotAsync(teacher, "ptk-verification-code-sent");

        var code = await CodeFromMailFolderAsync(NewEmail);
        Assert.Matches("^[0-9]{6}$", code);

        var codeField = teacher.GetByLabel("Kode Verifikasi");
        await codeField.FillAsync(TeacherVerificationTestKit.Other(code));
        await teacher.GetByRole(AriaRole.Button, new() { Name = "SIMPAN" }).ClickAsync();
        await Expect(teacher.GetByTestId("account-verification")).ToContainTextAsync("Kode Verifikasi salah. Sisa percobaan: 4 kali.");

        await codeField.FillAsync(" " + code);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "SIMPAN" }).ClickAsync();
        await Expect(teacher.GetByTestId("verification-status")).ToHaveTextAsync("Terverifikasi");
        await Expect(teacher.GetByTestId("verification-done")).ToBeVisibleAsync();

        // The operator's open table and counter show it without a reload.
        await Expect(Row(op, "Nur Hidayah").GetByTestId("ptk-status")).ToHaveTextAsync("Terverifikasi");
        await Expect(op.GetByTestId("ptk-counter")).ToContainTextAsync("1 dari 4 PTK terverifikasi");
        await BrowserFixture.ScreenshotAsync(op, "ptk-accounts-verified");
        await op.Context.CloseAsync();
        await teacher.Context.CloseAsync();
    }
}
