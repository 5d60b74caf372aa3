using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Features.Institutions;

/// <summary>"PTK &amp; Pegawai": the institution's own staff, paged, searched, filtered and sorted by the database.</summary>
public sealed class StaffListPageTests() : ComponentTestContext((services, _) => services.AddInstitutions()), IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const string Search = "input[placeholder='Cari nama atau jabatan…']";

    public async ValueTask InitializeAsync() => await DemoSeed.SeedAsync(Database);

    private async Task<(IRenderedComponent<StaffListPage> Page, IRenderedComponent<MudProvidersForTests> Providers)> OpenAsAsync(string email, int? institutionId = null)
    {
        SignInAs(await DemoSeed.ScopeOfAsync(Database, email));
        var providers = RenderMudProviders();
        var page = Render<StaffListPage>(p => p.Add(x => x.InstitutionId, institutionId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=staff-table] tbody tr")), Wait);
        return (page, providers);
    }

    private static string[] Names(IRenderedComponent<StaffListPage> page) =>
        page.FindAll("[data-testid=staff-table] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToArray();

    private static string Range(IRenderedComponent<StaffListPage> page) => page.Find("[data-testid=staff-pager-range]").TextContent.Trim();

    /// <summary>Honorary teachers of MIN 1 Sleman, "Guru Uji 01" …, straight into the database.</summary>
    private async Task AddStaffAsync(int count)
    {
        await using var db = Database.CreateContext();
        var min1 = db.Institutions.Single(i => i.Name == "MIN 1 Sleman");
        for (var i = 1; i <= count; i++)
            db.Staff.Add(new Staff { InstitutionId = min1.Id, FullName = $"Guru Uji {i:00}", Nik = $"3404070101990{i:000}", Position = "Guru Honorer", Kind = StaffKind.Guru });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_operator_sees_the_own_staff_with_NIP_or_Non_ASN_and_the_email_status()
    {
        var (page, _) = await OpenAsAsync("operator@min1sleman.sch.id");

        Assert.Equal("MIN 1 Sleman", page.Find("[data-testid=staff-institution]").TextContent);
        Assert.Equal(["Muhammad Iqbal, S.Pd.", "Nur Hidayah, S.Pd.I.", "Rina Marlina, S.Pd.", "Sutrisno"], Names(page));
        var rina = page.FindAll("[data-testid=staff-table] tbody tr").Single(tr => tr.TextContent.Contains("Rina Marlina"));
        Assert.Equal("Non-ASN", rina.QuerySelector("td[data-label=NIP]")!.TextContent);
        Assert.Equal("Belum diverifikasi", rina.QuerySelector("[data-testid=staff-email-status]")!.TextContent);
        Assert.DoesNotContain("Fatimah Azzahra", page.Markup); // MTs Negeri 3 Sleman's teacher
        Assert.Equal("1–4 dari 4 data", Range(page));
    }

    [Fact]
    public async Task Ten_staff_a_page_the_pager_turns_and_a_larger_page_shows_all()
    {
        await AddStaffAsync(12);
        var (page, providers) = await OpenAsAsync("operator@min1sleman.sch.id");
        Assert.Equal("1–10 dari 16 data", Range(page));

        page.Find("button[aria-label='Halaman berikutnya']").Click();

        page.WaitForAssertion(() => Assert.Equal("11–16 dari 16 data", Range(page)), Wait);
        Assert.Equal(["Muhammad Iqbal, S.Pd.", "Nur Hidayah, S.Pd.I.", "Rina Marlina, S.Pd.", "Sutrisno"], Names(page).TakeLast(4));

        page.Choose(providers, "staff-pager-size", "25");
        page.WaitForAssertion(() => Assert.Equal("1–16 dari 16 data", Range(page)), Wait);
        Assert.Equal(16, Names(page).Length);
        Assert.Empty(page.FindAll("button[aria-label='Halaman berikutnya']"));
    }

    [Fact]
    public async Task Searching_and_sorting_by_name_work_together()
    {
        var (page, _) = await OpenAsAsync("operator@min1sleman.sch.id");

        page.Find(Search).Input("Iqbal");
        page.WaitForAssertion(() => Assert.Equal(["Muhammad Iqbal, S.Pd."], Names(page)), Wait);

        page.Find(Search).Input("guru");
        page.WaitForAssertion(() => Assert.Equal(["Muhammad Iqbal, S.Pd.", "Nur Hidayah, S.Pd.I.", "Rina Marlina, S.Pd."], Names(page)), Wait);
        page.FindAll("th button").Single(b => b.TextContent.Trim() == "Nama").Click();
        page.WaitForAssertion(() => Assert.Equal(["Rina Marlina, S.Pd.", "Nur Hidayah, S.Pd.I.", "Muhammad Iqbal, S.Pd."], Names(page)), Wait);
        Assert.Equal("descending", page.FindAll("th").Single(th => th.TextContent.Trim() == "Nama").GetAttribute("aria-sort"));

        // By position: Guru Bahasa Inggris, Guru Kelas, Guru Matematika.
        page.FindAll("th button").Single(b => b.TextContent.Trim() == "Jabatan").Click();
        page.WaitForAssertion(() => Assert.Equal(["Rina Marlina, S.Pd.", "Nur Hidayah, S.Pd.I.", "Muhammad Iqbal, S.Pd."], Names(page)), Wait);
        Assert.Equal("ascending", page.FindAll("th").Single(th => th.TextContent.Trim() == "Jabatan").GetAttribute("aria-sort"));
        Assert.Equal("none", page.FindAll("th").Single(th => th.TextContent.Trim() == "Nama").GetAttribute("aria-sort"));

        page.Find(Search).Input("tidak ada");
        page.WaitForAssertion(() => Assert.Equal("Tidak ada PTK yang cocok.", page.Find("[data-testid=staff-empty]").TextContent), Wait);
    }

    [Fact]
    public async Task The_email_status_filter_shows_verified_or_not_yet_verified_staff()
    {
        await using (var db = Database.CreateContext())
        {
            db.Staff.Single(s => s.FullName == "Nur Hidayah, S.Pd.I.").EmailVerified = true;
            await db.SaveChangesAsync();
        }
        var (page, providers) = await OpenAsAsync("operator@min1sleman.sch.id");

        page.Choose(providers, "staff-email-filter", "Terverifikasi");
        page.WaitForAssertion(() => Assert.Equal(["Nur Hidayah, S.Pd.I."], Names(page)), Wait);
        Assert.Equal("Terverifikasi", page.Find("[data-testid=staff-email-status]").TextContent);

        page.Choose(providers, "staff-email-filter", "Belum diverifikasi");
        page.WaitForAssertion(() => Assert.Equal(["Muhammad Iqbal, S.Pd.", "Rina Marlina, S.Pd.", "Sutrisno"], Names(page)), Wait);
    }

    [Fact]
    public async Task The_district_admin_opens_an_institutions_staff_by_its_id()
    {
        int mtsId;
        await using (var db = Database.CreateContext()) mtsId = db.Institutions.Single(i => i.Name == "MTs Negeri 3 Sleman").Id;

        var (page, _) = await OpenAsAsync("admin@kemenagsleman.go.id", mtsId);

        Assert.Equal("MTs Negeri 3 Sleman", page.Find("[data-testid=staff-institution]").TextContent);
        Assert.Contains("Fatimah Azzahra, S.Pd.", Names(page));
    }
}
