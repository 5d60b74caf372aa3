namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// Carries the registration ticket from the sign-in POST to the "Informasi User" step, out of the URL (history, logs):
/// HttpOnly, SameSite=Strict, a session cookie (no expiry: the ticket has its own) sent only below /registrasi-kepala,
/// Secure on HTTPS.
/// </summary>
public static class RegistrationTicketCookie
{
    public const string Name = "Madrasah.RegistrasiKepala";
    public const string Path = "/registrasi-kepala";

    public static void Append(HttpContext context, string ticket) =>
        context.Response.Cookies.Append(Name, ticket, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = Path,
            IsEssential = true,
        });

    /// <summary>The ticket of the request, or null (also outside a request: during interactive rendering).</summary>
    public static string? Read(HttpContext? context) =>
        context?.Request.Cookies.TryGetValue(Name, out var ticket) == true ? ticket : null;
}
