using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Madrasah.Blazor.Features.SignIn;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token (the layout's "Keluar" form).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInService signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return endpoints;
    }
}
