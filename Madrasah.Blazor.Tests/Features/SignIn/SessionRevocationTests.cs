using System.Net;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Features.SignIn;

/// <summary>
/// Attacks on a sign-in cookie over plain HTTP against the real app: a copy of it replayed after its owner signed
/// out or changed the Password elsewhere, a cross-site "Keluar" without the form's token, hostile return addresses
/// on the sign-in form, and guessing the current Password on "Ubah Password". The app is the class's own: these
/// tests sign accounts out everywhere and change Passwords.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class SessionRevocationTests(OwnAppFixture own) : IClassFixture<OwnAppFixture>
{
    private TestApp App => own.App;

    private PlainHttpClient NewClient() => new(App.BaseUrl);

    [Fact]
    public async Task A_copied_cookie_is_refused_once_its_owner_signs_out()
    {
        var receipt = await SessionTestKit.AddReceiptAsync(App, "MIN 1 Sleman");
        using var owner = NewClient();
        await owner.SignInOrFailAsync("operator@min1sleman.sch.id");
        using var thief = owner.CopyCookies();
        await SessionTestKit.AssertSignedInAsync(thief, receipt); // the copy works while its owner is signed in

        Assert.Equal("/Account/Login", SessionTestKit.LocalTarget(await owner.SignOutAsync(), App));

        await SessionTestKit.AssertSignedOutAsync(thief, receipt);
        await SessionTestKit.AssertSignedOutAsync(owner, receipt);
    }

    [Fact]
    public async Task A_Password_change_signs_out_the_other_browsers_of_the_account_but_not_the_one_that_changed_it()
    {
        const string email = "kepala@min1sleman.sch.id", newPassword = "Kalasan#Kepala2027";
        using var here = NewClient();
        await here.SignInOrFailAsync(email);
        using var elsewhere = NewClient();
        await elsewhere.SignInOrFailAsync(email);
        await SessionTestKit.AssertSignedInAsync(elsewhere);

        var fields = PlainHttpClient.HiddenFields(await here.GetStringAsync("/akun/password"), "change-password");
        fields["Input.CurrentPassword"] = BrowserFixture.DemoPassword;
        fields["Input.Password"] = newPassword;
        fields["Input.RepeatPassword"] = newPassword;
        var saved = await here.PostFormAsync("/akun/password", fields);
        Assert.Contains("Password berhasil diubah", await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        await SessionTestKit.AssertSignedOutAsync(elsewhere);
        await SessionTestKit.AssertSignedInAsync(here);
    }

    [Fact]
    public async Task Sign_out_without_the_forms_token_is_refused_and_the_user_stays_signed_in()
    {
        using var user = NewClient();
        await user.SignInOrFailAsync("operator@alhikmah.ponpes.id");

        // A cross-site page posting to /Account/Logout carries the cookie (where the browser sends it) but not the token.
        var forged = await user.PostFormAsync("/Account/Logout", []);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var wrongToken = await user.PostFormAsync("/Account/Logout", [new("__RequestVerificationToken", "CfDJ8-palsu")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        await SessionTestKit.AssertSignedInAsync(user);

        // The layout's own "Keluar" form still works.
        Assert.Equal(HttpStatusCode.Redirect, (await user.SignOutAsync()).StatusCode);
        await SessionTestKit.AssertSignedOutAsync(user);
    }

    public static TheoryData<string> HostileReturnUrls => new()
    {
        "/beranda-é",                       // non-ASCII: gave a 500 with a stack trace
        "/lembaga/ß?x=ü",
        "//evil.example",
        "/\\evil.example",
        "/\t/evil.example",                 // browsers drop tabs: //evil.example
        "https://evil.example/",
        "javascript:alert(1)",
        "/" + new string('a', 5000),
        "/Account/Logout",
    };

    [Theory]
    [MemberData(nameof(HostileReturnUrls))]
    public async Task A_hostile_return_address_on_the_sign_in_form_leads_to_the_dashboard(string returnUrl)
    {
        using var client = NewClient();
        var form = await client.GetAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        var signedIn = await client.SignInAsync("helpdesk@madrasah.demo.id", returnUrl: returnUrl);
        Assert.Equal("/", SessionTestKit.LocalTarget(signedIn, App));
    }

    [Fact]
    public async Task A_local_return_address_is_kept()
    {
        using var client = NewClient();
        var signedIn = await client.SignInAsync("helpdesk@madrasah.demo.id", returnUrl: "/akun/password?dari=menu");
        Assert.Equal("/akun/password?dari=menu", SessionTestKit.LocalTarget(signedIn, App));
    }

    [Fact]
    public async Task Guessing_the_current_Password_on_Ubah_Password_locks_the_account_and_signs_it_out()
    {
        const string email = "operator@mtsn3sleman.sch.id";
        using var guesser = NewClient();
        await guesser.SignInOrFailAsync(email);
        using var otherDevice = NewClient();
        await otherDevice.SignInOrFailAsync(email);

        HttpResponseMessage? last = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var fields = PlainHttpClient.HiddenFields(await guesser.GetStringAsync("/akun/password"), "change-password");
            fields["Input.CurrentPassword"] = $"Tebakan#{attempt}Salah";
            fields["Input.Password"] = fields["Input.RepeatPassword"] = "Prambanan#Candi2027";
            last = await guesser.PostFormAsync("/akun/password", fields);
            if (attempt < 5)
                Assert.Contains("Password Saat Ini salah.", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        // The fifth wrong guess locks the account (as five wrong sign-ins do) and ends its sessions.
        Assert.Equal("/Account/Lockout", SessionTestKit.LocalTarget(last!, App));
        await SessionTestKit.AssertSignedOutAsync(guesser);
        await SessionTestKit.AssertSignedOutAsync(otherDevice);

        // Locked: even the right Password does not sign in now.
        using var again = NewClient();
        Assert.Equal("/Account/Lockout", SessionTestKit.LocalTarget(await again.SignInAsync(email), App));
    }
}
