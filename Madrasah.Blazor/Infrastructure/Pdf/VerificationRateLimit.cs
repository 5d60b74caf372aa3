using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Madrasah.Blazor.Infrastructure.RateLimits;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>"ReceiptVerification": how many requests to /verifikasi one client may make (appsettings or environment).</summary>
public sealed class ReceiptVerificationOptions
{
    public const string Section = "ReceiptVerification";

    /// <summary>Requests (page loads and form posts) one client may make per window.</summary>
    public int PermitLimit { get; set; } = 30;

    /// <summary>The window, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Clients with a limit of their own at once; while more are active, the others share one limit.</summary>
    public int MaxClients { get; set; } = 10_000;
}

/// <summary>
/// The rate limit of the public verification page (ASP.NET Core rate limiting, policy <see cref="Name"/> on the page):
/// a fixed window per client, the client being its address (IPv6: its /64 network, which one subscriber holds); the
/// proxy's forwarded address when App:TrustedProxies lists the proxy. Bounded: at most
/// <see cref="ReceiptVerificationOptions.MaxClients"/> clients are told apart at once (a key is a short string), the
/// rest share one limit, and a client's entry goes once its window has long passed. A refused request gets HTTP 429,
/// Retry-After and an Indonesian page.
/// </summary>
public sealed class VerificationRateLimitPolicy(IOptions<ReceiptVerificationOptions> options, TimeProvider clock) : IRateLimiterPolicy<string>
{
    public const string Name = "receipt-verification";

    private ReceiptVerificationOptions Settings => options.Value;
    private TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, Settings.WindowSeconds));

    // The rate-limiting middleware activates a policy once: one set of keys for the app's lifetime.
    private readonly BoundedKeys _keys = new(Math.Max(1, options.Value.MaxClients),
        TimeSpan.FromSeconds(Math.Max(1, options.Value.WindowSeconds) + 30), clock);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(_keys.KeyFor(ClientKey(httpContext.Connection.RemoteIpAddress)), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, Settings.PermitLimit),
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    /// <summary>The client as every per-client limit counts it (<see cref="ClientAddress"/>); "unknown" without an address.</summary>
    public static string ClientKey(IPAddress? address) => ClientAddress.Of(address) ?? "unknown";

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(RejectionPage(seconds), cancellationToken);
    }

    /// <summary>A page of its own (the app's pages are not rendered for a refused request): plain, in Bahasa Indonesia.</summary>
    public static string RejectionPage(int retryAfterSeconds)
    {
        var wait = retryAfterSeconds >= 60 ? $"{(retryAfterSeconds + 59) / 60} menit" : $"{retryAfterSeconds} detik";
        return $$"""
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Terlalu banyak permintaan — Madrasah</title>
            <style>
            body { margin: 0; font-family: Roboto, "Helvetica Neue", Arial, sans-serif; background: #f3f6f4; color: #1f2d27; line-height: 1.5; }
            header { background: #0f6b46; color: #fff; padding: .9rem 1.25rem; font-size: 1.25rem; font-weight: 600; }
            main { max-width: 40rem; margin: 2rem auto; padding: 0 1.25rem; }
            h1 { font-size: 1.5rem; font-weight: 500; color: #0a5034; margin: 0 0 1rem; }
            .alert { background: #fbdcd9; color: #8c1d18; padding: .75rem 1rem; border-radius: 4px; }
            a { color: #0f6b46; font-weight: 500; }
            </style>
            </head>
            <body>
            <header>Madrasah</header>
            <main>
            <h1>Terlalu banyak permintaan verifikasi</h1>
            <p class="alert" role="alert">Terlalu banyak permintaan verifikasi bukti dari perangkat atau jaringan Anda dalam waktu singkat. Tunggu {{wait}}, lalu coba lagi.</p>
            <p>Untuk memeriksa sebuah bukti, pindai kode QR-nya atau ketik nomor dan kode verifikasi yang tercetak pada bukti.</p>
            <p><a href="/">Kembali ke Beranda</a></p>
            </main>
            </body>
            </html>
            """;
    }

    /// <summary>
    /// At most <paramref name="max"/> client keys in use at once: a key seen within <paramref name="retention"/> keeps
    /// its own limit; a new key while all places are taken shares <see cref="Shared"/>. Expired keys are swept at most
    /// once a second, so a flood of new addresses costs neither memory nor time without bound.
    /// </summary>
    internal sealed class BoundedKeys(int max, TimeSpan retention, TimeProvider clock)
    {
        public const string Shared = "*";

        private readonly Dictionary<string, DateTime> _lastSeen = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();
        private DateTime _lastSweep;

        public string KeyFor(string key)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            lock (_gate)
            {
                if (_lastSeen.ContainsKey(key) || _lastSeen.Count < max)
                {
                    _lastSeen[key] = now;
                    return key;
                }
                if (now - _lastSweep >= TimeSpan.FromSeconds(1))
                {
                    _lastSweep = now;
                    foreach (var (seen, at) in _lastSeen.ToList())
                        if (now - at > retention) _lastSeen.Remove(seen);
                }
                if (_lastSeen.Count >= max) return Shared;
                _lastSeen[key] = now;
                return key;
            }
        }

        public int Count { get { lock (_gate) return _lastSeen.Count; } }
    }
}
