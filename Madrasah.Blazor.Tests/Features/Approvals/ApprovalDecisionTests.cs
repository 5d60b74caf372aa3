using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>The decision forms on a request's page (head and district) and the page's reaction to a live notification.</summary>
public sealed class ApprovalDecisionTests : ApprovalComponentTestContext
{
    private IRenderedComponent<Infrastructure.MudProvidersForTests>? _providers;

    /// <summary>The request's page as the signed-in user (see <see cref="ComponentTestContext.SignInAs"/>, called first) sees it.</summary>
    private IRenderedComponent<ChangeRequestPage> RenderRequest(int id)
    {
        _providers = RenderMudProviders();
        var page = Render<ChangeRequestPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=request-status]");
        return page;
    }

    private static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> page, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == name);

    private static AngleSharp.Dom.IElement Field<T>(IRenderedComponent<T> page, string key) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"[data-testid=field-{key}]");

    private static void Choose<T>(IRenderedComponent<T> page, string key, string choice) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"[data-testid=field-{key}]").QuerySelectorAll("label.mud-radio").Single(l => l.TextContent.Trim() == choice)
            .QuerySelector("input")!.Click();

    /// <summary>The outcome the snackbar shows (the page stays where it is).</summary>
    private string ActionMessage() => _providers!.WaitForElement("[data-testid=action-message]").TextContent;

    [Fact]
    public async Task Simpan_Keputusan_waits_for_a_decision_on_every_field_and_a_reason_for_every_rejection()
    {
        SignInAs(Head);
        var request = await SubmitAsync(("Phone", "0274-555666"), ("Website", "https://min1sleman.sch.id"));
        var page = RenderRequest(request.Id);
        var save = () => Button(page, "Simpan Keputusan");
        var hint = () => page.Find("[data-testid=decision-hint]").TextContent;

        Assert.True(save().HasAttribute("disabled"));
        Assert.Equal("Pilih Setujui atau Tolak untuk setiap isian.", hint());

        Choose(page, "Website", "Setujui");
        Assert.True(save().HasAttribute("disabled"));
        Choose(page, "Phone", "Tolak");
        var reason = Field(page, "Phone").QuerySelector("textarea")!;
        Assert.Equal("Alasan penolakan", page.Find($"label[for={reason.Id}]").TextContent);
        Assert.Equal(ChangeRequest.ReasonMaxLength.ToString(), reason.GetAttribute("maxlength"));
        Assert.True(save().HasAttribute("disabled"));
        Assert.Equal("Isi alasan penolakan untuk setiap isian yang ditolak.", hint());

        reason.Blur(); // left empty: said beside the box
        page.WaitForAssertion(() => Assert.Contains("Alasan penolakan untuk Telepon wajib diisi.", Field(page, "Phone").TextContent));
        Field(page, "Phone").QuerySelector("textarea")!.Input("Nomor belum terdaftar di Telkom.");
        page.WaitForAssertion(() => Assert.False(save().HasAttribute("disabled")));
        Assert.DoesNotContain("wajib diisi", Field(page, "Phone").TextContent);
        Assert.Empty(page.FindAll("[data-testid=decision-hint]"));

        save().Click();
        page.WaitForAssertion(() => Assert.Equal("Menunggu Persetujuan Kabupaten/Kota", page.Find("[data-testid=request-status]").TextContent));
        Assert.Equal("Keputusan Anda telah disimpan.", ActionMessage());
        Assert.Empty(page.FindAll("[data-testid=head-decision]"));
        var decided = (await Approvals.GetAsync(Head, request.Id))!;
        Assert.Equal([(FieldDecision.Rejected, "Nomor belum terdaftar di Telkom."), (FieldDecision.Approved, null)],
            decided.Fields.Select(f => (f.HeadDecision, f.HeadReason)));
    }

    [Fact]
    public async Task Setujui_Semua_approves_every_field_and_a_later_rejection_asks_for_its_reason_again()
    {
        SignInAs(Head);
        var request = await SubmitAsync(("Phone", "0274-555666"), ("Website", "https://min1sleman.sch.id"));
        var page = RenderRequest(request.Id);

        Button(page, "Setujui Semua").Click();
        page.WaitForAssertion(() => Assert.False(Button(page, "Simpan Keputusan").HasAttribute("disabled")));
        Choose(page, "Website", "Tolak");
        page.WaitForAssertion(() => Assert.True(Button(page, "Simpan Keputusan").HasAttribute("disabled")));
    }

    [Fact]
    public async Task The_district_must_give_a_reason_to_reject_and_cannot_approve_data_that_changed_meanwhile()
    {
        SignInAs(DistrictAdmin);
        var conflicted = await SeedRequestAsync("MIN 1 Sleman", ChangeRequestStatus.WaitingForDistrict, DateTime.UtcNow.AddHours(-2), oldPhone: "0274-000000");
        var page = RenderRequest(conflicted);

        Assert.Contains("Telepon", page.Find("[data-testid=conflicts]").TextContent);
        Assert.True(Button(page, "Setujui").HasAttribute("disabled"));
        Assert.Contains("Setujui tidak tersedia: data lembaga sudah berubah sejak pengajuan ini dibuat (Telepon)", page.Find("[data-testid=approve-blocked]").TextContent);
        var reason = page.Find("#district-reason");
        Assert.Equal(ChangeRequest.ReasonMaxLength.ToString(), reason.GetAttribute("maxlength"));

        Button(page, "Tolak").Click(); // no reason yet: nothing is sent
        page.WaitForAssertion(() => Assert.Contains("Alasan penolakan wajib diisi bila menolak.", page.Find("[data-testid=district-decision]").TextContent));
        Assert.Equal(ChangeRequestStatus.WaitingForDistrict, (await Approvals.GetAsync(DistrictAdmin, conflicted))!.Status);

        page.Find("#district-reason").Input("Nomor lama tidak cocok; ajukan ulang dari data terbaru.");
        Button(page, "Tolak").Click();
        page.WaitForAssertion(() => Assert.Equal("Ditolak Kabupaten/Kota", page.Find("[data-testid=request-status]").TextContent));
        Assert.Equal("Pengajuan telah ditolak.", ActionMessage());
        Assert.Empty(page.FindAll("[data-testid=district-decision]"));
    }

    [Fact]
    public async Task An_open_request_page_follows_a_change_published_on_the_live_notifier()
    {
        SignInAs(Operator);
        var request = await SubmitAsync(("Phone", "0274-555666"));
        var page = RenderRequest(request.Id);
        Assert.Equal("Menunggu Persetujuan Kepala", page.Find("[data-testid=request-status]").TextContent);

        await using (var db = Database.CreateContext()) // changed elsewhere (another server, a script): then announced
            await db.Set<ChangeRequest>().Where(r => r.Id == request.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ChangeRequestStatus.Withdrawn));
        Services.GetRequiredService<LiveNotifier>().Publish(ApprovalTopics.Request(request.Id));

        page.WaitForAssertion(() => Assert.Equal("Ditarik Kembali", page.Find("[data-testid=request-status]").TextContent));
        Assert.Contains("status-neutral", page.Find("[data-testid=request-status]").ClassName);
    }
}
