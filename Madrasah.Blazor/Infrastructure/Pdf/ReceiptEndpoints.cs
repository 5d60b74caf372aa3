using System.Net.Mime;

namespace Madrasah.Blazor.Infrastructure.Pdf;

public static class ReceiptEndpoints
{
    /// <summary>
    /// GET /bukti/{number}.pdf for signed-in users whom the rule of the receipt's kind allows (the rule of the page the
    /// receipt belongs to, see <see cref="IReceiptAccessRule"/>): shown inline, or as an attachment with ?unduh=1.
    /// Unknown and refused numbers both answer 404.
    /// </summary>
    public static IEndpointRouteBuilder MapReceiptEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bukti/{number}.pdf", async (string number, HttpContext http, ReceiptService receipts, IEnumerable<IReceiptAccessRule> rules,
            CancellationToken cancellationToken) =>
        {
            var file = await receipts.GetPdfAsync(number, async owner =>
                rules.FirstOrDefault(r => r.Kind == owner.Kind) is { } rule && await rule.MayReadAsync(http.User, owner, cancellationToken),
                cancellationToken);
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
