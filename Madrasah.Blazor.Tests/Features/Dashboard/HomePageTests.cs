using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Dashboard;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Dashboard;

/// <summary>Each role's dashboard alone: its title, its own figures, and what belongs to it only (code card, own biodata).</summary>
public sealed class HomePageTests : ComponentTestContext, IAsyncLifetime
{
    public HomePageTests() : base((services, configuration) =>
    {
        services.AddPublicLinks(configuration);
        services.AddSingleton<EmailOutbox>();
        services.AddDashboard();
        services.AddInstitutions();
        services.AddHeadRegistration(configuration);
    })
    {
    }

    /// <summary>
    /// Seeds through a provider of the same registrations over the same database, so the test's own services stay
    /// unresolved until the user is signed in (bUnit takes no registrations after the first resolve).
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        AppServices.Register(services, Database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityBootstrap>().EnsureRolesAsync();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    private async Task<IRenderedComponent<HomePage>> RenderAsAsync(string email, string role)
    {
        await using (var db = Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            SignInAs(new UserScope(user.Id, user.Email!, user.FullName, role, user.InstitutionId, user.DistrictId));
        }
        RenderMudProviders();
        var page = Render<HomePage>();
        page.WaitForElement("[data-testid=dashboard] h1");
        return page;
    }

    private static Dictionary<string, string> Figures(IRenderedComponent<HomePage> page) =>
        page.FindAll("[data-testid=dashboard-card]").ToDictionary(
            card => card.QuerySelector(".dashboard-label")!.TextContent.Trim(),
            card => card.QuerySelector(".dashboard-value")!.TextContent.Trim());

    [Fact]
    public async Task The_operator_sees_the_institutions_figures_identity_and_registration_code()
    {
        var page = await RenderAsAsync("operator@mtsn3sleman.sch.id", Roles.Operator);

        Assert.Equal("Beranda Operator Lembaga", page.Find("[data-testid=dashboard] h1").TextContent);
        Assert.Contains("Selamat datang, Bambang Wijaya", page.Find("[data-testid=dashboard]").TextContent);
        var figures = Figures(page);
        Assert.Equal(["PTK & Pegawai", "Email PTK terverifikasi", "Siswa/Santri"], figures.Keys);
        Assert.Equal("3", figures["PTK & Pegawai"]);
        Assert.Equal(["/pegawai", "/ptk/akun"], page.FindAll("[data-testid=dashboard-card] a").Select(a => a.GetAttribute("href")));
        Assert.Equal("MTs Negeri 3 Sleman", page.Find("[data-testid=institution-identity] [data-testid=institution-name]").TextContent);
        Assert.Single(page.FindAll("[data-testid=institution-identity] [data-testid=registration-code-card]"));
    }

    [Fact]
    public async Task The_head_sees_the_institution_without_the_registration_code()
    {
        var page = await RenderAsAsync("kepala@min1sleman.sch.id", Roles.KepalaMadrasah);

        Assert.Equal("Beranda Kepala Madrasah", page.Find("[data-testid=dashboard] h1").TextContent);
        Assert.Equal(3, Figures(page).Count);
        Assert.Equal("MIN 1 Sleman", page.Find("[data-testid=institution-name]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=registration-code-card]"));
    }

    [Fact]
    public async Task The_district_admin_sees_the_districts_institutions_counted()
    {
        var page = await RenderAsAsync("admin@kemenagsleman.go.id", Roles.AdminKabKota);

        Assert.Equal("Beranda Admin Kabupaten/Kota", page.Find("[data-testid=dashboard] h1").TextContent);
        Assert.Equal(new Dictionary<string, string> { ["Lembaga di wilayah"] = "3", ["Madrasah"] = "2", ["Pesantren, MDT & LPQ"] = "1" }, Figures(page));
        Assert.Empty(page.FindAll("[data-testid=institution-identity]"));
    }

    [Fact]
    public async Task A_Pegawai_sees_only_their_own_biodata()
    {
        var page = await RenderAsAsync("nur.hidayah@guru.demo.id", Roles.Pegawai);

        Assert.Equal("Beranda Pegawai", page.Find("[data-testid=dashboard] h1").TextContent);
        Assert.Empty(page.FindAll("[data-testid=dashboard-card]"));
        var biodata = page.Find("[data-testid=own-biodata]");
        Assert.Contains("Nur Hidayah", biodata.TextContent);
        Assert.Contains("MIN 1 Sleman", biodata.TextContent);
        Assert.DoesNotContain("Rina Marlina", page.Markup); // a colleague
    }

    [Fact]
    public async Task A_Pegawai_without_a_staff_record_is_told_whom_to_ask()
    {
        await using (var db = Database.CreateContext())
            await db.Staff.Where(s => s.Nik == "3404074503900002").ExecuteUpdateAsync(s => s.SetProperty(x => x.UserId, (string?)null));

        var page = await RenderAsAsync("nur.hidayah@guru.demo.id", Roles.Pegawai);

        Assert.Contains("belum terhubung dengan data PTK", page.Find("[data-testid=own-biodata]").TextContent);
    }
}
