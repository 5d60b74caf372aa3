namespace Madrasah.Blazor.Features.SignIn;

public static class SignInServiceCollectionExtensions
{
    /// <summary>
    /// The sign-in form's decisions (email or NIK with a password, or NIK with a registration code). Needs the head
    /// registration (<c>AddHeadRegistration</c>) for the NIK + code way in.
    /// </summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services) => services.AddScoped<LoginService>();
}
