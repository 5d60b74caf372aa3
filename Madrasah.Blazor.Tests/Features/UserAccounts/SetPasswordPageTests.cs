using System.Text.RegularExpressions;
using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.UserAccounts;

/// <summary>The page of an activation email: the live rules, "Simpan Password" enabled only for a strong, repeated password.</summary>
public sealed partial class SetPasswordPageTests() : ComponentTestContext(Register), IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const string Email = "rudi.hartono@mtsn3sleman.sch.id";
    private string _link = "";

    private static void Register(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddPublicLinks(configuration);
        services.AddSingleton<EmailOutbox>();
        services.AddUserAccounts(configuration);
    }

    /// <summary>The demo data and a new operator account, made as the administrator makes it; its activation link.</summary>
    public async ValueTask InitializeAsync()
    {
        await DemoSeed.SeedAsync(Database);
        var services = new ServiceCollection();
        AppServices.Register(services, Database, (s, c) => { s.AddLiveUpdates(); Register(s, c); });
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var admin = await DemoSeed.ScopeOfAsync(Database, "admin@madrasah.demo.id");
        await using var db = Database.CreateContext();
        var mts = db.Institutions.Single(i => i.Name == "MTs Negeri 3 Sleman");
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
            .CreateAsync(admin, new NewUser("Rudi Hartono", Email, Madrasah.Blazor.Infrastructure.Identity.Roles.Operator, mts.Id, null, null));
        Assert.True(created.Succeeded);
        var message = db.Set<OutboxMessage>().Where(m => m.To == Email).OrderByDescending(m => m.Id).First();
        _link = LinkPattern().Match(message.TextBody).Value;
    }

    [GeneratedRegex(@"/akun/atur-password\?id=[^&\s]+&token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    private IRenderedComponent<SetPasswordPage> Open(string link)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(link);
        var page = Render<SetPasswordPage>();
        page.WaitForAssertion(() => Assert.DoesNotContain("Memuat…", page.Markup), Wait);
        return page;
    }

    [Fact]
    public void Simpan_Password_waits_for_a_strong_password_typed_twice()
    {
        var page = Open(_link);
        Assert.Equal("Aktivasi Akun", page.Find("h1").TextContent);
        var save = () => page.FindAll("button").Single(b => b.TextContent.Trim() == "Simpan Password");
        Assert.True(save().HasAttribute("disabled"));

        page.Labelled("Password Baru").Input("lemah");
        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-rule=length]").GetAttribute("data-met")), Wait);
        Assert.True(save().HasAttribute("disabled"));

        page.Labelled("Password Baru").Input("Godean#Operator26");
        page.Labelled("Ulangi Password").Input("Godean#Operator2");
        page.WaitForAssertion(() => Assert.Equal("Ulangi Password tidak sama dengan Password Baru.", page.Labelled("Ulangi Password").Message()), Wait);
        Assert.True(save().HasAttribute("disabled"));

        page.Labelled("Ulangi Password").Input("Godean#Operator26");
        page.WaitForAssertion(() => Assert.False(save().HasAttribute("disabled")), Wait);
        Assert.Equal("", page.Labelled("Ulangi Password").Message());

        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Password tersimpan dan akun Anda aktif", page.Find("[data-testid=password-set]").TextContent), Wait);
    }

    [Fact]
    public void A_link_that_no_longer_works_says_so_and_offers_Lupa_Password()
    {
        var page = Open(_link[..^4] + "AAAA");

        Assert.Contains("Tautan ini tidak berlaku lagi", page.Find("[data-testid=link-invalid]").TextContent);
        Assert.Equal("/akun/lupa-password", page.FindAll("a").Single(a => a.TextContent.Trim() == "Lupa Password").GetAttribute("href"));
        Assert.Empty(page.FindAll("input"));
    }
}
