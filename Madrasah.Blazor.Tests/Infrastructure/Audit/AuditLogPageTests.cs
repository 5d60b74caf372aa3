using Bunit;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Infrastructure.Audit;

/// <summary>"Log Audit": the light table's paging, sorting, search and WIB date filters (dd/MM/yyyy).</summary>
public sealed class AuditLogPageTests : ComponentTestContext
{
    private static readonly UserScope Admin = new("admin-1", "admin@madrasah.demo.id", "Administrator Sistem", Roles.Admin, null, null);

    public AuditLogPageTests() => SignInAs(Admin);

    private async Task SeedAsync(int count, DateTime firstWib, string user = "operator@contoh.sch.id")
    {
        await using var db = Database.CreateContext();
        for (var i = 0; i < count; i++)
            db.Add(new AuditEntry
            {
                OccurredUtc = Wib.ToUtc(firstWib.AddDays(i)), UserName = user, Action = "test.entry", Summary = $"Kegiatan {i + 1:00}",
            });
        await db.SaveChangesAsync();
    }

    private static string[] Summaries(IRenderedComponent<AuditLogPage> page) =>
        page.FindAll("[data-testid=audit-row] td:last-child").Select(td => td.TextContent).ToArray();

    [Fact]
    public async Task The_newest_25_come_first_and_the_pager_opens_the_rest()
    {
        await SeedAsync(30, new DateTime(2026, 11, 1, 9, 0, 0));
        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Equal(25, Summaries(page).Length));
        Assert.Equal("Kegiatan 30", Summaries(page)[0]);
        Assert.Equal("1–25 dari 30 catatan", page.Find("[data-testid=audit-range]").TextContent);
        Assert.Equal("descending", page.Find("th[aria-sort=descending]").GetAttribute("aria-sort"));

        page.Find("[data-testid=audit-pages] button[aria-label='Halaman berikutnya']").Click();

        page.WaitForAssertion(() => Assert.Equal(["Kegiatan 05", "Kegiatan 04", "Kegiatan 03", "Kegiatan 02", "Kegiatan 01"], Summaries(page)));
        Assert.Equal("26–30 dari 30 catatan", page.Find("[data-testid=audit-range]").TextContent);
    }

    [Fact]
    public async Task Clicking_a_column_sorts_by_it_and_again_turns_it_round()
    {
        await SeedAsync(2, new DateTime(2026, 11, 1, 9, 0, 0), user: "budi@contoh.sch.id");
        await SeedAsync(1, new DateTime(2026, 11, 5, 9, 0, 0), user: "ani@contoh.sch.id");
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(3, Summaries(page).Length));

        page.Find("[data-testid=sort-user]").Click();
        page.WaitForAssertion(() => Assert.Equal("ani@contoh.sch.id", page.Find("[data-testid=audit-row] td:nth-child(2)").TextContent));
        Assert.Equal("ascending", page.Find("[data-testid=sort-user]").ParentElement!.GetAttribute("aria-sort"));

        page.Find("[data-testid=sort-user]").Click();
        page.WaitForAssertion(() => Assert.Equal("budi@contoh.sch.id", page.Find("[data-testid=audit-row] td:nth-child(2)").TextContent));
        Assert.Equal("descending", page.Find("[data-testid=sort-user]").ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Search_and_dates_typed_as_dd_MM_yyyy_narrow_the_log_and_start_again_at_page_one()
    {
        await SeedAsync(30, new DateTime(2026, 11, 1, 9, 0, 0));
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(25, Summaries(page).Length));
        page.Find("[data-testid=audit-pages] button[aria-label='Halaman berikutnya']").Click();
        page.WaitForAssertion(() => Assert.Equal(5, Summaries(page).Length));

        page.Find("input[data-testid=audit-from]").Change("10/11/2026");
        page.WaitForAssertion(() => Assert.Equal("1–21 dari 21 catatan", page.Find("[data-testid=audit-range]").TextContent));
        page.Find("input[data-testid=audit-to]").Change("12/11/2026");
        page.WaitForAssertion(() => Assert.Equal(["Kegiatan 12", "Kegiatan 11", "Kegiatan 10"], Summaries(page)));

        page.Find("input[data-testid=audit-search]").Input("Kegiatan 11");
        page.WaitForAssertion(() => Assert.Equal(["Kegiatan 11"], Summaries(page)));

        page.Find("input[data-testid=audit-search]").Input("tidak ada");
        page.WaitForAssertion(() => Assert.Equal("Tidak ada catatan yang cocok dengan pencarian ini.", page.Find("[data-testid=audit-empty]").TextContent));
        Assert.Equal("0 catatan", page.Find("[data-testid=audit-range]").TextContent);
    }
}
