using Bunit;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.UserAccounts;

/// <summary>"Tambah Pengguna": each field says what is wrong beside it, whether the form or the service found it.</summary>
public sealed class NewUserPageTests() : ComponentTestContext((services, configuration) =>
{
    services.AddPublicLinks(configuration);
    services.AddSingleton<EmailOutbox>();
    services.AddUserAccounts(configuration);
}), IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await DemoSeed.SeedAsync(Database);

    private async Task<(IRenderedComponent<NewUserPage> Page, IRenderedComponent<MudProvidersForTests> Providers)> OpenAsAsync(string email)
    {
        SignInAs(await DemoSeed.ScopeOfAsync(Database, email));
        var providers = RenderMudProviders();
        var page = Render<NewUserPage>();
        page.WaitForElement("[data-testid=new-user-form]");
        return (page, providers);
    }

    [Fact]
    public async Task An_empty_form_names_every_field_it_needs()
    {
        var (page, _) = await OpenAsAsync("admin@madrasah.demo.id");
        var accounts = await CountUsersAsync();

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Nama Lengkap wajib diisi.", page.MessageOf("new-user-full-name")));
        Assert.Equal("Email wajib diisi.", page.MessageOf("new-user-email"));
        Assert.Equal("Peran wajib dipilih.", page.MessageOf("new-user-role"));
        Assert.Equal("", page.MessageOf("new-user-nik")); // not required
        Assert.Equal(accounts, await CountUsersAsync());
    }

    [Fact]
    public async Task A_wrong_email_or_NIK_is_told_beside_its_field_when_it_is_left_and_forgotten_as_the_fix_is_typed()
    {
        var (page, _) = await OpenAsAsync("admin@madrasah.demo.id");

        page.Field("new-user-email").Input("rudi.hartono@");
        Assert.Equal("", page.MessageOf("new-user-email")); // not while the user is still typing
        page.Field("new-user-email").Blur();
        page.Field("new-user-nik").Type("12345");

        page.WaitForAssertion(() => Assert.Equal("Format Email tidak valid. Contoh: nama@contoh.sch.id", page.MessageOf("new-user-email")));
        Assert.Equal("NIK harus terdiri atas 16 digit angka.", page.MessageOf("new-user-nik"));
        page.Field("new-user-email").Input("rudi.hartono@mtsn3sleman.sch.id");
        page.WaitForAssertion(() => Assert.Equal("", page.MessageOf("new-user-email")));
    }

    [Fact]
    public async Task The_services_answers_stand_beside_their_fields_lembaga_missing_and_email_taken()
    {
        var (page, providers) = await OpenAsAsync("admin@madrasah.demo.id");
        page.Field("new-user-full-name").Type("Rudi Hartono");
        page.Field("new-user-email").Type("operator@min1sleman.sch.id"); // Siti Aminah's
        page.Choose(providers, "new-user-role", "Operator / Staf Lembaga");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Lembaga wajib dipilih untuk peran ini.", page.MessageOf("new-user-institution")));
        Assert.Equal("Email ini sudah dipakai akun lain.", page.MessageOf("new-user-email"));

        // Changing a field takes its message away; the other stays until the next "Simpan".
        page.Field("new-user-email").Type("rudi.hartono@mtsn3sleman.sch.id");
        page.WaitForAssertion(() => Assert.Equal("", page.MessageOf("new-user-email")));
        Assert.Equal("Lembaga wajib dipilih untuk peran ini.", page.MessageOf("new-user-institution"));
    }

    [Fact]
    public async Task A_new_operator_is_saved_with_the_chosen_institution_and_the_list_opens()
    {
        var (page, providers) = await OpenAsAsync("admin@madrasah.demo.id");
        page.Field("new-user-full-name").Type("Rudi Hartono");
        page.Field("new-user-email").Type("rudi.hartono@mtsn3sleman.sch.id");
        page.Choose(providers, "new-user-role", "Operator / Staf Lembaga");
        page.Suggest(providers, "new-user-institution", "mts", "MTs Negeri 3 Sleman");

        page.Find("form").Submit();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/admin/pengguna?dibuat=rudi.hartono%40mtsn3sleman.sch.id", navigation.Uri));
        await using var db = Database.CreateContext();
        var saved = db.Users.Single(u => u.Email == "rudi.hartono@mtsn3sleman.sch.id");
        Assert.Equal("MTs Negeri 3 Sleman", db.Institutions.Single(i => i.Id == saved.InstitutionId).Name);
    }

    [Fact]
    public async Task A_district_admin_account_asks_for_the_district_not_an_institution()
    {
        var (page, providers) = await OpenAsAsync("admin@madrasah.demo.id");
        page.Field("new-user-full-name").Type("Ratna Dewi");
        page.Field("new-user-email").Type("ratna@kemenagbantul.go.id");

        page.Choose(providers, "new-user-role", "Admin Kabupaten/Kota");

        page.WaitForElement("input[data-testid=new-user-district]");
        Assert.Empty(page.FindAll("input[data-testid=new-user-institution]"));
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Equal("Kabupaten/Kota wajib dipilih untuk Admin Kabupaten/Kota.", page.MessageOf("new-user-district")));
    }

    [Fact]
    public async Task A_district_admin_gives_only_operator_and_personnel_officer_accounts()
    {
        var (page, providers) = await OpenAsAsync("admin@kemenagsleman.go.id");

        page.Field("new-user-role").Closest(".mud-input-control")!.MouseDown();

        providers.WaitForAssertion(() => Assert.Equal(["Operator / Staf Lembaga", "Petugas Kepegawaian"],
            providers.FindAll("[role=option]").Select(o => o.TextContent.Trim())));
    }

    private async Task<int> CountUsersAsync()
    {
        await using var db = Database.CreateContext();
        return db.Users.Count();
    }
}
