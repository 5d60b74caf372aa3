using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Madrasah.Blazor.Features.SignIn;

public static class AccountEndpoints
{
    public const string SignOutRefusedText =
        "Permintaan keluar ditolak: formulir tidak berasal dari halaman aplikasi ini atau sudah kedaluwarsa. "
        + "Kembali ke aplikasi, muat ulang halaman, lalu klik Keluar lagi.";

    /// <summary>
    /// Sign-out is a POST with the antiforgery token of the layout's "Keluar" form: a cross-site form posting here
    /// (without the token) is refused with 400 and the user stays signed in. A browser whose sign-in no longer holds
    /// has nothing to sign out and is sent to the sign-in form.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (HttpContext http, [FromServices] IAntiforgery antiforgery, [FromServices] SignInService signIn) =>
        {
            if (http.User.Identity?.IsAuthenticated != true) return Results.LocalRedirect("~/Account/Login");
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Text(SignOutRefusedText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login");
        });
        return endpoints;
    }
}
