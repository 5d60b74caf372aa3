using System.Text.RegularExpressions;
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
/// The operator's "KODE REGISTRASI" (steps 4–5 of the seed) alone: a first code, a new one only after a confirmation,
/// copying, the missing head NIK, and the head's account once registered.
/// </summary>
public sealed class RegistrationCodeCardTests : ComponentTestContext, IAsyncLifetime
{
    private const string MtsName = "MTs Negeri 3 Sleman"; // its head has no account yet in the demo data
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public RegistrationCodeCardTests() : base((services, configuration) =>
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
    }

    private async Task<UserScope> OperatorAsync(string email)
    {
        await using var db = Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new UserScope(user.Id, user.Email!, user.FullName, Roles.Operator, user.InstitutionId, null);
    }

    /// <summary>What the database holds of the institution's code: its hash.</summary>
    private async Task<string?> StoredHashAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Institutions.Where(i => i.Name == MtsName).Select(i => i.RegistrationCodeHash).SingleAsync();
    }

    private async Task<(IRenderedComponent<MudProvidersForTests> Providers, IRenderedComponent<RegistrationCodeCard> Card)> RenderCardAsync(string email = "operator@mtsn3sleman.sch.id")
    {
        var scope = await OperatorAsync(email);
        var providers = RenderMudProviders();
        var card = Render<RegistrationCodeCard>(p => p.Add(x => x.Scope, scope));
        card.WaitForElement("[data-testid=registration-code-card] .registration-code-label");
        return (providers, card);
    }

    private static IElement Button(IRenderedComponent<RegistrationCodeCard> card, string text) =>
        card.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static IElement DialogButton(IRenderedComponent<MudProvidersForTests> providers, string text) =>
        providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    private static string Code(IRenderedComponent<RegistrationCodeCard> card) => card.Find("[data-testid=registration-code]").TextContent;

    [Fact]
    public async Task Without_a_code_the_first_one_is_made_at_once_with_its_expiry_in_WIB()
    {
        var (_, card) = await RenderCardAsync();
        Assert.Equal("Belum ada kode registrasi.", card.Find("[data-testid=registration-code-none]").TextContent.Trim());
        Assert.Contains("KODE REGISTRASI", card.Markup);

        await Button(card, "Buat Kode Baru").ClickAsync();

        card.WaitForAssertion(() => Assert.Matches("^[A-Z2-9]{10}$", Code(card)), Wait);
        Assert.Equal(await StoredHashAsync(), RegistrationCodeService.HashCode(Code(card)));
        Assert.Matches(new Regex(@"Berlaku sampai .* WIB · hanya dapat dipakai satu kali"), card.Find("[data-testid=registration-code-expiry]").TextContent);
    }

    [Fact]
    public async Task The_code_is_shown_once_when_made_and_only_its_hash_is_stored()
    {
        var (_, card) = await RenderCardAsync();
        await Button(card, "Buat Kode Baru").ClickAsync();
        card.WaitForElement("[data-testid=registration-code]");
        var code = Code(card);
        Assert.Contains("hanya ditampilkan sekali", card.Find("[data-testid=registration-code-once]").TextContent);
        var stored = await StoredHashAsync();
        Assert.Matches("^[0-9A-F]{64}$", stored);
        Assert.DoesNotContain(code, stored);

        // Opened again (another visit of the home page): the code is active but no longer shown.
        var again = Render<RegistrationCodeCard>(p => p.Add(x => x.Scope, card.Instance.Scope));
        again.WaitForElement("[data-testid=registration-code-hidden]");
        Assert.Empty(again.FindAll("[data-testid=registration-code]"));
        Assert.DoesNotContain(code, again.Markup);
        Assert.Contains("Kode registrasi aktif", again.Find("[data-testid=registration-code-hidden]").TextContent);
        Assert.Contains("Buat Kode Baru", again.Markup);
    }

    [Fact]
    public async Task A_code_still_valid_is_replaced_only_after_Ya_buat_kode_baru()
    {
        var (providers, card) = await RenderCardAsync();
        await Button(card, "Buat Kode Baru").ClickAsync();
        card.WaitForElement("[data-testid=registration-code]");
        var first = Code(card);

        Button(card, "Buat Kode Baru").Click(); // opens the dialog, whose answer completes the click
        providers.WaitForAssertion(() => Assert.Contains("tidak dapat dipakai lagi", providers.Find(".mud-dialog").TextContent), Wait);
        Assert.Contains("Buat Kode Baru", providers.Find(".mud-dialog .mud-dialog-title").TextContent);
        Assert.Contains(first, providers.Find(".mud-dialog").TextContent);
        await DialogButton(providers, "Batal").ClickAsync();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")), Wait);
        Assert.Equal(first, Code(card));
        Assert.Equal(RegistrationCodeService.HashCode(first), await StoredHashAsync());

        Button(card, "Buat Kode Baru").Click();
        providers.WaitForElement(".mud-dialog");
        await DialogButton(providers, "Ya, buat kode baru").ClickAsync();
        card.WaitForAssertion(() => Assert.NotEqual(first, Code(card)), Wait);
        Assert.Equal(RegistrationCodeService.HashCode(Code(card)), await StoredHashAsync());
    }

    [Fact]
    public async Task Salin_copies_the_code_and_says_Tersalin()
    {
        var (_, card) = await RenderCardAsync();
        await Button(card, "Buat Kode Baru").ClickAsync();
        card.WaitForElement("[data-testid=registration-code]");
        var copy = JSInterop.Setup<bool>("madrasah.copyText", invocation => Equals(invocation.Arguments[0], Code(card)));
        copy.SetResult(true);

        await card.Find("[data-testid=registration-code-copy]").ClickAsync();

        card.WaitForAssertion(() => Assert.Equal("Tersalin", card.Find("[data-testid=registration-code-copy]").TextContent.Trim()), Wait);
        Assert.Single(copy.Invocations);
        Assert.Empty(card.FindAll("[data-testid=registration-code-copy-manual]"));
    }

    [Fact]
    public async Task When_the_browser_copies_nothing_the_operator_is_told_to_press_Ctrl_C()
    {
        var (_, card) = await RenderCardAsync();
        await Button(card, "Buat Kode Baru").ClickAsync();
        card.WaitForElement("[data-testid=registration-code]");
        JSInterop.Setup<bool>("madrasah.copyText", _ => true).SetResult(false);

        await card.Find("[data-testid=registration-code-copy]").ClickAsync();

        card.WaitForAssertion(() => Assert.Contains("Kode sudah ditandai", card.Find("[data-testid=registration-code-copy-manual]").TextContent), Wait);
        Assert.Equal("Salin", card.Find("[data-testid=registration-code-copy]").TextContent.Trim());
    }

    [Fact]
    public async Task A_missing_head_NIK_is_pointed_out_with_the_way_to_the_change_form()
    {
        await using (var db = Database.CreateContext())
            await db.Institutions.Where(i => i.Name == MtsName).ExecuteUpdateAsync(s => s.SetProperty(i => i.HeadNik, (string?)null));

        var (_, card) = await RenderCardAsync();

        var warning = card.Find("[data-testid=registration-code-nik-missing]");
        Assert.Contains("NIK Kepala Madrasah belum tercatat", warning.TextContent);
        Assert.Equal("/lembaga/ubah", warning.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_registered_head_is_shown_instead_of_a_code()
    {
        var (_, card) = await RenderCardAsync("operator@min1sleman.sch.id"); // MIN 1 Sleman's head has a verified account

        Assert.Contains("kepala@min1sleman.sch.id", card.Find("[data-testid=registration-code-registered]").TextContent);
        Assert.Contains("email terverifikasi", card.Markup);
        Assert.Empty(card.FindAll("[data-testid=registration-code]"));
        Assert.DoesNotContain(card.FindAll("button"), b => b.TextContent.Contains("Buat Kode Baru") || b.TextContent.Contains("Batalkan Registrasi"));
    }

    [Fact]
    public async Task An_unverified_head_is_removed_only_after_Ya_batalkan()
    {
        var operatorScope = await OperatorAsync("operator@mtsn3sleman.sch.id");
        var codes = Services.GetRequiredService<RegistrationCodeService>();
        var code = (await codes.GenerateAsync(operatorScope))!.Code!;
        var ticket = (await codes.StartAsync("3404015508780002", code, "10.0.0.8")).Ticket;
        Assert.True((await Services.GetRequiredService<HeadAccountService>().RegisterAsync(ticket, "salah.ketik@contoh.sch.id", "Sleman#Kamad2026", "Sleman#Kamad2026")).Succeeded);

        var (providers, card) = await RenderCardAsync();
        Assert.Contains("email belum diverifikasi", card.Find("[data-testid=registration-code-registered]").TextContent);

        Button(card, "Batalkan Registrasi").Click(); // opens the dialog
        providers.WaitForAssertion(() => Assert.Contains("salah.ketik@contoh.sch.id", providers.Find(".mud-dialog").TextContent), Wait);
        await DialogButton(providers, "Tidak").ClickAsync();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")), Wait);
        Assert.NotEmpty(card.FindAll("[data-testid=registration-code-registered]"));

        Button(card, "Batalkan Registrasi").Click(); // opens the dialog
        providers.WaitForElement(".mud-dialog");
        await DialogButton(providers, "Ya, batalkan").ClickAsync();
        card.WaitForAssertion(() => Assert.Equal("Belum ada kode registrasi.", card.Find("[data-testid=registration-code-none]").TextContent.Trim()), Wait);
        await using var db = Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "salah.ketik@contoh.sch.id"));
    }
}
