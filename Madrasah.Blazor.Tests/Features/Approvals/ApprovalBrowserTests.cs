using System.Text.RegularExpressions;
using Madrasah.Blazor.Data;
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

        // The operator edits the institution data: a request, not a write.
        await BrowserFixture.OpenAsync(operatorPage, "/lembaga");
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = "Ubah Data Lembaga" }).ClickAsync();
        await operatorPage.GetByLabel("Nama Lembaga").FillAsync("MIN 1 Sleman Terpadu");
        await operatorPage.GetByLabel("Telepon").FillAsync("0274-111222");
        await operatorPage.GetByLabel("Catatan untuk Kepala Madrasah").FillAsync("Sesuai SK Kanwil terbaru.");
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-operator-form");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan Perubahan" }).ClickAsync();
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kepala");
        var timeline = operatorPage.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("Diajukan");

        // The head's open inbox shows it without reload, with the menu badge.
        var row = head.GetByTestId("head-inbox").GetByTestId("request-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Nama Lembaga, Telepon");
        await Expect(head.GetByTestId("nav-badge")).ToHaveTextAsync("1");
        await BrowserFixture.ScreenshotAsync(head, "approvals-head-inbox");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        var nameRow = head.GetByTestId("field-Name");
        await Expect(nameRow).ToContainTextAsync("MIN 1 Sleman");
        await Expect(nameRow).ToContainTextAsync("MIN 1 Sleman Terpadu");
        await nameRow.GetByLabel("Setujui").CheckAsync();
        var phoneRow = head.GetByTestId("field-Phone");
        await Expect(phoneRow).ToContainTextAsync("0274-880001");
        await phoneRow.GetByLabel("Tolak").CheckAsync();
        await phoneRow.GetByLabel("Alasan penolakan").FillAsync("Nomor belum terdaftar di Telkom.");
        await BrowserFixture.ScreenshotAsync(head, "approvals-head-decision");
        await head.GetByRole(AriaRole.Button, new() { Name = "Simpan Keputusan" }).ClickAsync();
        await Expect(head.GetByTestId("request-status")).ToHaveTextAsync("Menunggu Persetujuan Kabupaten/Kota");
        await Expect(head.GetByTestId("nav-badge")).ToHaveCountAsync(0);

        // The operator's open timeline follows, live.
        await Expect(timeline).ToContainTextAsync("Disetujui Kepala Madrasah: Nama Lembaga");
        await Expect(timeline).ToContainTextAsync("Ditolak Kepala Madrasah: Telepon");
        await Expect(timeline).ToContainTextAsync("Nomor belum terdaftar di Telkom.");
        await Expect(timeline).ToContainTextAsync("Diteruskan ke Kabupaten/Kota");

        // The district's open inbox shows it live; the district approves.
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

        await Expect(timeline).ToContainTextAsync("Disetujui Kabupaten/Kota");
        await Expect(timeline).ToContainTextAsync("Diterapkan ke data lembaga");
        await Expect(operatorPage.GetByTestId("request-status")).ToHaveTextAsync("Diterapkan");
        await Expect(timeline.GetByTestId("timeline-entry")).ToHaveCountAsync(7);
        await Expect(timeline).ToContainTextAsync("WIB");
        await BrowserFixture.ScreenshotAsync(operatorPage, "approvals-operator-timeline");

        await BrowserFixture.OpenAsync(operatorPage, "/lembaga");
        await Expect(operatorPage.GetByTestId("institution-name")).ToHaveTextAsync("MIN 1 Sleman Terpadu");
        await Expect(operatorPage.GetByTestId("institution-phone")).ToHaveTextAsync("0274-880001");
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
        var url = operatorPage.Url;
        var id = Regex.Match(url, @"/perubahan/(\d+)").Groups[1].Value;

        foreach (var outsider in new[] { "kepala@mtsn3sleman.sch.id", "operator@mtsn3sleman.sch.id" })
        {
            var page = await SignInAsync(app, outsider);
            foreach (var path in new[] { $"/perubahan/{id}", $"/perubahan/{id}/ubah" })
            {
                await BrowserFixture.OpenAsync(page, path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Halaman tidak ditemukan" })).ToBeVisibleAsync();
                await Expect(page.GetByText("Laboratorium rahasia")).ToHaveCountAsync(0);
            }
            await BrowserFixture.ScreenshotAsync(page, "approvals-not-found");
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignInAsync(TestApp app, string email)
    {
        var page = await fixture.NewPageAsync(app);
        await BrowserFixture.SignInOnPageAsync(page, email);
        return page;
    }

    /// <summary>A head account for another institution, written straight into the app's database (the demo has none).</summary>
    private static async Task AddHeadAsync(TestApp app, string email, string institutionName)
    {
        var options = new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite($"Data Source={app.DatabasePath};Default Timeout=30").Options;
        await using var db = new MadrasahDbContext(options);
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
