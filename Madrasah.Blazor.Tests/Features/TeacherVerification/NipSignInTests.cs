using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Features.SignIn;
using Madrasah.Blazor.Features.TeacherVerification;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.TeacherVerification;

/// <summary>The teacher signs in with email or NIP + password (the seed's "Username/Email"; the "email or NIP").</summary>
public sealed class NipSignInTests : IAsyncLifetime
{
    private const string NurNip = "199003052015032001";
    private readonly AppServices _app = new((services, configuration) =>
    {
        services.AddEmail(configuration);
        services.AddUserAccounts(configuration);
        services.AddHeadRegistration(configuration);
        services.AddSignIn();
        services.AddTeacherVerification(configuration);
    });

    public async ValueTask InitializeAsync() => await _app.SeedDemoDataAsync();
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<LoginResult> LoginAsync(string userName, string password)
    {
        await using var scope = _app.CreateRequestScope();
        return await scope.ServiceProvider.GetRequiredService<LoginService>().SignInAsync(userName, password, false, "/biodata/akun", "10.0.0.7");
    }

    [Theory]
    [InlineData(NurNip)]
    [InlineData("19900305 201503 2 001")]
    [InlineData(" 199003052015032001 ")]
    public async Task The_teachers_NIP_and_password_sign_in(string typed)
    {
        var result = await LoginAsync(typed, DemoData.Password);
        Assert.Equal("/biodata/akun", result.RedirectTo);
    }

    [Fact]
    public async Task A_wrong_password_and_a_NIP_without_an_account_get_the_same_answer()
    {
        var wrong = await LoginAsync(NurNip, "Salah#Sekali2026");
        var unknown = await LoginAsync("198711122010031007", DemoData.Password); // Muhammad Iqbal: no account yet
        Assert.Null(wrong.RedirectTo);
        Assert.Equal("NIP atau Password salah. Periksa kembali lalu coba lagi.", wrong.Message!.Text);
        Assert.Equal(wrong.Message, unknown.Message);
    }
}
