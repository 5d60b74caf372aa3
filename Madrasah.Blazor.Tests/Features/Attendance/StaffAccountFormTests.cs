using Bunit;
using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>The officer's "Buat Akun" form: who it is for, the email (pre-filled, checked, refusals beside the field), no password field.</summary>
public sealed class StaffAccountFormTests() : ComponentTestContext((services, configuration) =>
{
    services.AddEmail(configuration);
    services.AddPublicLinks(configuration);
    services.AddUserAccounts(configuration);
    services.AddAttendance();
}), IAsyncLifetime
{
    private UserScope _officer = UserScope.Anonymous;
    private StaffAccountRow _row = null!;

    public async ValueTask InitializeAsync()
    {
        await DemoSeed.CopyIntoAsync(Database);
        _officer = SignInAs(await DemoSeed.ScopeOfAsync(Database, "kepegawaian@min1sleman.sch.id"));
        var rows = (await Services.GetRequiredService<StaffAccountService>().ListAsync(_officer, null, pageSize: 100)).Rows;
        _row = rows.First(r => r.State == StaffAccountState.None && r.Nip is not null);
    }

    private IRenderedComponent<StaffAccountForm> RenderForm(StaffAccountRow row, Action<string>? created = null)
    {
        RenderMudProviders();
        return Render<StaffAccountForm>(p => p.Add(f => f.Row, row).Add(f => f.OnCreated, email => created?.Invoke(email)));
    }

    [Fact]
    public void It_names_the_person_by_NIP_and_has_no_password_field()
    {
        var form = RenderForm(_row with { Email = "guru.baru@gmail.com" });
        Assert.Equal(_row.FullName, form.Find("[data-testid=staff-account-name]").TextContent);
        Assert.Equal(_row.Nip, form.Find("[data-testid=staff-account-id]").TextContent);
        Assert.Equal("guru.baru@gmail.com", form.Labelled("Email").Shown());
        Assert.Empty(form.FindAll("input[type=password]"));
        Assert.False(form.Find("[data-testid=staff-account-create]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_wrong_or_taken_email_is_refused_beside_the_field_and_kept()
    {
        var form = RenderForm(_row with { Email = null });
        form.Labelled("Email").Type("guru.baru");
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Equal("Email tidak valid. Contoh: nama@gmail.com.", form.Labelled("Email").Message()));

        form.Labelled("Email").Type("nur.hidayah@guru.demo.id");
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Equal("Email ini sudah dipakai akun lain. Isi email pribadi pegawai ini.", form.Labelled("Email").Message()));
        Assert.Equal("nur.hidayah@guru.demo.id", form.Labelled("Email").Shown());
    }

    [Fact]
    public async Task Creating_tells_the_page_and_queues_the_link()
    {
        string? told = null;
        var form = RenderForm(_row with { Email = null }, email => told = email);
        form.Labelled("Email").Type("guru.baru@gmail.com");
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Equal("guru.baru@gmail.com", told));
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.To == "guru.baru@gmail.com"));
    }
}
