using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.HeadRegistration;

/// <summary>What the head types on the sign-in page and in the "Informasi User" step, for the browser tests.</summary>
internal static class HeadRegistrationPages
{
    /// <summary>The sign-in form with "Email atau NIK" and "Password", without waiting for where it leads.</summary>
    public static async Task SubmitLoginAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email atau NIK").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
    }

    /// <summary>The line under a field of the "Informasi User" step: its help text, or what is wrong with what was typed.</summary>
    public static ILocator FieldMessage(IPage page, string label) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel(label, new() { Exact = true }) }).Locator(".mud-input-helper-text");

    /// <summary>Steps 11–16 at once: email, password twice, "Selanjutnya", "Ya", and the popup of the sent email.</summary>
    public static async Task CompleteInformasiUserAsync(IPage page, string email, string password)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Informasi User" })).ToBeVisibleAsync();
        await Infrastructure.BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Expect(FieldMessage(page, "Email")).ToHaveTextAsync("Email dapat digunakan.");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Ulangi Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Selanjutnya" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Konfirmasi Data" }).GetByRole(AriaRole.Button, new() { Name = "Ya" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Email Verifikasi Terkirim" })).ToContainTextAsync(email);
    }
}
