using AngleSharp.Dom;
using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.HeadRegistration;

/// <summary>
/// The "Informasi User" step alone (steps 11–16 of the seed): each field's message, "Selanjutnya" only for a strong,
/// repeated password, and the confirmation dialog whose "Ya" creates the account and whose "Batal" does not.
/// </summary>
public sealed class HeadInformationFormTests : ComponentTestContext, IAsyncLifetime
{
    private const string HeadNik = "3404015508780002"; // MTs Negeri 3 Sleman's head: no account yet in the demo data
    private const string StrongPassword = "Sleman#Kamad2026";
    private const string NewEmail = "siti.rahmawati@contoh.sch.id";

    private string _ticket = "";
    private HeadRegistrationContext _head = default!;

    public HeadInformationFormTests() : base((services, configuration) =>
    {
        services.AddPublicLinks(configuration);
        services.AddSingleton<EmailOutbox>();
        services.AddHeadRegistration(configuration);
    })
    {
    }

    public async ValueTask InitializeAsync()
    {
        await Services.GetRequiredService<IdentityBootstrap>().EnsureRolesAsync();
        await Services.GetRequiredService<DemoData>().SeedAsync();
        await using var db = Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == "operator@mtsn3sleman.sch.id");
        var operatorScope = new UserScope(user.Id, user.Email!, user.FullName, Roles.Operator, user.InstitutionId, null);
        var codes = Services.GetRequiredService<RegistrationCodeService>();
        var code = (await codes.GenerateAsync(operatorScope))!.Code!;
        _ticket = (await codes.StartAsync(HeadNik, code, "10.0.0.7")).Ticket!;
        _head = (await Services.GetRequiredService<HeadAccountService>().ReadTicketAsync(_ticket))!;
    }

    private IRenderedComponent<HeadInformationForm> RenderForm() =>
        Render<HeadInformationForm>(p => p.Add(x => x.Ticket, _ticket).Add(x => x.Head, _head));

    private static IElement Field(IRenderedComponent<HeadInformationForm> form, string id) => form.Find($"#{id}");

    /// <summary>The message under a field (MudBlazor's helper/error line of the field's control).</summary>
    private static string FieldMessage(IRenderedComponent<HeadInformationForm> form, string id) =>
        Field(form, id).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    private static bool FieldInError(IRenderedComponent<HeadInformationForm> form, string id) =>
        Field(form, id).Closest(".mud-input-control")!.QuerySelector(".mud-input-error") is not null;

    private static IElement Next(IRenderedComponent<HeadInformationForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Trim() == "Selanjutnya");

    /// <summary>Types into a field and waits for what the field's handler does (the email's check runs after a pause).</summary>
    private static Task TypeAsync(IRenderedComponent<HeadInformationForm> form, string id, string value) =>
        Field(form, id).InputAsync(value);

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_fields_are_labelled_and_the_institution_is_shown()
    {
        var form = RenderForm();

        Assert.Equal("MTs Negeri 3 Sleman", form.Find("[data-testid=registration-institution]").TextContent);
        Assert.Contains(HeadNik, form.Markup);
        foreach (var (id, label) in new[] { ("head-email", "Email"), ("head-password", "Password"), ("head-repeat", "Ulangi Password") })
            Assert.Equal(label, form.Find($"label[for={id}]").TextContent.Trim());
        Assert.Equal("password", Field(form, "head-password").GetAttribute("type"));
        Assert.Equal("password", Field(form, "head-repeat").GetAttribute("type"));
    }

    [Fact]
    public async Task The_email_field_names_what_is_wrong_as_it_is_typed()
    {
        var form = RenderForm();
        Assert.Contains("belum pernah digunakan", FieldMessage(form, "head-email"));
        Assert.False(FieldInError(form, "head-email"));

        await TypeAsync(form, "head-email", "kepala@min1sleman");
        form.WaitForAssertion(() => Assert.Equal("Format Email tidak valid. Contoh: nama@contoh.sch.id", FieldMessage(form, "head-email")), Wait);
        Assert.True(FieldInError(form, "head-email"));

        await TypeAsync(form, "head-email", "kepala@min1sleman.sch.id"); // the registered head of MIN 1 Sleman
        form.WaitForAssertion(() => Assert.Contains("sudah digunakan oleh akun lain", FieldMessage(form, "head-email")), Wait);
        Assert.True(FieldInError(form, "head-email"));

        await TypeAsync(form, "head-email", NewEmail);
        form.WaitForAssertion(() => Assert.Equal("Email dapat digunakan.", FieldMessage(form, "head-email")), Wait);
        Assert.False(FieldInError(form, "head-email"));
    }

    [Fact]
    public async Task The_repeat_field_says_when_it_differs_and_only_once_something_is_typed()
    {
        var form = RenderForm();
        await TypeAsync(form, "head-password", StrongPassword);
        Assert.Equal("", FieldMessage(form, "head-repeat"));
        Assert.False(FieldInError(form, "head-repeat"));

        await TypeAsync(form, "head-repeat", StrongPassword + "x");
        Assert.Equal("Ulangi Password tidak sama dengan Password.", FieldMessage(form, "head-repeat"));
        Assert.True(FieldInError(form, "head-repeat"));

        await TypeAsync(form, "head-repeat", StrongPassword);
        Assert.Equal("", FieldMessage(form, "head-repeat"));
        Assert.False(FieldInError(form, "head-repeat"));
    }

    private static readonly (string Password, string Repeat, bool Enabled)[] Passwords =
    [
        ("", "", false),
        ("sleman", "sleman", false),
        ("P@ssw0rd123!", "P@ssw0rd123!", false), // five green rules, but a common password: its own red line
        (StrongPassword, StrongPassword + "x", false),
        (StrongPassword, "", false),
        (StrongPassword, StrongPassword, true),
        ("Qwerty123!", "Qwerty123!", false), // enabled a moment ago, now a common password: disabled again
    ];

    [Fact]
    public async Task Selanjutnya_is_enabled_only_for_a_strong_password_typed_twice()
    {
        var form = RenderForm(); // one form typed over and over, as a head corrects what was typed
        Assert.True(Next(form).HasAttribute("disabled"));

        foreach (var (password, repeat, enabled) in Passwords)
        {
            await TypeAsync(form, "head-password", password);
            await TypeAsync(form, "head-repeat", repeat);

            Assert.True(enabled != Next(form).HasAttribute("disabled"), $"\"{password}\" / \"{repeat}\": Selanjutnya should be {(enabled ? "enabled" : "disabled")}");
            // The checklist is all green exactly when the password itself is strong; the repeat has its own message.
            Assert.Equal(PasswordRules.IsStrong(password), form.FindAll("[data-testid=password-rules] li").All(li => li.GetAttribute("data-met") == "true"));
        }
    }

    /// <summary>Fills the form as the head would and presses "Selanjutnya"; returns the providers showing the dialog.</summary>
    private async Task<IRenderedComponent<HeadInformationForm>> FillAndContinueAsync(IRenderedComponent<MudProvidersForTests> providers)
    {
        var form = RenderForm();
        await TypeAsync(form, "head-email", NewEmail);
        form.WaitForAssertion(() => Assert.Equal("Email dapat digunakan.", FieldMessage(form, "head-email")), Wait);
        await TypeAsync(form, "head-password", StrongPassword);
        await TypeAsync(form, "head-repeat", StrongPassword);
        await Next(form).ClickAsync();
        providers.WaitForAssertion(() => Assert.Contains("Konfirmasi Data", providers.Markup), Wait);
        return form;
    }

    private static IElement DialogButton(IRenderedComponent<MudProvidersForTests> providers, string text) =>
        providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    private async Task<ApplicationUser?> HeadAccountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Users.SingleOrDefaultAsync(u => u.Email == NewEmail);
    }

    [Fact]
    public async Task The_confirmation_dialog_shows_the_data_and_Ya_creates_the_account()
    {
        var providers = RenderMudProviders();
        await FillAndContinueAsync(providers);

        var dialog = providers.Find(".mud-dialog");
        Assert.Equal("dialog", dialog.GetAttribute("role"));
        Assert.Contains("MTs Negeri 3 Sleman", dialog.TextContent);
        Assert.Contains(HeadNik, dialog.TextContent);
        Assert.Equal(NewEmail, providers.Find("[data-testid=confirm-email]").TextContent);

        await DialogButton(providers, "Ya").ClickAsync();

        providers.WaitForAssertion(() => Assert.Contains("Email Verifikasi Terkirim", providers.Markup), Wait);
        Assert.DoesNotContain("Konfirmasi Data", providers.Markup);
        Assert.Contains(NewEmail, providers.Find(".mud-dialog").TextContent);
        Assert.Equal("/Account/Login", providers.FindAll(".mud-dialog a").Single(a => a.TextContent.Trim() == "Ke Halaman Login").GetAttribute("href"));
        var account = await HeadAccountAsync();
        Assert.NotNull(account);
        Assert.False(account.EmailConfirmed);
    }

    [Fact]
    public async Task Batal_closes_the_dialog_and_creates_nothing()
    {
        var providers = RenderMudProviders();
        var form = await FillAndContinueAsync(providers);

        await DialogButton(providers, "Batal").ClickAsync();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")), Wait);
        Assert.Null(await HeadAccountAsync());
        Assert.False(Next(form).HasAttribute("disabled")); // the head may correct something and go on
    }

    [Fact]
    public async Task A_ticket_used_up_meanwhile_shows_the_refusal_instead_of_an_account()
    {
        var providers = RenderMudProviders();
        var form = await FillAndContinueAsync(providers);
        await using (var db = Database.CreateContext())
            await db.Institutions.Where(i => i.HeadNik == HeadNik).ExecuteUpdateAsync(s => s.SetProperty(i => i.RegistrationCodeHash, RegistrationCodeService.HashCode("ZZZZZZZZZZ")));

        await DialogButton(providers, "Ya").ClickAsync();

        form.WaitForAssertion(() => Assert.Contains(HeadAccountService.TicketInvalidMessage, form.Find("[data-testid=registration-error]").TextContent), Wait);
        Assert.Empty(providers.FindAll(".mud-dialog"));
        Assert.Null(await HeadAccountAsync());
    }
}
