using System.Text.RegularExpressions;
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
/// The seed's approval scheme in the browser. Each test starts its own app (it renames MIN 1 Sleman, which the
/// shared app's other tests expect unchanged) and uses the collection's Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalBrowserTests(BrowserFixture fixture)
{
    private const string LongReason =
        "Nomor belum terdaftar di Telkom; lampirkan bukti pemasangan dari kantor Telkom Sleman, lalu ajukan ulang bersama nomor faksimile.";

    [Fact]
    public async Task Operator_head_and_district_follow_one_change_live_from_submission_to_the_institution_data()
    {
        await using var app = await TestApp.StartAsync();
        var head = await SignInAsync(app, "kepala@min1sleman.sch.id");
        var district = await SignInAsync(app, "admin@kemenagsleman.go.id");
        var operatorPage = await SignInAsync(app, "operator@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(head, "/persetujuan");
        await Expect(head.GetByText("Tidak ada pengajuan yang menunggu persetujuan Anda.")).ToBeVisibleAsync();
        await BrowserFixture.OpenAsync(district, "/kabupaten/persetujuan");
        await Expect(district.GetByTestId("requests-empty")).ToBeVisibleAsync();
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga");
        // From here on nobody reloads a page: a full load would forget this mark.
        foreach (var page in new[] { head, district, operatorPage }) await page.EvaluateAsync("() => { window.__noReload = 1; }");

        // The operator edits the institution data: a request, not a write.
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = "Ubah Data Lembaga" }).ClickAsync();
        await operatorPage.GetByLabel("Nama Lembaga").FillAsync("MIN 1 Sleman Terpadu");
        await operatorPage.GetByLabel("Akreditasi").SelectOptionAsync("B");
        await operatorPage.GetByLabel("Telepon").FillAsync("0274-111222");
        await operatorPage.GetByLabel("Situs Web").FillAsync("https://min1sleman.sch.id");
        await operatorPage.GetByLabel("Catatan untuk Kepala Madrasah").FillAsync("Sesuai SK Kanwil terbaru.");
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-operator-form");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala");
        var timeline = operatorPage.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("Diajukan");

        // The head's open inbox shows it without reload, with the menu badge.
        var row = head.GetByTestId("head-inbox").GetByTestId("request-row");
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
        await Expect(head.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kabupaten/Kota");
        await Expect(head.GetByTestId("nav-badge")).ToHaveCountAsync(0);

        // The operator's open timeline follows, live.
        await Expect(timeline).ToContainTextAsync("Disetujui Kepala Madrasah: Nama Lembaga");
        await Expect(timeline).ToContainTextAsync("Ditolak Kepala Madrasah: Telepon");
        await Expect(timeline).ToContainTextAsync(LongReason);
        await Expect(timeline).ToContainTextAsync("Diteruskan ke Kabupaten/Kota");

        // The district's open inbox shows it live; the district approves while the head's request page stays open.
        var districtRow = district.GetByTestId("district-inbox").GetByTestId("request-row");
        await Expect(districtRow).ToHaveCountAsync(1);
        await Expect(districtRow).ToContainTextAsync("MIN 1 Sleman");
        await Expect(district.GetByTestId("nav-badge")).ToHaveTextAsync("1");
        await BrowserFixture.ScreenshotAsync(district, "approvals-district-inbox");
        await districtRow.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(district.GetByTestId("district-decision")).ToBeVisibleAsync();
        await district.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
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

        await BrowserFixture.OpenAsync(operatorPage, "/lembaga");
        await Expect(operatorPage.GetByTestId("institution-name")).ToHaveTextAsync("MIN 1 Sleman Terpadu");
        await Expect(operatorPage.GetByTestId("institution-accreditation")).ToHaveTextAsync("B");
        await Expect(operatorPage.GetByTestId("institution-phone")).ToHaveTextAsync("0274-880001");
        await Expect(operatorPage.GetByTestId("institution-website")).ToHaveTextAsync("https://min1sleman.sch.id");
        await Expect(operatorPage.GetByTestId("institution-website").GetByRole(AriaRole.Link))
            .ToHaveAttributeAsync("href", "https://min1sleman.sch.id");
    }

    [Fact]
    public async Task The_district_filters_its_inbox_and_cannot_approve_a_request_whose_data_changed()
    {
        await using var app = await TestApp.StartAsync();
        var utc = (int day, int hour, int minute) => new DateTime(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);
        var min1Late = await SeedForDistrictAsync(app, "MIN 1 Sleman", ChangeRequestStatus.WaitingForDistrict, utc(9, 17, 30)); // 10 March 00.30 WIB
        var min1Applied = await SeedForDistrictAsync(app, "MIN 1 Sleman", ChangeRequestStatus.Applied, utc(5, 3, 0));
        var mtsWaiting = await SeedForDistrictAsync(app, "MTs Negeri 3 Sleman", ChangeRequestStatus.WaitingForDistrict, utc(9, 10, 0));
        var mtsRejected = await SeedForDistrictAsync(app, "MTs Negeri 3 Sleman", ChangeRequestStatus.RejectedByDistrict, utc(12, 2, 0));
        var conflicted = await SeedForDistrictAsync(app, "MIN 1 Sleman", ChangeRequestStatus.WaitingForDistrict, utc(1, 2, 0), oldPhone: "0274-000000");
        var district = await SignInAsync(app, "admin@kemenagsleman.go.id");
        await BrowserFixture.OpenAsync(district, "/kabupaten/persetujuan");
        var rows = district.GetByTestId("district-inbox").GetByTestId("request-row");
        async Task ExpectRows(params int[] ids)
        {
            await Expect(rows).ToHaveCountAsync(ids.Length);
            for (var i = 0; i < ids.Length; i++) await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-request-id", ids[i].ToString());
        }

        await ExpectRows(min1Late, mtsWaiting, conflicted); // what waits for the district, newest first
        await Expect(rows.First).ToContainTextAsync("10 Mar 2026 00.30");
        await district.GetByLabel("Lembaga", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "MIN 1 Sleman" });
        await ExpectRows(min1Late, conflicted);
        await district.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Semua status" });
        await ExpectRows(min1Late, min1Applied, conflicted);
        await district.GetByLabel("Diajukan dari").FillAsync("2026-03-10"); // a WIB day: 17.30 UTC on the 9th is on it
        await ExpectRows(min1Late);
        await district.GetByLabel("Lembaga", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Semua lembaga" });
        await ExpectRows(mtsRejected, min1Late);
        await district.GetByLabel("Diajukan sampai").FillAsync("2026-03-10");
        await ExpectRows(min1Late);
        await BrowserFixture.ScreenshotAsync(district, "approvals-district-filtered");

        // "From" after "to" is said, with both fields named, instead of an empty list.
        await district.GetByLabel("Diajukan dari").FillAsync("2026-03-11");
        await Expect(district.GetByTestId("filter-error")).ToHaveTextAsync(
            "Tanggal \"Diajukan dari\" (11 Maret 2026) tidak boleh setelah tanggal \"Diajukan sampai\" (10 Maret 2026). Ubah salah satu tanggal.");
        await Expect(rows).ToHaveCountAsync(0);
        await Expect(district.GetByTestId("requests-empty")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(district, "approvals-district-reversed-dates");
        await district.GetByLabel("Diajukan sampai").FillAsync("2026-03-12");
        await ExpectRows(mtsRejected);
        await Expect(district.GetByTestId("filter-error")).ToHaveCountAsync(0);

        // A request whose old value no longer matches the institution's data cannot be approved; the reason is shown.
        await BrowserFixture.OpenAsync(district, $"/perubahan/{conflicted}");
        await Expect(district.GetByTestId("conflicts")).ToContainTextAsync("Telepon");
        await Expect(district.GetByRole(AriaRole.Button, new() { Name = "Setujui" })).ToBeDisabledAsync();
        await Expect(district.GetByTestId("approve-blocked")).ToContainTextAsync("Setujui tidak tersedia: data lembaga sudah berubah sejak pengajuan ini dibuat (Telepon)");
        await Expect(district.GetByRole(AriaRole.Button, new() { Name = "Tolak" })).ToBeEnabledAsync();
        await Expect(district.GetByLabel("Alasan penolakan")).ToHaveAttributeAsync("maxlength", "1000");
        await BrowserFixture.ScreenshotAsync(district, "approvals-district-conflict");
    }

    [Fact]
    public async Task Another_institutions_head_and_operator_get_not_found_for_a_request_id()
    {
        await using var app = await TestApp.StartAsync();
        await AddHeadAsync(app, "kepala@mtsn3sleman.sch.id", "MTs Negeri 3 Sleman");
        var operatorPage = await SignInAsync(app, "operator@min1sleman.sch.id");
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
            ("kepala@mtsn3sleman.sch.id", new[] { id, draftId }), ("operator@mtsn3sleman.sch.id", new[] { id, draftId }),
            ("admin@kemenagsleman.go.id", new[] { id, draftId }), ("kepala@min1sleman.sch.id", new[] { draftId }),
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
    public async Task The_form_checks_each_field_and_the_operator_closes_a_rejected_request()
    {
        await using var app = await TestApp.StartAsync();
        var operatorPage = await SignInAsync(app, "operator@min1sleman.sch.id");
        var head = await SignInAsync(app, "kepala@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga/ubah");
        var form = operatorPage.GetByTestId("change-form");
        await Expect(operatorPage.GetByLabel("NIK Kepala Madrasah")).ToHaveValueAsync("3404071211750001");
        // Nothing of the form sticks out past the card's border.
        Assert.True(await form.EvaluateAsync<bool>(
            "f => { const right = f.getBoundingClientRect().right; return [...f.querySelectorAll('*')].every(e => e.getBoundingClientRect().right <= right + 0.5); }"),
            "part of the form reaches past the card");

        // A wrong value is named as soon as it is left, and the request is not sent.
        await operatorPage.GetByLabel("Kode Pos").FillAsync("5558");
        await operatorPage.GetByLabel("NIK Kepala Madrasah").FillAsync("3404071211");
        await operatorPage.GetByLabel("Telepon").FillAsync("0274-777888");
        await Expect(form).ToContainTextAsync("Kode Pos harus 5 angka.");
        await Expect(form).ToContainTextAsync("NIK Kepala Madrasah harus terdiri atas 16 digit angka.");
        await operatorPage.GetByLabel("Jumlah Guru").FillAsync("dua puluh");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(form).ToContainTextAsync("Jumlah Guru harus berupa angka.");
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-form-errors");
        Assert.EndsWith("/lembaga/ubah", operatorPage.Url);
        await Expect(operatorPage.Locator(".is-invalid")).ToHaveCountAsync(3);

        await operatorPage.GetByLabel("Kode Pos").FillAsync("55582");
        await operatorPage.GetByLabel("NIK Kepala Madrasah").FillAsync("3404071211750001");
        await operatorPage.GetByLabel("Jumlah Guru").FillAsync("24");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala");
        await Expect(operatorPage.GetByTestId("change-fields")).ToContainTextAsync("Kode Pos");

        // The head rejects every field: it comes back to the operator, who closes it instead of revising it.
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
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Tutup Pengajuan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("action-message")).ToHaveTextAsync("Pengajuan telah ditutup.");
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Ditarik Kembali");
        await Expect(operatorPage.GetByTestId("timeline")).ToContainTextAsync("Ditutup oleh operator");
        await Expect(operatorPage.GetByTestId("nav-badge")).ToHaveCountAsync(0);
        await Expect(operatorPage.GetByRole(AriaRole.Link, new() { Name = "Perbaiki & Ajukan Ulang" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-operator-closed");
    }

    [Fact]
    public async Task The_heads_inbox_pages_through_many_waiting_requests()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await SeedWaitingRequestsAsync(app, 25);
        var head = await SignInAsync(app, "kepala@min1sleman.sch.id");
        await BrowserFixture.OpenAsync(head, "/persetujuan");
        var inbox = head.GetByTestId("head-inbox");
        var rows = inbox.GetByTestId("request-row");

        await Expect(rows).ToHaveCountAsync(20);
        await Expect(rows.First).ToHaveAttributeAsync("data-request-id", ids[^1].ToString());
        await Expect(inbox.GetByTestId("pager-page")).ToHaveTextAsync("Halaman 1");
        await Expect(inbox.GetByRole(AriaRole.Button, new() { Name = "Sebelumnya" })).ToBeDisabledAsync();
        await Expect(head.GetByTestId("nav-badge")).ToHaveTextAsync("25");
        await BrowserFixture.ScreenshotAsync(head, "approvals-head-inbox-paged");

        await inbox.GetByRole(AriaRole.Button, new() { Name = "Berikutnya" }).ClickAsync();
        await Expect(inbox.GetByTestId("pager-page")).ToHaveTextAsync("Halaman 2");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.Last).ToHaveAttributeAsync("data-request-id", ids[0].ToString());
        await Expect(inbox.GetByRole(AriaRole.Button, new() { Name = "Berikutnya" })).ToBeDisabledAsync();
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Sebelumnya" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(20);
    }

    /// <summary>Requests waiting for MIN 1 Sleman's head, written straight into the app's database (oldest first).</summary>
    private static async Task<List<int>> SeedWaitingRequestsAsync(TestApp app, int count)
    {
        await using var db = OpenDatabase(app);
        var institution = await db.Institutions.SingleAsync(i => i.Name == "MIN 1 Sleman");
        var op = await db.Users.SingleAsync(u => u.Email == "operator@min1sleman.sch.id");
        var start = DateTime.UtcNow.AddHours(-1);
        var requests = Enumerable.Range(1, count).Select(i => new ChangeRequest
        {
            InstitutionId = institution.Id, Status = ChangeRequestStatus.WaitingForHead, CreatedByUserId = op.Id, CreatedByName = op.FullName,
            CreatedUtc = start, SubmittedUtc = start.AddMinutes(i), UpdatedUtc = start.AddMinutes(i), Revision = 1,
            Fields = [new() { FieldKey = "Facilities", Label = "Sarana Prasarana", OldValue = institution.Facilities, NewValue = $"Sarana uji {i}" }],
        }).ToList();
        db.AddRange(requests);
        await db.SaveChangesAsync();
        return requests.Select(r => r.Id).ToList();
    }

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

    /// <summary>A head account for another institution, written straight into the app's database (the demo has none).</summary>
    private static async Task AddHeadAsync(TestApp app, string email, string institutionName)
    {
        await using var db = OpenDatabase(app);
        var template = await db.Users.SingleAsync(u => u.Email == "kepala@min1sleman.sch.id"); // same demo password
        var institution = await db.Institutions.SingleAsync(i => i.Name == institutionName);
        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, PasswordHash = template.PasswordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(), FullName = "Kepala MTs Uji", InstitutionId = institution.Id, CreatedUtc = DateTime.UtcNow,
        };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == Roles.KepalaMadrasah).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
    }
}
