using System.Text.RegularExpressions;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.UserAccounts;

/// <summary>
/// An administrator gives a new operator an account; the operator activates it from the email, changes the password,
/// forgets it and sets a new one; the administrator deactivates the account. Accounts made here, so the demo
/// accounts other tests sign in with stay as they are.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class UserAccountsBrowserTests(BrowserFixture fixture, OwnAppFixture own) : IClassFixture<OwnAppFixture>, IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private const string FirstPassword = "Godean#Operator26";
    private const string SecondPassword = "Kaliurang#Km7baru";
    private const string ThirdPassword = "Merapi#Sleman2027";

    /// <summary>The link of the newest message to <paramref name="email"/> with <paramref name="subject"/>, read in the development mailbox.</summary>
    private async Task<string> LinkFromMailboxAsync(string email, string subject, string button)
    {
        var mailbox = await fixture.OpenMailboxAsync();
        var row = mailbox.GetByTestId("mail-row").Filter(new() { HasText = email }).Filter(new() { HasText = subject }).First;
        await row.ClickAsync();
        await Expect(mailbox.GetByTestId("mail-subject")).ToHaveTextAsync(subject);
        var link = await mailbox.GetByTestId("mail-body").GetByRole(AriaRole.Link, new() { Name = button }).GetAttributeAsync("href");
        Assert.StartsWith(fixture.App.BaseUrl + "/akun/atur-password?id=", link);
        await BrowserFixture.ScreenshotAsync(mailbox, "accounts-email-" + button.ToLowerInvariant().Replace(' ', '-'));
        await mailbox.Context.CloseAsync();
        return link!;
    }

    private static async Task SetPasswordOnLinkPageAsync(IPage page, string link, string heading, string password)
    {
        await BrowserFixture.OpenAsync(page, link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Simpan Password" });
        await page.GetByLabel("Password Baru").PressSequentiallyAsync("lemah");
        await Expect(page.Locator("[data-rule='length']")).ToHaveAttributeAsync("data-met", "false");
        await Expect(page.GetByTestId("password-strength")).ToHaveTextAsync("Password belum memenuhi ketentuan.");
        await Expect(save).ToBeDisabledAsync();
        await page.GetByLabel("Password Baru").FillAsync(password);
        await page.GetByLabel("Ulangi Password").FillAsync(password);
        await Expect(page.GetByTestId("password-strength")).ToHaveTextAsync("Password Strong");
        await Expect(save).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "accounts-set-password");
        await save.ClickAsync();
        await Expect(page.GetByTestId("password-set")).ToContainTextAsync("Password tersimpan");
    }

    /// <summary>Opens the MudBlazor select <paramref name="testId"/> and clicks the option that starts with <paramref name="option"/>.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }

    private async Task<IPage> SignInOnOwnAppAsync(string email)
    {
        var page = await fixture.NewPageAsync(own.App);
        await BrowserFixture.SignInOnPageAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_new_operator_activates_the_account_changes_and_resets_the_password_and_is_deactivated()
    {
        const string email = "rudi.hartono@mtsn3sleman.sch.id";
        var admin = await fixture.SignInAsync("admin@madrasah.demo.id");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Pengguna" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Tambah Pengguna" }).ClickAsync();

        // The form's field messages are component tests (NewUserPageTests); here the account is made for real.
        await admin.GetByLabel("Nama Lengkap").FillAsync("Rudi Hartono");
        await admin.GetByLabel("Email").FillAsync(email);
        await ChooseAsync(admin, "new-user-role", "Operator / Staf Lembaga");
        await admin.GetByLabel("Lembaga", new() { Exact = true }).FillAsync("MTs");
        await admin.GetByRole(AriaRole.Option, new() { Name = "MTs Negeri 3 Sleman" }).ClickAsync();
        // The list closes before the user reaches the button (a list still closing would take the click).
        await Expect(admin.GetByRole(AriaRole.Option, new() { Name = "MTs Negeri 3 Sleman" })).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(admin, "accounts-new-user");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan & Kirim Aktivasi" }).ClickAsync();

        await Expect(admin.GetByTestId("users-message")).ToContainTextAsync($"Akun {email} dibuat");
        await admin.GetByLabel("Cari pengguna").FillAsync("Rudi");
        var row = admin.GetByTestId("users-table").Locator("tbody tr").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("Operator / Staf Lembaga");
        await Expect(row).ToContainTextAsync("MTs Negeri 3 Sleman");
        await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("Menunggu aktivasi");
        await BrowserFixture.ScreenshotAsync(admin, "accounts-list");

        // The operator opens the activation email, sets a password (the admin's open list turns "Aktif" by itself).
        var activation = await LinkFromMailboxAsync(email, "Aktivasi Akun Madrasah", "Aktifkan Akun");
        var user = await fixture.NewPageAsync();
        await SetPasswordOnLinkPageAsync(user, activation, "Aktivasi Akun", FirstPassword);
        await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("Aktif");
        await user.GotoAsync(activation); // used once
        await Expect(user.GetByTestId("link-invalid")).ToContainTextAsync("Tautan ini tidak berlaku lagi");

        await BrowserFixture.SignInOnPageAsync(user, email, FirstPassword);
        await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Beranda Operator Lembaga" })).ToBeVisibleAsync();
        await Expect(user.GetByTestId("context-name")).ToHaveTextAsync("MTs Negeri 3 Sleman");

        // "Ubah Password": the current one is checked; afterwards the operator stays signed in.
        await user.GotoAsync("/akun/password");
        await user.GetByLabel("Password Saat Ini").FillAsync("Salah#Sekali99");
        await user.GetByLabel("Password Baru").FillAsync(SecondPassword);
        await user.GetByLabel("Ulangi Password").FillAsync(SecondPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(user.GetByText("Password Saat Ini salah.")).ToBeVisibleAsync();
        await Expect(user.GetByLabel("Password Baru")).ToHaveValueAsync(""); // typed passwords are not sent back
        await user.GetByLabel("Password Saat Ini").FillAsync(FirstPassword);
        await user.GetByLabel("Password Baru").FillAsync(SecondPassword);
        await user.GetByLabel("Ulangi Password").FillAsync(SecondPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(user.GetByTestId("password-changed")).ToHaveTextAsync("Password berhasil diubah.");
        await BrowserFixture.ScreenshotAsync(user, "accounts-change-password");
        await user.GotoAsync("/");
        await Expect(user.GetByTestId("dashboard")).ToBeVisibleAsync();
        await user.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync(); // signed out: a next address is not cut short by its redirect
        await BrowserFixture.SignInOnPageAsync(user, email, SecondPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync(); // signed out: a next address is not cut short by its redirect

        // "Lupa Password" from the sign-in page.
        await user.GotoAsync("/Account/Login");
        await user.GetByRole(AriaRole.Link, new() { Name = "Lupa Password?" }).ClickAsync();
        await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Lupa Password" })).ToBeVisibleAsync(); // the page is in, not still on its way
        await user.GetByLabel("Email").FillAsync(email);
        await user.GetByRole(AriaRole.Button, new() { Name = "Kirim Tautan" }).ClickAsync();
        await Expect(user.GetByTestId("reset-sent")).ToContainTextAsync(email);
        var reset = await LinkFromMailboxAsync(email, "Atur Ulang Password Akun Madrasah", "Atur Ulang Password");
        await SetPasswordOnLinkPageAsync(user, reset, "Atur Password", ThirdPassword);
        await BrowserFixture.SignInOnPageAsync(user, email, ThirdPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync(); // signed out: a next address is not cut short by its redirect

        // The administrator deactivates the account, after confirming; signing in is refused with the reason.
        await row.GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = "Nonaktifkan akun?" });
        await Expect(dialog).ToContainTextAsync($"Rudi Hartono ({email}) tidak dapat masuk lagi");
        await BrowserFixture.ScreenshotAsync(admin, "accounts-deactivate-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ya, Nonaktifkan" }).ClickAsync();
        await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("Nonaktif");
        await Expect(admin.GetByText("Akun Rudi Hartono dinonaktifkan.")).ToBeVisibleAsync();
        await user.GotoAsync("/Account/Login");
        await user.GetByLabel("Email").FillAsync(email);
        await user.GetByLabel("Password", new() { Exact = true }).FillAsync(ThirdPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        await Expect(user.GetByTestId("login-error")).ToHaveTextAsync(new Regex("^Akun ini dinonaktifkan oleh administrator"));
        await Expect(user.GetByTestId("dashboard")).ToHaveCountAsync(0);

        await admin.Context.CloseAsync();
        await user.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_adds_a_district_and_an_institution_then_gives_the_district_an_admin()
    {
        // On an app of its own: the new institution would change what other tests count.
        var admin = await SignInOnOwnAppAsync("admin@madrasah.demo.id");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Lembaga & Wilayah" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(admin);
        await Expect(admin.GetByTestId("registry-table")).ToContainTextAsync("MIN 1 Sleman");

        // The national list is long: the regency is found by typing part of its name.
        var districtCard = admin.GetByTestId("new-district");
        var regency = districtCard.GetByLabel("Kabupaten/Kota", new() { Exact = true });
        await regency.FillAsync("kulon");
        await admin.GetByRole(AriaRole.Option, new() { Name = "Kabupaten Kulon Progo (Daerah Istimewa Yogyakarta)" }).ClickAsync();
        // What the user sees before moving to "Tambah": the chosen name in the field and the list closed.
        await Expect(regency).ToHaveValueAsync("Kabupaten Kulon Progo (Daerah Istimewa Yogyakarta)");
        await Expect(regency).ToHaveAttributeAsync("aria-expanded", "false");
        await districtCard.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();
        await Expect(admin.GetByText("Kabupaten Kulon Progo (Daerah Istimewa Yogyakarta) ditambahkan.")).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Link, new() { Name = "Tambah Lembaga" }).ClickAsync();
        var form = admin.GetByTestId("new-institution-form");
        await ChooseAsync(admin, "institution-district", "Kabupaten Kulon Progo (Daerah Istimewa Yogyakarta)");
        await ChooseAsync(admin, "institution-type", "MA (Madrasah Aliyah)");
        await admin.GetByLabel("Nama Lembaga").FillAsync("MAN 1 Kulon Progo");
        await admin.GetByLabel("NSM").FillAsync("13113401");
        await admin.GetByLabel("Alamat").FillAsync("Jl. Sugiman, Wates");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(form).ToContainTextAsync("NSM harus terdiri atas 12 digit angka.");
        await BrowserFixture.ScreenshotAsync(admin, "registry-new-institution-errors");
        await admin.GetByLabel("NSM").FillAsync("131134010001");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(admin.GetByTestId("registry-message")).ToHaveTextAsync("Lembaga MAN 1 Kulon Progo ditambahkan.");
        await Expect(admin.GetByTestId("registry-table").Locator("tr").Filter(new() { HasText = "MAN 1 Kulon Progo" })).ToContainTextAsync("Kabupaten Kulon Progo");
        await BrowserFixture.ScreenshotAsync(admin, "registry-list");

        // The new district can now be given its admin.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Pengguna" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Tambah Pengguna" }).ClickAsync();
        await ChooseAsync(admin, "new-user-role", "Admin Kabupaten/Kota");
        await Expect(admin.GetByTestId("new-user-institution")).ToHaveCountAsync(0);
        await ChooseAsync(admin, "new-user-district", "Kabupaten Kulon Progo");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_district_admin_registers_an_institution_of_its_own_district()
    {
        var district = await SignInOnOwnAppAsync("admin@kemenagsleman.go.id");
        await district.GetByRole(AriaRole.Link, new() { Name = "Lembaga di Kabupaten" }).ClickAsync();
        await district.GetByRole(AriaRole.Link, new() { Name = "Tambah Lembaga" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(district);
        // Its own district is the only choice, chosen already.
        await Expect(district.GetByTestId("institution-district")).ToHaveValueAsync("Kabupaten Sleman (Daerah Istimewa Yogyakarta)");
        await district.GetByTestId("institution-district").ClickAsync();
        await Expect(district.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await district.Keyboard.PressAsync("Escape");
        await ChooseAsync(district, "institution-type", "LPQ (Lembaga Pendidikan Al-Qur'an)");
        await Expect(district.GetByLabel("NSPP", new() { Exact = true })).ToBeVisibleAsync();
        await district.GetByLabel("Nama Lembaga").FillAsync("LPQ Nurul Iman Mlati");
        await district.GetByLabel("NSPP").FillAsync("411234040021");
        await district.GetByLabel("Alamat").FillAsync("Dusun Cebongan, Tlogoadi");
        await district.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(district.GetByTestId("registry-message")).ToHaveTextAsync("Lembaga LPQ Nurul Iman Mlati ditambahkan.");
        await Expect(district.GetByTestId("district-institutions")).ToContainTextAsync("LPQ Nurul Iman Mlati");
        await district.Context.CloseAsync();
    }
}
