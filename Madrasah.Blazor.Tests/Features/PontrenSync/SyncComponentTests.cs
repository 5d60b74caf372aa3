using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>The sync panel and the district status page alone: the button, queue position, progress, results, live updates.</summary>
public sealed class SyncComponentTests : ComponentTestContext
{
    private static readonly DateTime Thursday10 = SyncTestKit.Thursday10.UtcDateTime;

    public SyncComponentTests() : base((services, configuration) =>
    {
        services.AddMadrasahTime();
        services.AddEmail(configuration);
        services.AddPdf(configuration);
        services.AddPontrenSync(configuration);
    })
    {
        Pesantren = AddPesantrenAsync("Pondok Pesantren Al-Hikmah Sleman", "510034040123").GetAwaiter().GetResult();
        Operator = new UserScope("op-1", "operator@alhikmah.ponpes.id", "Ahmad Zaini", Roles.Operator, Pesantren.Id, Pesantren.DistrictId);
    }

    private Institution Pesantren { get; }
    private UserScope Operator { get; }

    private async Task<Institution> AddPesantrenAsync(string name, string statisticNumber)
    {
        var institution = await Database.AddInstitutionAsync(name, statisticNumber, InstitutionType.PondokPesantren);
        await using var db = Database.CreateContext();
        await db.Institutions.Where(i => i.Id == institution.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Village, "Sariharjo").SetProperty(i => i.Subdistrict, "Ngaglik"));
        db.Add(SyncTestKit.Santri(institution.Id, institution.Id));
        db.Add(new PontrenFacility { InstitutionId = institution.Id, Kind = "Ruang kelas", GoodCount = 4 });
        await db.SaveChangesAsync();
        return institution;
    }

    private async Task<PontrenSyncRun> AddRunAsync(int institutionId, SyncStatus status, Action<PontrenSyncRun>? set = null)
    {
        await using var db = Database.CreateContext();
        var run = new PontrenSyncRun { InstitutionId = institutionId, Status = status, RequestedUtc = Thursday10, RequestedByUserId = "op-1", RequestedByName = "Ahmad Zaini" };
        set?.Invoke(run);
        db.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private void Publish(params string[] topics) => Services.GetRequiredService<LiveNotifier>().Publish(topics);

    [Fact]
    public async Task With_a_blocking_problem_the_button_is_disabled_and_the_check_is_linked_with_the_count()
    {
        await using (var db = Database.CreateContext())
            await db.Set<PontrenSantri>().ExecuteUpdateAsync(s => s.SetProperty(x => x.Nik, "123").SetProperty(x => x.BirthPlace, ""));
        SignInAs(Operator);

        var panel = Render<SyncPanel>();

        panel.WaitForAssertion(() => Assert.Contains("2 masalah", panel.Find("[data-testid=sync-blocked]").TextContent));
        Assert.Equal("/pontren/data", panel.Find("[data-testid=sync-check-link]").GetAttribute("href"));
        Assert.Contains("Verifikasi data lembaga", panel.Find("[data-testid=sync-check-link]").TextContent);
        Assert.True(panel.Find("[data-testid=sync-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Pressing_Sinkronisasi_queues_the_run_and_shows_its_queue_position()
    {
        var earlier = await AddPesantrenAsync("Pondok Pesantren Al-Falah", "510034040001");
        await AddRunAsync(earlier.Id, SyncStatus.Antre);
        SignInAs(Operator);
        var panel = Render<SyncPanel>();
        panel.WaitForAssertion(() => Assert.False(panel.Find("[data-testid=sync-button]").HasAttribute("disabled")));
        Assert.Contains("belum pernah", panel.Find("[data-testid=sync-never]").TextContent);

        panel.Find("[data-testid=sync-button]").Click();

        panel.WaitForAssertion(() => Assert.Equal("Antrean ke-2", panel.Find("[data-testid=sync-queue-position]").TextContent));
        Assert.Equal("Antre", panel.Find("[data-testid=sync-status]").TextContent);
        Assert.True(panel.Find("[data-testid=sync-button]").HasAttribute("disabled"));

        // The run ahead finishes: the position moves up without a reload.
        using (var db = Database.CreateContext())
            db.Set<PontrenSyncRun>().Where(r => r.InstitutionId == earlier.Id).ExecuteUpdate(s => s.SetProperty(r => r.Status, SyncStatus.Sukses));
        Publish(SyncTopics.Queue);
        panel.WaitForAssertion(() => Assert.Equal("Antrean ke-1", panel.Find("[data-testid=sync-queue-position]").TextContent));
    }

    [Fact]
    public async Task A_running_sync_shows_its_progress_live_and_then_Sukses_with_the_WIB_time()
    {
        var run = await AddRunAsync(Pesantren.Id, SyncStatus.Berjalan, r => r.Total = 10_000);
        SignInAs(Operator);
        var progress = Services.GetRequiredService<SyncProgressRegistry>();
        progress.Report(run.Id, 1_250, 10_000);

        var panel = Render<SyncPanel>();

        panel.WaitForAssertion(() => Assert.Equal("1.250 dari 10.000 data (12%)", panel.Find("[data-testid=sync-progress]").TextContent));
        progress.Report(run.Id, 5_000, 10_000);
        Publish(SyncTopics.Institution(Pesantren.Id));
        panel.WaitForAssertion(() => Assert.Equal("5.000 dari 10.000 data (50%)", panel.Find("[data-testid=sync-progress]").TextContent));

        await using (var db = Database.CreateContext())
            await db.Set<PontrenSyncRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SyncStatus.Sukses)
                .SetProperty(r => r.FinishedUtc, Thursday10.AddMinutes(2)).SetProperty(r => r.SantriAdded, 10_000).SetProperty(r => r.ReceiptNumber, "TTS-2026-000001"));
        Publish(SyncTopics.Institution(Pesantren.Id));

        panel.WaitForAssertion(() => Assert.Equal("Sukses", panel.Find("[data-testid=sync-status]").TextContent));
        // The bar's last state stays beside the result (a small sync would only flash it).
        Assert.Equal("10.000 dari 10.000 data (100%)", panel.Find("[data-testid=sync-progress]").TextContent);
        Assert.Contains("3 Desember 2026 10.02 WIB", panel.Find("[data-testid=sync-finished]").TextContent);
        Assert.StartsWith("10.000 ditambahkan", panel.Find("[data-testid=sync-counts-santri]").TextContent);
        Assert.Equal("TTS-2026-000001", panel.Find("[data-testid=sync-receipt-number]").TextContent);
        Assert.Equal("/bukti/TTS-2026-000001.pdf", panel.Find("[data-testid=pdf-preview] iframe").GetAttribute("src"));
    }

    [Fact]
    public async Task A_failed_sync_shows_Gagal_with_its_reasons()
    {
        await AddRunAsync(Pesantren.Id, SyncStatus.Gagal, r =>
        {
            r.FinishedUtc = Thursday10;
            r.FailureReasons = SyncJob.InterruptedReason;
        });
        SignInAs(Operator);

        var panel = Render<SyncPanel>();

        panel.WaitForAssertion(() => Assert.Equal("Gagal", panel.Find("[data-testid=sync-status]").TextContent));
        Assert.Contains("Data pusat tidak berubah", panel.Find("[data-testid=sync-finished]").TextContent);
        Assert.Equal(SyncJob.InterruptedReason, panel.Find("[data-testid=sync-reasons]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=sync-progress]")); // nothing of it was applied: no "done" bar
        Assert.False(panel.Find("[data-testid=sync-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_district_table_follows_the_runs_of_its_pesantren_live()
    {
        var admin = SignInAs(new UserScope("admin-1", "admin@kemenagsleman.go.id", "Hendra Kurniawan", Roles.AdminKabKota, null, Pesantren.DistrictId));
        var page = Render<SyncStatusPage>();
        page.WaitForAssertion(() => Assert.Contains("Pondok Pesantren Al-Hikmah Sleman", page.Find("[data-testid=district-sync-row]").TextContent));
        Assert.Contains("Belum pernah", page.Find("[data-testid=district-sync-row]").TextContent);

        var run = await AddRunAsync(Pesantren.Id, SyncStatus.Antre);
        Publish(SyncTopics.District(admin.DistrictId!.Value));
        page.WaitForAssertion(() => Assert.Equal("Antrean ke-1", page.Find("[data-testid=district-sync-open]").TextContent.Trim()));

        await using (var db = Database.CreateContext())
            await db.Set<PontrenSyncRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SyncStatus.Gagal)
                .SetProperty(r => r.FinishedUtc, Thursday10).SetProperty(r => r.FailureReasons, "Data lembaga belum lolos pemeriksaan"));
        Publish(SyncTopics.District(admin.DistrictId.Value));
        page.WaitForAssertion(() => Assert.Equal("Gagal", page.Find("[data-testid=district-sync-result]").TextContent));
        Assert.Contains("3 Desember 2026 10.00 WIB", page.Find("[data-testid=district-sync-row]").TextContent);
    }
}
