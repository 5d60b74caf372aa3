using System.Net.Mime;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Madrasah.Blazor.Infrastructure.Pdf;

public static class ReceiptEndpoints
{
    /// <summary>
    /// GET /bukti/{number}.pdf for signed-in users whose scope covers the receipt's institution: shown inline,
    /// or as an attachment with ?unduh=1. Unknown and out-of-scope numbers both answer 404.
    /// </summary>
    public static IEndpointRouteBuilder MapReceiptEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bukti/{number}.pdf", async (string number, HttpContext http, ReceiptService receipts, IAuthorizationService authorization,
            CancellationToken cancellationToken) =>
        {
            var file = await receipts.GetPdfAsync(number, owner => authorization.IsInScopeAsync(http.User, owner), cancellationToken);
            if (file is null) return Results.NotFound();
            var download = http.Request.Query["unduh"] == "1";
            http.Response.Headers.ContentDisposition = new ContentDisposition
            {
                Inline = !download,
                FileName = file.FileName,
            }.ToString();
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, "application/pdf");
        }).RequireAuthorization();
        return endpoints;
    }
}
