using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// The size of what a request may send. The app's HTTP posts are small forms (sign-in, "Lupa Password", "Kirim ulang
/// verifikasi", "Ubah Password", sign-out: a few fields of at most a few hundred characters); files travel through the
/// circuit, never as an HTTP body. So every body is capped at <see cref="MaxBodyBytes"/> (Kestrel's default is
/// 30 MB) and a form at <see cref="MaxFormFields"/> fields: a larger post is refused with 413 and a short Indonesian
/// page before anything reads it. Within the cap, each field's own length is checked by its form with a message
/// naming the field (TextLimits).
/// </summary>
public static class RequestLimits
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxFormFields = 64;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = MaxBodyBytes;
            o.MultipartBodyLengthLimit = MaxBodyBytes;
            o.ValueCountLimit = MaxFormFields;
            o.KeyLengthLimit = 256;
        });
        return services;
    }

    /// <summary>
    /// A body announced or found larger than the cap, or a form over the form limits, is answered 413 with a page of
    /// its own (not an error page, not a 500).
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                await RefuseAsync(context);
                return;
            }
            try
            {
                // A form is read here, once (later readers get the same form), so that its limits are told here too.
                if (context.Request.HasFormContentType)
                {
                    try { await context.Request.ReadFormAsync(context.RequestAborted); }
                    catch (InvalidDataException ex) when (!IsTooLarge(ex))
                    {
                        // Characters a form field cannot hold (e.g. an encoded NUL): nothing to read, so a page of its own.
                        await RefuseAsync(context, StatusCodes.Status400BadRequest, UnreadablePage);
                        return;
                    }
                }
                await next(context);
            }
            catch (Exception ex) when (IsTooLarge(ex) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await RefuseAsync(context);
            }
        });
        return app;
    }

    private static bool IsTooLarge(Exception ex) => ex switch
    {
        Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        InvalidDataException when ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => true, // FormOptions' limits
        _ => ex.InnerException is { } inner && IsTooLarge(inner),
    };

    private static Task RefuseAsync(HttpContext context) => RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargePage);

    private static Task RefuseAsync(HttpContext context, int status, string page)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(page);
    }

    private static readonly string TooLargePage =
        "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Isian terlalu panjang — Madrasah</title></head><body>"
        + "<h1>Isian terlalu panjang</h1><p>Data yang dikirim melebihi batas " + MaxBodyBytes / (1024 * 1024)
        + " MB atau " + MaxFormFields + " isian. Kembali ke halaman sebelumnya, periksa isian Anda, lalu kirim lagi.</p><p><a href=\"/\">Ke Beranda</a></p></body></html>";

    private static readonly string UnreadablePage =
        "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Isian tidak dapat dibaca — Madrasah</title></head><body>"
        + "<h1>Isian tidak dapat dibaca</h1><p>Data yang dikirim memuat karakter yang tidak diizinkan (mis. karakter kendali). "
        + "Kembali ke halaman sebelumnya, ketik ulang isian Anda tanpa menempelkannya, lalu kirim lagi.</p><p><a href=\"/\">Ke Beranda</a></p></body></html>";
}
