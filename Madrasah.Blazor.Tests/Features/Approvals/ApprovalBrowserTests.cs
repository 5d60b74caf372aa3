using System.Text.RegularExpressions;
using Madrasah.Blazor.Tests.Components;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>
/// The seed's approval scheme in the browser, on an app of the class's own (the story renames MIN 1 Sleman, which the
/// shared app's other tests expect unchanged) and the collection's Chromium. The story runs on the demo's MIN 1 Sleman
/// and Kabupaten Sleman; every other test works in an institution and district of its own, made for it in the same app
/// (<see cref="NewInstitutionAsync"/>), so no test sees another's requests in its inboxes, badges or lists, whatever
/// their order: one app start for the class instead of one per test.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class ApprovalBrowserTests(BrowserFixture fixture, OwnAppFixture own) : IClassFixture<OwnAppFixture>, IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private TestApp App => own.App;

    private const string LongReason =
        "Nomor belum terdaftar di Telkom; lampirkan bukti pemasangan dari kantor Telkom Sleman, lalu ajukan ulang bersama nomor faksimile.";

    [Fact]
    public async Task Operator_head_and_district_follow_one_change_live_from_submission_to_the_institution_data()
    {
        var app = App;
        var head = await SignInAsync(app, "kepala@min1sleman.sch.id");
        var district = await SignInAsync(app, "admin@kemenagsleman.go.id");
        var operatorPage = await SignInAsync(app, "operator@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(head, "/persetujuan");
        await Expect(head.GetByText("Tidak ada pengajuan yang menunggu persetujuan Anda.")).ToBeVisibleAsync();
        await BrowserFixture.OpenAsync(district, "/kabupaten/persetujuan");
        await Expect(district.GetByTestId("requests-empty")).ToBeVisibleAsync();
        await BrowserFixture.OpenAsync(operatorPage, "/perubahan");
        // From here on nobody reloads a page: a full load would forget this mark.
        foreach (var page in new[] { head, district, operatorPage }) await page.EvaluateAsync("() => { window.__noReload = 1; }");

        // The operator edits the institution data: a request, not a write.
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = "Ubah Data Lembaga" }).ClickAsync();
        await operatorPage.GetByLabel("Nama Lembaga").FillAsync("MIN 1 Sleman Terpadu");
        await ChooseAsync(operatorPage, "Akreditasi", "B");
        await operatorPage.GetByLabel("Telepon").FillAsync("0274-111222");
        await operatorPage.GetByLabel("Situs Web").FillAsync("https://min1sleman.sch.id");
        await operatorPage.GetByLabel("Catatan untuk Kepala Madrasah").FillAsync("Sesuai SK Kanwil terbaru.");
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-operator-form");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala");
        var timeline = operatorPage.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("Diajukan");

        // The head's open inbox shows it without reload, with the menu badge.
        var row = head.GetByTestId("head-inbox").Locator("[data-request-id]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Nama Lembaga, Akreditasi, Telepon, Situs Web");
        await Expect(head.GetByTestId("nav-badge")).ToHaveTextAsync("1");
        await BrowserFixture.ScreenshotAsync(head, "approvals-head-inbox");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        var nameRow = head.GetByTestId("field-Name");
        await Expect(nameRow).ToContainTextAsync("MIN 1 Sleman");
        await Expect(nameRow).ToContainTextAsync("MIN 1 Sleman Terpadu");
        await nameRow.GetByLabel("Setujui").CheckAsync();
        await head.GetByTestId("field-Accreditation").GetByLabel("Setujui").CheckAsync();
        await head.GetByTestId("field-Website").GetByLabel("Setujui").CheckAsync();
        var phoneRow = head.GetByTestId("field-Phone");
        await Expect(phoneRow).ToContainTextAsync("0274-880001");
        await phoneRow.GetByLabel("Tolak").CheckAsync();
        var reason = phoneRow.GetByLabel("Alasan penolakan");
        await reason.FillAsync(LongReason);
        // The whole reason is visible in its box: nothing scrolled out of sight.
        Assert.True(await reason.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight"),
            "the rejection reason is cut off");
        await BrowserFixture.ScreenshotAsync(head, "approvals-head-decision");
        await head.GetByRole(AriaRole.Button, new() { Name = "Simpan Keputusan" }).ClickAsync();
        await Expect(head.GetByTestId("action-message")).ToHaveTextAsync("Keputusan Anda telah disimpan.");
        await Expect(head.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kabupaten/Kota");
        await Expect(head.GetByTestId("nav-badge")).ToHaveCountAsync(0);
        // At 1366 px every column of the decision table shows whole ("Kabupaten/Kota", not "Ka").
        await Expect(head.GetByTestId("change-fields").GetByRole(AriaRole.Columnheader, new() { Name = "Kabupaten/Kota" })).ToBeVisibleAsync();
        Assert.Empty(await ClippedAsync(head.GetByTestId("change-fields")));

        // The operator's open timeline follows, live.
        await Expect(timeline).ToContainTextAsync("Disetujui Kepala Madrasah: Nama Lembaga");
        await Expect(timeline).ToContainTextAsync("Ditolak Kepala Madrasah: Telepon");
        await Expect(timeline).ToContainTextAsync(LongReason);
        await Expect(timeline).ToContainTextAsync("Diteruskan ke Kabupaten/Kota");

        // The district's open inbox shows it live; the district approves while the head's request page stays open.
        var districtRow = district.GetByTestId("district-inbox").Locator("[data-request-id]");
        await Expect(districtRow).ToHaveCountAsync(1);
        await Expect(districtRow).ToContainTextAsync("MIN 1 Sleman");
        await Expect(district.GetByTestId("nav-badge")).ToHaveTextAsync("1");
        // The status filter shows its whole value at 1366 px.
        await district.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(district.GetByRole(AriaRole.Combobox, new() { Name = "Status" })).ToHaveValueAsync("Menunggu Persetujuan Kabupaten/Kota");
        Assert.Empty(await ClippedAsync(district.GetByTestId("filters")));
        await BrowserFixture.ScreenshotAsync(district, "approvals-district-inbox");
        await districtRow.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(district.GetByTestId("district-decision")).ToBeVisibleAsync();
        await district.GetByRole(AriaRole.Button, new() { Name = "Setujui", Exact = true }).ClickAsync();
        await Expect(district.GetByTestId("action-message")).ToHaveTextAsync("Pengajuan disetujui dan diterapkan ke data lembaga.");
        await Expect(district.GetByTestId("request-status")).ToHaveTextAsync("Diterapkan");
        await Expect(district.GetByTestId("receipt-number")).ToHaveTextAsync(new Regex(@"^BPD-\d{4}-\d{6}$"));
        await BrowserFixture.ScreenshotAsync(district, "approvals-district-applied");

        await Expect(head.GetByTestId("request-status")).ToHaveTextAsync("Diterapkan");
        await Expect(head.GetByTestId("timeline")).ToContainTextAsync("Diterapkan ke data lembaga");
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Diterapkan");

        // Every step of the timeline names who did it and when (WIB).
        const string op = "Siti Aminah", kamad = "Drs. H. Ahmad Fauzi, M.Pd.I.", admin = "Hendra Kurniawan, S.Kom.";
        (string Step, string Actor)[] steps =
        [
            ("Dibuat", op), ("Diajukan", op),
            ("Disetujui Kepala Madrasah: Nama Lembaga", kamad), ("Disetujui Kepala Madrasah: Akreditasi", kamad),
            ("Ditolak Kepala Madrasah: Telepon", kamad), ("Disetujui Kepala Madrasah: Situs Web", kamad),
            ("Diteruskan ke Kabupaten/Kota", kamad), ("Disetujui Kabupaten/Kota", admin), ("Diterapkan ke data lembaga", admin),
        ];
        var entries = timeline.GetByTestId("timeline-entry");
        await Expect(entries).ToHaveCountAsync(steps.Length);
        for (var i = 0; i < steps.Length; i++)
        {
            await Expect(entries.Nth(i)).ToContainTextAsync(steps[i].Step);
            await Expect(entries.Nth(i)).ToContainTextAsync($"{steps[i].Actor} (");
            await Expect(entries.Nth(i)).ToContainTextAsync(new Regex(@"\d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB"));
        }
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-operator-timeline");
        foreach (var page in new[] { head, district, operatorPage })
            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__noReload ?? 0"));

        // The institution's data now holds what both approved, and the rejected phone as it was: the next edit starts from it.
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga/ubah");
        await Expect(operatorPage.GetByLabel("Nama Lembaga", new() { Exact = true })).ToHaveValueAsync("MIN 1 Sleman Terpadu");
        await Expect(operatorPage.GetByRole(AriaRole.Combobox, new() { Name = "Akreditasi" })).ToHaveTextAsync("B");
        await Expect(operatorPage.GetByLabel("Telepon")).ToHaveValueAsync("0274-880001");
        await Expect(operatorPage.GetByLabel("Situs Web")).ToHaveValueAsync("https://min1sleman.sch.id");
    }

    [Fact]
    public async Task Another_institutions_head_and_operator_get_not_found_for_a_request_id()
    {
        var app = App;
        var own = await NewInstitutionAsync(app, "a");
        var other = await NewInstitutionAsync(app, "b", own.DistrictId); // of the same district
        var operatorPage = await SignInAsync(app, own.Operator);
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga/ubah");
        await operatorPage.GetByLabel("Sarana Prasarana").FillAsync("Laboratorium rahasia lantai 3");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala");
        var id = Regex.Match(operatorPage.Url, @"/perubahan/(\d+)").Groups[1].Value;
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga/ubah");
        await operatorPage.GetByLabel("Sarana Prasarana").FillAsync("Laboratorium rahasia lantai 4");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Simpan Draf" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Draf");
        await Expect(operatorPage.GetByRole(AriaRole.Link, new() { Name = "Ubah Draf" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Link, new() { Name = "Perbaiki & Ajukan Ulang" })).ToHaveCountAsync(0);
        var draftId = Regex.Match(operatorPage.Url, @"/perubahan/(\d+)").Groups[1].Value;

        // Another institution's users see neither; the district sees nothing that has not reached it; the head no draft.
        foreach (var (outsider, requestIds) in new[]
        {
            (other.Head, new[] { id, draftId }), (other.Operator, new[] { id, draftId }),
            (own.DistrictAdmin, new[] { id, draftId }), (own.Head, new[] { draftId }),
        })
        {
            var page = await SignInAsync(app, outsider);
            // The edit form is an operator's page: other roles are refused whatever the id; operators get "not found".
            var isOperator = outsider.StartsWith("operator@", StringComparison.Ordinal);
            foreach (var path in requestIds.SelectMany(r => new[] { $"/perubahan/{r}", $"/perubahan/{r}/ubah" }))
            {
                var refused = path.EndsWith("/ubah", StringComparison.Ordinal) && !isOperator;
                if (refused) await page.GotoAsync(path); // typed into the address bar: the sign-in middleware refuses it
                else await BrowserFixture.OpenAsync(page, path);
                var expected = refused ? "Akses ditolak" : "Halaman tidak ditemukan";
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = expected })).ToBeVisibleAsync();
                await Expect(page.GetByText("Laboratorium rahasia")).ToHaveCountAsync(0);
            }
            await BrowserFixture.ScreenshotAsync(page, "approvals-not-found");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_operator_closes_a_request_the_head_rejected_entirely()
    {
        var app = App;
        var own = await NewInstitutionAsync(app, "c");
        var operatorPage = await SignInAsync(app, own.Operator);
        var head = await SignInAsync(app, own.Head);
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga/ubah");
        var form = operatorPage.GetByTestId("change-form");
        await Expect(operatorPage.GetByLabel("NIK Kepala Madrasah")).ToHaveValueAsync("3404071211750001");
        // Nothing of the form sticks out past the card's border (each field's own rules are component tests).
        Assert.True(await form.EvaluateAsync<bool>(
            "f => { const right = f.getBoundingClientRect().right; return [...f.querySelectorAll('*')].every(e => e.getBoundingClientRect().right <= right + 0.5); }"),
            "part of the form reaches past the card");
        await operatorPage.GetByLabel("Kode Pos").FillAsync("55582");
        await operatorPage.GetByLabel("Telepon").FillAsync("0274-777888");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala");
        await Expect(operatorPage.GetByTestId("change-fields")).ToContainTextAsync("Kode Pos");

        // The head rejects every field: it comes back to the operator, whose open page follows, and who closes it instead of revising it.
        await BrowserFixture.OpenAsync(head, new Uri(operatorPage.Url).AbsolutePath);
        foreach (var key in new[] { "PostalCode", "Phone" })
        {
            var row = head.GetByTestId($"field-{key}");
            await row.GetByLabel("Tolak").CheckAsync();
            await row.GetByLabel("Alasan penolakan").FillAsync("Belum sesuai SK.");
        }
        await head.GetByRole(AriaRole.Button, new() { Name = "Simpan Keputusan" }).ClickAsync();
        await Expect(head.GetByTestId("request-status")).ToHaveTextAsync("Ditolak Kepala Madrasah");

        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Ditolak Kepala Madrasah");
        await Expect(operatorPage.GetByTestId("nav-badge")).ToHaveTextAsync("1");
        await Expect(operatorPage.GetByRole(AriaRole.Link, new() { Name = "Perbaiki & Ajukan Ulang" })).ToBeVisibleAsync();
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Tutup Pengajuan" }).ClickAsync();
        var dialog = operatorPage.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Pengajuan yang ditutup tidak dapat diperbaiki lagi. Tutup pengajuan ini?");
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-operator-close-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ya" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("action-message")).ToHaveTextAsync("Pengajuan telah ditutup.");
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Ditarik Kembali");
        await Expect(operatorPage.GetByTestId("timeline")).ToContainTextAsync("Ditutup oleh operator");
        await Expect(operatorPage.GetByTestId("nav-badge")).ToHaveCountAsync(0);
        await Expect(operatorPage.GetByRole(AriaRole.Link, new() { Name = "Perbaiki & Ajukan Ulang" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-operator-closed");
    }

    [Fact]
    public async Task Every_approvals_page_fits_a_390_px_phone_cuts_nothing_at_1366_px_and_passes_axe()
    {
        var app = App;
        var own = await NewInstitutionAsync(app, "d");
        var forHead = await SeedForDistrictAsync(app, own.Name, ChangeRequestStatus.WaitingForHead, DateTime.UtcNow.AddHours(-3));
        var forDistrict = await SeedForDistrictAsync(app, own.Name, ChangeRequestStatus.WaitingForDistrict, DateTime.UtcNow.AddHours(-2));
        (string Email, string[] Paths)[] visits =
        [
            (own.Operator, ["/perubahan", "/lembaga/ubah", $"/perubahan/{forHead}"]),
            (own.Head, ["/persetujuan", $"/perubahan/{forHead}"]),
            (own.DistrictAdmin, ["/kabupaten/persetujuan", $"/perubahan/{forDistrict}"]),
        ];
        foreach (var (email, paths) in visits)
        {
            var page = await SignInAsync(app, email);
            foreach (var path in paths)
                foreach (var width in new[] { 1366, 390 })
                {
                    await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
                    await BrowserFixture.OpenAsync(page, path);
                    await Expect(page.Locator("main h1")).ToBeVisibleAsync();
                    // No sideways scrolling of the whole page, and no text cut inside tables, filters or decision forms.
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                        $"{path} at {width} px scrolls sideways");
                    Assert.Empty(await ClippedAsync(page.Locator("main")));
                    // On a phone each inbox row is a card: every cell, the status chip too, inside the window, none
                    // scrolled out of sight within its table.
                    if (width < 600) Assert.Empty(await OutsideWindowAsync(page.Locator("main [data-request-id] td")));
                    if (path == "/kabupaten/persetujuan") // and with its filter panel open
                    {
                        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
                        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Status" })).ToHaveValueAsync("Menunggu Persetujuan Kabupaten/Kota");
                        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                            $"{path} with filters at {width} px scrolls sideways");
                        Assert.Empty(await ClippedAsync(page.Locator("main")));
                    }
                    await BrowserFixture.ScreenshotAsync(page, $"approvals-{width}{path.Replace('/', '-')}");
                    // WCAG 2.1 A/AA (axe-core): no serious or critical violation, with the district's filter panel open too.
                    var problems = new List<string>();
                    await AccessibilityBrowserTests.CheckShownAsync(page, $"{path} at {width} px", problems);
                    Assert.Empty(problems);
                }
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The MudSelect labelled <paramref name="label"/> set to <paramref name="option"/> as a user does it: open the list, pick.</summary>
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        var select = page.GetByRole(AriaRole.Combobox, new() { Name = label });
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(select).ToHaveTextAsync(option);
    }

    /// <summary>
    /// The text of table cells, status chips and select values inside <paramref name="area"/> whose content is wider
    /// than their box (cut off or hidden under an ellipsis), as "tag: text".
    /// </summary>
    private static Task<string[]> ClippedAsync(ILocator area) =>
        area.EvaluateAsync<string[]>("""
            a => [...a.querySelectorAll('th, td, .status-chip, [role=combobox]')]
                .filter(e => e.getClientRects().length > 0 && e.scrollWidth > e.clientWidth + 1)
                .map(e => `${e.tagName.toLowerCase()}: ${(e.value || e.textContent).trim()}`)
            """);

    /// <summary>The text of each of these elements that does not lie wholly inside the window's width.</summary>
    private static Task<string[]> OutsideWindowAsync(ILocator elements) =>
        elements.EvaluateAllAsync<string[]>("""
            es => es.filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })
                .map(e => e.textContent.trim())
            """);

    /// <summary>
    /// One request of the institution that has reached the district (submitted and last changed at <paramref name="submittedUtc"/>),
    /// changing the phone from <paramref name="oldPhone"/> (default: the present number, so no conflict); written straight into the database.
    /// </summary>
    private static async Task<int> SeedForDistrictAsync(TestApp app, string institutionName, ChangeRequestStatus status, DateTime submittedUtc, string? oldPhone = null)
    {
        await using var db = OpenDatabase(app);
        var institution = await db.Institutions.SingleAsync(i => i.Name == institutionName);
        var op = await db.Users.FirstAsync(u => u.InstitutionId == institution.Id && u.Email!.StartsWith("operator@"));
        var decided = status is ChangeRequestStatus.Applied or ChangeRequestStatus.RejectedByDistrict;
        var request = new ChangeRequest
        {
            InstitutionId = institution.Id, Status = status, CreatedByUserId = op.Id, CreatedByName = op.FullName,
            CreatedUtc = submittedUtc, SubmittedUtc = submittedUtc, UpdatedUtc = submittedUtc, Revision = decided ? 3 : 2,
            DistrictReason = status == ChangeRequestStatus.RejectedByDistrict ? "Belum ada SK." : null,
            Fields =
            [
                new()
                {
                    FieldKey = "Phone", Label = "Telepon", OldValue = oldPhone ?? institution.Phone, NewValue = "0274-" + submittedUtc.ToString("ddHHmm"),
                    HeadDecision = FieldDecision.Approved,
                    DistrictDecision = status == ChangeRequestStatus.Applied ? FieldDecision.Approved : status == ChangeRequestStatus.RejectedByDistrict ? FieldDecision.Rejected : FieldDecision.Pending,
                },
            ],
        };
        db.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private static MadrasahDbContext OpenDatabase(TestApp app) =>
        new(new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite($"Data Source={app.DatabasePath};Default Timeout=30").Options);

    private async Task<IPage> SignInAsync(TestApp app, string email)
    {
        var page = await fixture.NewPageAsync(app);
        await BrowserFixture.SignInOnPageAsync(page, email);
        return page;
    }

    /// <summary>An institution made for one test, with its operator, head and district admin (emails; the demo Password).</summary>
    private sealed record OwnInstitution(string Name, int DistrictId, string Operator, string Head, string DistrictAdmin);

    private static int _districts;

    /// <summary>
    /// A copy of the demo's MIN 1 Sleman as it was seeded ("MIN Uji <paramref name="key"/>", its own NSM, no registration
    /// code), with an operator, a head and a district admin of their own that have the demo accounts' names and Password,
    /// written straight into the app's database; in a district of its own unless <paramref name="districtId"/> names one.
    /// </summary>
    private static async Task<OwnInstitution> NewInstitutionAsync(TestApp app, string key, int? districtId = null)
    {
        await using var db = OpenDatabase(app);
        if (districtId is null)
        {
            var district = new District
            {
                Code = $"34.{80 + Interlocked.Increment(ref _districts)}", Name = $"Kabupaten Uji {key.ToUpperInvariant()}",
                ProvinceCode = "34", ProvinceName = "Daerah Istimewa Yogyakarta",
            };
            db.Add(district);
            await db.SaveChangesAsync();
            districtId = district.Id;
        }
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.StatisticNumber == "111134040001");
        institution.Id = 0;
        institution.DistrictId = districtId.Value;
        institution.Name = $"MIN Uji {key.ToUpperInvariant()}";
        institution.StatisticNumber = $"1111340499{(int)key[0] % 100:00}";
        institution.Npsn = $"607199{(int)key[0] % 100:00}";
        institution.RegistrationCodeHash = null;
        institution.RegistrationCodeExpiresUtc = null;
        // As the demo seeds them: MIN 1 Sleman's values before any test changed them.
        (institution.Accreditation, institution.Phone, institution.Website) = ("A", "0274-880001", null);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();

        var host = $"uji-{key}.sch.id";
        var result = new OwnInstitution(institution.Name, districtId.Value, $"operator@{host}", $"kepala@{host}", $"admin@kemenag-uji-{key}.go.id");
        await AddUserAsync(db, result.Operator, "operator@min1sleman.sch.id", Roles.Operator, institution.Id, null);
        await AddUserAsync(db, result.Head, "kepala@min1sleman.sch.id", Roles.KepalaMadrasah, institution.Id, null);
        await AddUserAsync(db, result.DistrictAdmin, "admin@kemenagsleman.go.id", Roles.AdminKabKota, null, districtId);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>An account like the demo's <paramref name="like"/> (its name and Password hash) under <paramref name="email"/>.</summary>
    private static async Task AddUserAsync(MadrasahDbContext db, string email, string like, string role, int? institutionId, int? districtId)
    {
        var template = await db.Users.AsNoTracking().SingleAsync(u => u.Email == like);
        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, PasswordHash = template.PasswordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(), FullName = template.FullName, InstitutionId = institutionId, DistrictId = districtId,
            CreatedUtc = DateTime.UtcNow,
        };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
    }
}
