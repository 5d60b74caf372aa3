using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Features.SignIn;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>Issue 11: staff sign in with their NIP or their email.</summary>
public sealed class StaffSignInTests : IAsyncLifetime
{
    private readonly AppServices _app = new((services, configuration) =>
    {
        services.AddEmail(configuration);
        services.AddHeadRegistration(configuration);
        services.AddSignIn();
    });

    public async ValueTask InitializeAsync() => await _app.SeedDemoDataAsync();
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<LoginResult> SignInAsync(string userName, string password)
    {
        await using var scope = _app.CreateRequestScope();
        return await scope.ServiceProvider.GetRequiredService<LoginService>().SignInAsync(userName, password, false, "/absensi", "10.0.0.7");
    }

    [Fact]
    public async Task A_NIP_typed_with_spaces_signs_its_staff_member_in_as_the_email_does()
    {
        Assert.Equal("/absensi", (await SignInAsync("19900305 201503 2 001", DemoData.Password)).RedirectTo);
        Assert.Equal("/absensi", (await SignInAsync("nur.hidayah@guru.demo.id", DemoData.Password)).RedirectTo);
    }

    [Fact]
    public async Task A_wrong_password_and_a_NIP_without_an_account_get_the_same_answer()
    {
        var wrong = await SignInAsync("199003052015032001", "Salah#Sekali2026");
        var noAccount = await SignInAsync("198711122010031007", DemoData.Password); // Muhammad Iqbal has no account
        Assert.Null(wrong.RedirectTo);
        Assert.Equal("NIP atau Password salah. Periksa kembali lalu coba lagi.", wrong.Message!.Text);
        Assert.Equal(wrong.Message, noAccount.Message);
    }
}
