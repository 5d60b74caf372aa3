using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>The inboxes: 20 rows a page, sorting and filters answered by the database, and the district's date range checked.</summary>
public sealed class ApprovalInboxTests : ApprovalComponentTestContext
{
    private static string[] RowIds<TPage>(IRenderedComponent<TPage> inbox, string container) where TPage : IComponent =>
        inbox.FindAll($"[data-testid={container}] [data-request-id]").Select(r => r.GetAttribute("data-request-id")!).ToArray();

    private static string[] Ids(params int[] ids) => ids.Select(i => i.ToString()).ToArray();

    /// <summary>Requests waiting for MIN 1 Sleman's head, one minute apart (oldest first).</summary>
    private async Task<List<int>> SeedWaitingAsync(int count)
    {
        var start = DateTime.UtcNow.AddHours(-1);
        var ids = new List<int>();
        for (var i = 1; i <= count; i++) ids.Add(await SeedRequestAsync("MIN 1 Sleman", ChangeRequestStatus.WaitingForHead, start.AddMinutes(i)));
        return ids;
    }

    private IRenderedComponent<TPage> RenderPage<TPage>(UserScope user) where TPage : IComponent
    {
        SignInAs(user);
        RenderMudProviders();
        return Render<TPage>();
    }

    [Fact]
    public async Task The_heads_inbox_shows_20_rows_a_page_and_pages_through_the_rest()
    {
        var ids = await SeedWaitingAsync(25);
        var inbox = RenderPage<HeadInboxPage>(Head);
        var pager = () => inbox.Find("[data-testid=head-inbox] [data-testid=pager]");
        var button = (string name) => pager().QuerySelectorAll("button").Single(b => b.TextContent.Contains(name));

        inbox.WaitForAssertion(() => Assert.Equal(20, RowIds(inbox, "head-inbox").Length));
        Assert.Equal(ids[^1].ToString(), RowIds(inbox, "head-inbox")[0]); // newest change first
        Assert.Equal("Halaman 1", pager().QuerySelector("[data-testid=pager-page]")!.TextContent);
        Assert.True(button("Sebelumnya").HasAttribute("disabled"));
        Assert.False(button("Berikutnya").HasAttribute("disabled"));
        Assert.Empty(inbox.FindAll("[data-testid=head-history] [data-testid=pager]")); // one page of history needs no pager

        button("Berikutnya").Click();
        inbox.WaitForAssertion(() => Assert.Equal(Ids(ids[4], ids[3], ids[2], ids[1], ids[0]), RowIds(inbox, "head-inbox")));
        Assert.Equal("Halaman 2", pager().QuerySelector("[data-testid=pager-page]")!.TextContent);
        Assert.True(button("Berikutnya").HasAttribute("disabled"));

        button("Sebelumnya").Click();
        inbox.WaitForAssertion(() => Assert.Equal(20, RowIds(inbox, "head-inbox").Length));
    }

    [Fact]
    public async Task A_header_sorts_the_whole_list_in_the_database_and_says_which_way()
    {
        var ids = await SeedWaitingAsync(22);
        var inbox = RenderPage<HeadInboxPage>(Head);
        inbox.WaitForAssertion(() => Assert.Equal(20, RowIds(inbox, "head-inbox").Length));
        var header = (string name) => inbox.FindAll("[data-testid=head-inbox] th").Single(th => th.TextContent.Trim() == name);
        Assert.Null(header("Diajukan").GetAttribute("aria-sort"));

        header("Diajukan").QuerySelector("button")!.Click(); // newest first
        inbox.WaitForAssertion(() => Assert.Equal("descending", header("Diajukan").GetAttribute("aria-sort")));
        inbox.WaitForAssertion(() => Assert.Equal(ids[^1].ToString(), RowIds(inbox, "head-inbox")[0]));

        header("Diajukan").QuerySelector("button")!.Click(); // oldest first: the oldest is on page 1, not the last page
        inbox.WaitForAssertion(() => Assert.Equal("ascending", header("Diajukan").GetAttribute("aria-sort")));
        inbox.WaitForAssertion(() => Assert.Equal(Ids(ids[..20].ToArray()), RowIds(inbox, "head-inbox")));

        header("No.").QuerySelector("button")!.Click();
        inbox.WaitForAssertion(() => Assert.Equal("descending", header("No.").GetAttribute("aria-sort")));
        Assert.Null(header("Diajukan").GetAttribute("aria-sort"));
        inbox.WaitForAssertion(() => Assert.Equal(ids[^1].ToString(), RowIds(inbox, "head-inbox")[0]));
    }

    [Fact]
    public async Task The_district_filters_by_status_institution_search_and_WIB_days()
    {
        var utc = (int day, int hour, int minute) => new DateTime(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);
        var min1Late = await SeedRequestAsync("MIN 1 Sleman", ChangeRequestStatus.WaitingForDistrict, utc(9, 17, 30)); // 10 March 00.30 WIB
        var min1Applied = await SeedRequestAsync("MIN 1 Sleman", ChangeRequestStatus.Applied, utc(5, 3, 0));
        var mtsWaiting = await SeedRequestAsync("MTs Negeri 3 Sleman", ChangeRequestStatus.WaitingForDistrict, utc(9, 10, 0), fieldKey: "Email", fieldLabel: "Email");
        var mtsRejected = await SeedRequestAsync("MTs Negeri 3 Sleman", ChangeRequestStatus.RejectedByDistrict, utc(12, 2, 0));
        await SeedRequestAsync("MIN 1 Sleman", ChangeRequestStatus.WaitingForHead, utc(11, 2, 0)); // not the district's yet
        var inbox = RenderPage<DistrictInboxPage>(DistrictAdmin);
        var filters = inbox.FindComponent<DistrictInboxFilters>();
        void Expect(params int[] expected) => inbox.WaitForAssertion(() => Assert.Equal(Ids(expected), RowIds(inbox, "district-inbox")));
        string Summary() => string.Join(" | ", inbox.FindAll("[data-testid=filter-summary] span").Select(s => s.TextContent));

        Expect(min1Late, mtsWaiting); // what waits for the district, newest first
        Assert.Contains("10 Mar 2026 00.30", inbox.Find("[data-request-id]").TextContent);
        Assert.Equal("Menunggu Persetujuan Kabupaten/Kota | Semua lembaga | Semua tanggal", Summary());
        Assert.Empty(filters.FindComponents<MudSelect<ChangeRequestStatus?>>()); // the panel's inputs exist only while it is open
        inbox.FindAll("button").Single(b => b.TextContent.Trim() == "Filter").Click();
        Assert.Equal("true", inbox.FindAll("button").Single(b => b.TextContent.Trim() == "Filter").GetAttribute("aria-expanded"));

        await inbox.InvokeAsync(() => filters.FindComponent<MudSelect<ChangeRequestStatus?>>().Instance.ValueChanged.InvokeAsync(null));
        Expect(mtsRejected, min1Late, mtsWaiting, min1Applied);
        Assert.Equal("Semua status", filters.FindComponent<MudSelect<ChangeRequestStatus?>>().Instance.ToStringFunc!(null));

        var institutions = filters.FindComponent<MudAutocomplete<InstitutionListItem>>();
        var found = await institutions.Instance.SearchFunc!("mts", CancellationToken.None)!;
        var mts = Assert.Single(found!);
        Assert.Equal("MTs Negeri 3 Sleman", mts.Name);
        await inbox.InvokeAsync(() => institutions.Instance.ValueChanged.InvokeAsync(mts));
        Expect(mtsRejected, mtsWaiting);
        Assert.Equal("Semua status | MTs Negeri 3 Sleman | Semua tanggal", Summary());
        await inbox.InvokeAsync(() => institutions.Instance.ValueChanged.InvokeAsync(null));
        Expect(mtsRejected, min1Late, mtsWaiting, min1Applied);

        inbox.Find("#filter-search").Change("email"); // a changed field's name
        Expect(mtsWaiting);
        inbox.Find("#filter-search").Change($"#{min1Applied}");
        Expect(min1Applied);
        inbox.Find("#filter-search").Change("");
        Expect(mtsRejected, min1Late, mtsWaiting, min1Applied);

        inbox.Find("#filter-from").Change("10/03/2026"); // a WIB day: 17.30 UTC on the 9th is on it
        Expect(mtsRejected, min1Late);
        Assert.Equal("10/03/2026", inbox.Find("#filter-from").GetAttribute("value"));
        inbox.Find("#filter-to").Change("10/03/2026");
        Expect(min1Late);
        Assert.Equal("Semua status | Semua lembaga | Diajukan 10/03/2026 – 10/03/2026", Summary());

        inbox.FindAll("button").Single(b => b.TextContent.Trim() == "Atur Ulang").Click();
        Expect(min1Late, mtsWaiting);
        inbox.FindAll("button").Single(b => b.TextContent.Trim() == "Tutup").Click();
        inbox.WaitForAssertion(() => Assert.Empty(filters.FindComponents<MudDatePicker>()));
    }

    [Fact]
    public async Task Reversed_dates_are_named_instead_of_an_empty_list()
    {
        await SeedRequestAsync("MIN 1 Sleman", ChangeRequestStatus.WaitingForDistrict, new DateTime(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc));
        var inbox = RenderPage<DistrictInboxPage>(DistrictAdmin);
        inbox.WaitForAssertion(() => Assert.Single(RowIds(inbox, "district-inbox")));
        inbox.FindAll("button").Single(b => b.TextContent.Trim() == "Filter").Click();

        inbox.Find("#filter-to").Change("10/03/2026");
        inbox.WaitForAssertion(() => Assert.Contains("Diajukan sampai 10/03/2026", inbox.Find("[data-testid=filter-summary]").TextContent));
        inbox.Find("#filter-from").Change("11/03/2026");

        inbox.WaitForAssertion(() => Assert.Equal(
            "Tanggal \"Diajukan dari\" (11 Maret 2026) tidak boleh setelah tanggal \"Diajukan sampai\" (10 Maret 2026). Ubah salah satu tanggal.",
            inbox.Find("[data-testid=filter-error]").TextContent.Trim()));
        Assert.Empty(RowIds(inbox, "district-inbox"));
        Assert.Empty(inbox.FindAll("[data-testid=requests-empty]"));
        Assert.All(inbox.FindAll("#filter-from, #filter-to"), input => Assert.Equal("true", input.GetAttribute("aria-invalid")));

        inbox.Find("#filter-to").Change("12/03/2026");
        inbox.WaitForAssertion(() => Assert.Empty(inbox.FindAll("[data-testid=filter-error]")));
        Assert.Empty(RowIds(inbox, "district-inbox"));
        Assert.Single(inbox.FindAll("[data-testid=requests-empty]"));
    }

    [Fact]
    public async Task An_open_inbox_shows_a_request_submitted_elsewhere_without_reload()
    {
        var inbox = RenderPage<HeadInboxPage>(Head);
        inbox.WaitForElement("[data-testid=head-inbox] [data-testid=requests-empty]");

        var request = await SubmitAsync(("Phone", "0274-555666")); // the operator, in another circuit

        inbox.WaitForAssertion(() => Assert.Equal(Ids(request.Id), RowIds(inbox, "head-inbox")));
        Assert.Contains("Telepon", inbox.Find("[data-testid=head-inbox] [data-request-id]").TextContent);
    }

    [Fact]
    public async Task A_change_reloads_the_district_list_without_rebuilding_its_filters()
    {
        var inbox = RenderPage<DistrictInboxPage>(DistrictAdmin);
        inbox.WaitForElement("[data-testid=district-inbox] [data-testid=requests-empty]");
        var filters = inbox.FindComponent<DistrictInboxFilters>();
        var (pageRenders, filterRenders) = (inbox.RenderCount, filters.RenderCount);

        var request = await SeedRequestAsync("MIN 1 Sleman", ChangeRequestStatus.WaitingForDistrict, DateTime.UtcNow);
        Services.GetRequiredService<LiveNotifier>().Publish(ApprovalTopics.For(DistrictAdmin));

        inbox.WaitForAssertion(() => Assert.Equal(Ids(request), RowIds(inbox, "district-inbox")));
        Assert.True(inbox.RenderCount > pageRenders);
        Assert.Equal(filterRenders, filters.RenderCount); // the same filter: nothing of it to rebuild
    }

    [Fact]
    public async Task A_change_keeps_the_sortable_headers_click_handlers()
    {
        await SeedWaitingAsync(1);
        var inbox = RenderPage<HeadInboxPage>(Head);
        inbox.WaitForAssertion(() => Assert.Single(RowIds(inbox, "head-inbox")));
        string[] Handlers() => inbox.FindAll("[data-testid=head-inbox] th button").Select(b => b.GetAttribute("blazor:onclick")!).ToArray();
        var before = Handlers();
        Assert.Equal(2, before.Length); // "No." and "Diajukan"
        Assert.All(before, id => Assert.False(string.IsNullOrEmpty(id)));

        await SeedWaitingAsync(1);
        Services.GetRequiredService<LiveNotifier>().Publish(ApprovalTopics.For(Head));

        inbox.WaitForAssertion(() => Assert.Equal(2, RowIds(inbox, "head-inbox").Length));
        // The same handlers: a live re-render in every open inbox sends no new handler for the browser to swap in.
        Assert.Equal(before, Handlers());
    }
}
