using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Institutions;

/// <summary>"Tambah Lembaga": each field says what is wrong beside it, whether the form or the service found it.</summary>
public sealed class NewInstitutionPageTests() : ComponentTestContext((services, _) => services.AddInstitutions()), IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public async ValueTask InitializeAsync() => await DemoSeed.SeedAsync(Database);

    private async Task<(IRenderedComponent<NewInstitutionPage> Page, IRenderedComponent<MudProvidersForTests> Providers)> OpenAsAsync(string email)
    {
        SignInAs(await DemoSeed.ScopeOfAsync(Database, email));
        var providers = RenderMudProviders();
        var page = Render<NewInstitutionPage>();
        page.WaitForElement("[data-testid=new-institution-form]", Wait);
        return (page, providers);
    }

    [Fact]
    public async Task An_empty_form_names_every_field_it_needs()
    {
        var (page, _) = await OpenAsAsync("admin@kemenagsleman.go.id");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Jenjang / Jenis wajib dipilih.", page.MessageOf("institution-type")), Wait);
        Assert.Equal("Nama Lembaga wajib diisi.", page.Labelled("Nama Lembaga").Message());
        Assert.Equal("NSM wajib diisi.", page.Labelled("NSM").Message());
        Assert.Equal("Alamat wajib diisi.", page.Labelled("Alamat").Message());
        Assert.Equal("", page.Labelled("NPSN (tidak wajib)").Message());
        Assert.Equal("", page.MessageOf("institution-district")); // the district admin's own, chosen already
        Assert.Equal("Kabupaten Sleman (Daerah Istimewa Yogyakarta)", page.Field("institution-district").Shown());
    }

    [Fact]
    public async Task Numbers_are_checked_when_their_field_is_left_forgotten_as_the_fix_is_typed_and_the_statistic_number_follows_the_type()
    {
        var (page, providers) = await OpenAsAsync("admin@kemenagsleman.go.id");

        page.Labelled("NSM").Type("13113401");
        page.Labelled("NPSN (tidak wajib)").Type("123");
        page.Labelled("Kode Pos").Type("5551");
        page.Labelled("NIK Kepala Madrasah").Type("3404");

        page.WaitForAssertion(() => Assert.Equal("NSM harus terdiri atas 12 digit angka.", page.Labelled("NSM").Message()), Wait);
        Assert.Equal("NPSN harus terdiri atas 8 digit angka.", page.Labelled("NPSN (tidak wajib)").Message());
        Assert.Equal("Kode Pos harus terdiri atas 5 digit angka.", page.Labelled("Kode Pos").Message());
        Assert.Equal("NIK Kepala Madrasah harus terdiri atas 16 digit angka.", page.Labelled("NIK Kepala Madrasah").Message());

        // A pesantren, MDT or LPQ has an NSPP: the field and its message say so at once.
        page.Choose(providers, "institution-type", "LPQ (Lembaga Pendidikan Al-Qur'an)");
        page.WaitForAssertion(() => Assert.Equal("NSPP harus terdiri atas 12 digit angka.", page.Labelled("NSPP").Message()), Wait);
        page.Labelled("NSPP").Input("411234040021");
        page.WaitForAssertion(() => Assert.Equal("", page.Labelled("NSPP").Message()), Wait);
    }

    [Fact]
    public async Task Invisible_names_direction_overrides_other_digits_and_overlong_texts_are_told_beside_their_fields()
    {
        var (page, _) = await OpenAsAsync("admin@kemenagsleman.go.id");

        page.Labelled("Nama Lembaga").Type("\u200B\u200B\u200B");
        page.Labelled("Alamat").Type("Jl. Magelang\u202E Km 10");
        page.Labelled("Kode Pos").Type("\u0665\u0665\u0665\u0666\u0664"); // Arabic-Indic digits
        page.Labelled("Nama Kepala Lembaga").Type("\u3164");
        page.Labelled("Kecamatan").Type(new string('a', 121));

        page.WaitForAssertion(() => Assert.Equal(
            "Nama Lembaga harus memuat huruf atau angka yang terlihat, bukan hanya spasi atau karakter yang tidak terlihat.", page.Labelled("Nama Lembaga").Message()), Wait);
        Assert.Equal("Alamat tidak boleh memuat karakter pengatur arah teks yang tidak terlihat (mis. U+202E).", page.Labelled("Alamat").Message());
        Assert.Equal("Kode Pos harus terdiri atas 5 digit angka.", page.Labelled("Kode Pos").Message());
        Assert.StartsWith("Nama Kepala Lembaga harus memuat huruf atau angka", page.Labelled("Nama Kepala Lembaga").Message());
        Assert.Equal("Kecamatan paling banyak 120 karakter.", page.Labelled("Kecamatan").Message());
        Assert.Equal("Jl. Magelang\u202E Km 10", page.Labelled("Alamat").GetAttribute("value")); // what was typed stays
        Assert.Equal("200", page.Labelled("Nama Lembaga").GetAttribute("maxlength"));
    }

    [Fact]
    public async Task A_number_another_institution_has_is_told_beside_its_field_by_the_service()
    {
        var (page, providers) = await OpenAsAsync("admin@kemenagsleman.go.id");
        page.Choose(providers, "institution-type", "MI (Madrasah Ibtidaiyah)");
        page.Labelled("Nama Lembaga").Type("MIN 2 Sleman");
        page.Labelled("NSM").Type("111134040001"); // MIN 1 Sleman's
        page.Labelled("Alamat").Type("Jl. Magelang Km 10");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("NSM 111134040001 sudah dipakai MIN 1 Sleman.", page.Labelled("NSM").Message()), Wait);
        page.Labelled("NSM").Type("111134040002");
        page.WaitForAssertion(() => Assert.Equal("", page.Labelled("NSM").Message()), Wait);
    }

    [Fact]
    public async Task A_complete_form_saves_the_institution_and_opens_the_district_list()
    {
        var (page, providers) = await OpenAsAsync("admin@kemenagsleman.go.id");
        page.Choose(providers, "institution-type", "MA (Madrasah Aliyah)");
        page.Labelled("Nama Lembaga").Type("MAN 4 Sleman");
        page.Labelled("NSM").Type("131134040004");
        page.Labelled("Alamat").Type("Jl. Magelang Km 10");

        page.Find("form").Submit();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/kabupaten/lembaga?dibuat=MAN%204%20Sleman", navigation.Uri), Wait);
        await using var db = Database.CreateContext();
        Assert.Equal(InstitutionType.MA, db.Institutions.Single(i => i.StatisticNumber == "131134040004").Type);
    }
}
