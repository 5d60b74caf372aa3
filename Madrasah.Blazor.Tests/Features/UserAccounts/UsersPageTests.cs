using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.UserAccounts;

/// <summary>The account list: paged, searched, filtered and sorted by the database; a row's actions and their outcomes.</summary>
public sealed class UsersPageTests() : ComponentTestContext((services, configuration) =>
{
    services.AddPublicLinks(configuration);
    services.AddSingleton<EmailOutbox>();
    services.AddUserAccounts(configuration);
}), IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public async ValueTask InitializeAsync() => await DemoSeed.SeedAsync(Database);

    private async Task<(IRenderedComponent<UsersPage> Page, IRenderedComponent<MudProvidersForTests> Providers)> OpenAsAsync(string email)
    {
        SignInAs(await DemoSeed.ScopeOfAsync(Database, email));
        var providers = RenderMudProviders();
        var page = Render<UsersPage>();
        page.WaitForElement("[data-testid=users-table] tbody tr", Wait);
        return (page, providers);
    }

    private static string[] Names(IRenderedComponent<UsersPage> page) =>
        page.FindAll("[data-testid=users-table] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToArray();

    private static string Range(IRenderedComponent<UsersPage> page) => page.Find("[data-testid=users-pager-range]").TextContent.Trim();

    /// <summary>Operators of MTs Negeri 3 Sleman waiting for activation, "Pengguna Uji 01" …, straight into the database.</summary>
    private async Task AddOperatorsAsync(int count)
    {
        await using var db = Database.CreateContext();
        var mts = db.Institutions.Single(i => i.Name == "MTs Negeri 3 Sleman");
        var role = db.Roles.Single(r => r.Name == Roles.Operator);
        for (var i = 1; i <= count; i++)
        {
            var email = $"uji{i:00}@mtsn3sleman.sch.id";
            var user = new ApplicationUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                FullName = $"Pengguna Uji {i:00}", InstitutionId = mts.Id, SecurityStamp = Guid.NewGuid().ToString(), CreatedUtc = DateTime.UtcNow,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Twenty_accounts_a_page_and_the_pager_turns_to_the_rest()
    {
        await AddOperatorsAsync(25);
        var (page, _) = await OpenAsAsync("admin@madrasah.demo.id");

        Assert.Equal("1–20 dari 34 data", Range(page));
        Assert.Equal(20, Names(page).Length);

        page.Find("button[aria-label='Halaman berikutnya']").Click();

        page.WaitForAssertion(() => Assert.Equal("21–34 dari 34 data", Range(page)), Wait);
        Assert.Equal(14, Names(page).Length);
        Assert.Equal("Yuliana Sari", Names(page).Last());
    }

    [Fact]
    public async Task The_search_and_the_role_filter_narrow_the_list_and_start_again_on_page_one()
    {
        await AddOperatorsAsync(25);
        var (page, providers) = await OpenAsAsync("admin@madrasah.demo.id");
        page.Find("button[aria-label='Halaman berikutnya']").Click();
        page.WaitForAssertion(() => Assert.StartsWith("21–", Range(page)), Wait);

        page.Find("input[placeholder='Cari nama, email atau lembaga…']").Input("uji 1");

        page.WaitForAssertion(() => Assert.Equal("1–10 dari 10 data", Range(page)), Wait);
        Assert.All(Names(page), name => Assert.StartsWith("Pengguna Uji 1", name));

        page.Find("input[placeholder='Cari nama, email atau lembaga…']").Input("");
        page.WaitForAssertion(() => Assert.Equal("1–20 dari 34 data", Range(page)), Wait);
        page.Choose(providers, "users-role-filter", "Petugas Kepegawaian");

        page.WaitForAssertion(() => Assert.Equal(["Yuliana Sari"], Names(page)), Wait);
        Assert.Equal("1–1 dari 1 data", Range(page));
    }

    [Fact]
    public async Task Nothing_found_says_so_in_the_table()
    {
        var (page, _) = await OpenAsAsync("admin@madrasah.demo.id");

        page.Find("input[placeholder='Cari nama, email atau lembaga…']").Input("tidak-ada-akun-ini");

        page.WaitForAssertion(() => Assert.Equal("Tidak ada akun yang cocok.", page.Find("[data-testid=users-empty]").TextContent), Wait);
        Assert.Equal("0 data", Range(page));
    }

    [Fact]
    public async Task Clicking_a_column_sorts_by_it_and_a_second_click_turns_the_order_round()
    {
        var (page, _) = await OpenAsAsync("admin@madrasah.demo.id");
        Assert.Equal("Administrator Sistem", Names(page).First());
        string Emails() => string.Join(",", page.FindAll("[data-testid=users-table] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));

        page.FindAll("th button").Single(b => b.TextContent.Trim() == "Email").Click();
        page.WaitForAssertion(() => Assert.StartsWith("admin@kemenagsleman.go.id,admin@madrasah.demo.id,helpdesk@", Emails()), Wait);
        Assert.Equal("ascending", page.FindAll("th").Single(th => th.TextContent.Trim() == "Email").GetAttribute("aria-sort"));

        page.FindAll("th button").Single(b => b.TextContent.Trim() == "Email").Click();
        page.WaitForAssertion(() => Assert.EndsWith("helpdesk@madrasah.demo.id,admin@madrasah.demo.id,admin@kemenagsleman.go.id", Emails()), Wait);
        Assert.Equal("descending", page.FindAll("th").Single(th => th.TextContent.Trim() == "Email").GetAttribute("aria-sort"));

        // By role: the Indonesian labels' order, not the code names'.
        page.FindAll("th button").Single(b => b.TextContent.Trim() == "Peran").Click();
        page.WaitForAssertion(() => Assert.Equal(["Admin Kabupaten/Kota", "Administrator Sistem", "Kepala Madrasah"],
            page.FindAll("[data-testid=users-table] tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).Take(3)), Wait);
    }

    [Fact]
    public async Task Deactivating_asks_first_in_a_dialog_then_the_row_and_a_snackbar_tell_the_outcome()
    {
        var (page, providers) = await OpenAsAsync("admin@madrasah.demo.id");
        var row = () => page.FindAll("[data-testid=users-table] tbody tr").Single(tr => tr.TextContent.Contains("operator@min1sleman.sch.id"));

        row().QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Nonaktifkan").Click();
        var dialog = providers.WaitForElement("[role=dialog]", Wait);
        Assert.Contains("Siti Aminah (operator@min1sleman.sch.id) tidak dapat masuk lagi", dialog.TextContent);
        providers.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Batal").Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("[role=dialog]")), Wait);
        Assert.Equal("Aktif", row().QuerySelector("[data-testid=user-status]")!.TextContent);

        row().QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Nonaktifkan").Click();
        providers.WaitForElement("[role=dialog]", Wait);
        providers.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Ya, Nonaktifkan").Click();

        page.WaitForAssertion(() => Assert.Equal("Nonaktif", row().QuerySelector("[data-testid=user-status]")!.TextContent), Wait);
        providers.WaitForAssertion(() => Assert.Contains("Akun Siti Aminah dinonaktifkan.", providers.Find(".mud-snackbar").TextContent), Wait);
        Assert.Equal(["Aktifkan"], row().QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public async Task An_account_awaiting_activation_gets_its_email_again()
    {
        await AddOperatorsAsync(1);
        var (page, providers) = await OpenAsAsync("admin@madrasah.demo.id");
        var row = page.FindAll("[data-testid=users-table] tbody tr").Single(tr => tr.TextContent.Contains("uji01@mtsn3sleman.sch.id"));
        Assert.Equal("Menunggu aktivasi", row.QuerySelector("[data-testid=user-status]")!.TextContent);

        row.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Kirim Ulang Aktivasi").Click();

        providers.WaitForAssertion(() => Assert.Contains("Email aktivasi dikirim ulang ke uji01@mtsn3sleman.sch.id.", providers.Find(".mud-snackbar").TextContent), Wait);
        await using var db = Database.CreateContext();
        Assert.Single(db.Set<OutboxMessage>().Where(m => m.To == "uji01@mtsn3sleman.sch.id"));
    }

    [Fact]
    public async Task A_district_admin_filters_by_the_roles_it_sees_and_cannot_act_on_itself()
    {
        var (page, providers) = await OpenAsAsync("admin@kemenagsleman.go.id");

        page.Field("users-role-filter").Closest(".mud-input-control")!.MouseDown();
        providers.WaitForAssertion(() => Assert.Equal(
            ["Semua peran", "Admin Kabupaten/Kota", "Kepala Madrasah", "Operator / Staf Lembaga", "Pegawai / PTK", "Petugas Kepegawaian"],
            providers.FindAll("[role=option]").Select(o => o.TextContent.Trim())), Wait);
        var own = page.FindAll("[data-testid=users-table] tbody tr").Single(tr => tr.TextContent.Contains("admin@kemenagsleman.go.id"));
        Assert.Empty(own.QuerySelectorAll("button"));
        Assert.DoesNotContain("admin@madrasah.demo.id", page.Find("[data-testid=users-table]").TextContent);
    }
}
