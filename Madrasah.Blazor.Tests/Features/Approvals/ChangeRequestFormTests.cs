using MudBlazor.Extensions;
using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>The operator's change request form: each field's rule, said in Indonesian beside the field, and what a submit does.</summary>
public sealed class ChangeRequestFormTests : ApprovalComponentTestContext
{
    private IRenderedComponent<ChangeRequestFormPage> RenderForm()
    {
        SignInAs(Operator);
        RenderMudProviders();
        var form = Render<ChangeRequestFormPage>();
        form.WaitForElement("[data-testid=change-form]");
        return form;
    }

    /// <summary>The message MudBlazor shows under the field with the given input id, or null.</summary>
    private static string? MessageOf(IRenderedComponent<ChangeRequestFormPage> form, string key) =>
        form.Find($"#input-{key}").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error .me-auto")?.TextContent.Trim();

    [Theory]
    [InlineData(nameof(Institution.Name), "   ", "Nama Lembaga wajib diisi.")]
    [InlineData(nameof(Institution.PostalCode), "5558", "Kode Pos harus 5 angka.")]
    [InlineData(nameof(Institution.Phone), "telp. 0274", "Telepon hanya boleh berisi angka, spasi, tanda hubung dan awalan +.")]
    [InlineData(nameof(Institution.Email), "tu.min1sleman", "Email tidak valid, mis. tu@min1sleman.sch.id.")]
    [InlineData(nameof(Institution.Website), "min1sleman.sch.id", "Situs Web harus berupa alamat lengkap, mis. https://min1sleman.sch.id.")]
    [InlineData(nameof(Institution.HeadNik), "3404071211", "NIK Kepala Madrasah harus terdiri atas 16 digit angka.")]
    [InlineData(nameof(Institution.StudentCount), "empat ratus", "Jumlah Siswa/Santri harus berupa angka.")]
    [InlineData(nameof(Institution.TeacherCount), "10001", "Jumlah Guru harus antara 0 dan 10.000.")]
    public void A_field_names_its_broken_rule_when_it_is_left_and_forgets_it_as_the_fix_is_typed(string key, string wrong, string message)
    {
        var form = RenderForm();
        Assert.Null(MessageOf(form, key));

        var input = form.Find($"#input-{key}");
        input.Input(wrong);
        Assert.Null(MessageOf(form, key)); // not while the user is still typing
        form.Find($"#input-{key}").Blur();
        form.WaitForAssertion(() => Assert.Equal(message, MessageOf(form, key)));
        Assert.Contains("mud-input-error", form.Find($"#input-{key}").Closest(".mud-input-control")!.ClassName);

        // Gone as soon as the fix is typed, before the field is left (leaving it is the press on "Kirim", and a message
        // going away then would move the button from under the pointer).
        form.Find($"#input-{key}").Input(InstitutionFields.Find(key)!.Read(Min1));
        form.WaitForAssertion(() => Assert.Null(MessageOf(form, key)));
    }

    [Fact]
    public void The_note_counts_its_characters_and_stops_at_its_length()
    {
        var form = RenderForm();
        var note = form.Find("#input-Note");
        Assert.Equal("textarea", note.TagName, ignoreCase: true);
        Assert.Equal(ChangeRequest.ReasonMaxLength.ToString(), note.GetAttribute("maxlength"));
        Assert.Contains($"0 / {ChangeRequest.ReasonMaxLength}", form.Markup);
    }

    [Fact]
    public void Accreditation_offers_the_grades_and_keeps_a_value_from_before_the_choice_existed()
    {
        var form = RenderForm();
        var select = form.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Akreditasi");
        var items = select.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value!).ToList();
        Assert.Equal(InstitutionFields.AccreditationGrades, items);
        Assert.Equal(Min1.Accreditation, select.Instance.GetState(x => x.Value));
    }

    [Fact]
    public async Task A_submit_with_broken_rules_names_every_field_and_sends_nothing()
    {
        var form = RenderForm();
        form.Find("#input-PostalCode").Input("5558");
        form.Find("#input-TeacherCount").Input("dua puluh");
        form.Find("#input-Phone").Input("0274-777888");

        form.FindAll("button").Single(b => b.TextContent.Contains("Ajukan Perubahan")).Click(); // a submit button: submits the form

        form.WaitForAssertion(() =>
        {
            Assert.Equal("Kode Pos harus 5 angka.", MessageOf(form, "PostalCode"));
            Assert.Equal("Jumlah Guru harus berupa angka.", MessageOf(form, "TeacherCount"));
            Assert.Null(MessageOf(form, "Phone"));
        });
        await using var db = Database.CreateContext();
        Assert.Empty(await db.Set<ChangeRequest>().ToListAsync());
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_valid_change_is_submitted_with_only_the_changed_fields_and_opens_the_request()
    {
        var form = RenderForm();
        form.Find("#input-Phone").Input("0274-777888");
        form.Find("#input-Note").Input("Nomor baru sejak Januari.");

        form.FindAll("button").Single(b => b.TextContent.Contains("Ajukan Perubahan")).Click(); // a submit button: submits the form

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => Assert.Matches(@"/perubahan/\d+$", navigation.Uri));
        await using var db = Database.CreateContext();
        var request = await db.Set<ChangeRequest>().Include(r => r.Fields).SingleAsync();
        Assert.Equal(ChangeRequestStatus.WaitingForHead, request.Status);
        Assert.Equal(("Phone", "0274-777888"), (Assert.Single(request.Fields).FieldKey, request.Fields[0].NewValue));
        Assert.Equal("Nomor baru sejak Januari.", request.OperatorNote);
        Assert.EndsWith($"/perubahan/{request.Id}", navigation.Uri);
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Perubahan telah diajukan ke Kepala Madrasah.");
    }

    [Fact]
    public async Task Simpan_Draf_keeps_the_change_as_a_draft()
    {
        var form = RenderForm();
        form.Find("#input-Facilities").Input("20 ruang kelas");

        form.FindAll("button").Single(b => b.TextContent.Contains("Simpan Draf")).Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => Assert.Matches(@"/perubahan/\d+$", navigation.Uri));
        await using var db = Database.CreateContext();
        Assert.Equal(ChangeRequestStatus.Draft, (await db.Set<ChangeRequest>().SingleAsync()).Status);
    }
}
