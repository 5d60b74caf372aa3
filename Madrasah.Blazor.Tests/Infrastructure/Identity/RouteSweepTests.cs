using System.Net;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Identity;

/// <summary>
/// Every routable page and download of the real app, requested as every role and signed out, with the ids of other
/// institutions and another district: no answer is a server error, and no answer carries what the visitor may not read.
/// </summary>
[Trait("Kind", "App")]
public sealed class RouteSweepTests(OwnAppFixture fixture) : IClassFixture<OwnAppFixture>
{
    [Fact]
    public void Every_route_the_app_maps_is_in_the_sweep()
    {
        var mapped = MappedRoutes();
        Assert.Contains("/lembaga/{Id:int}", mapped); // the enumeration sees pages …
        Assert.Contains("/bukti/{number}.pdf", mapped); // … and endpoints
        Assert.Empty(mapped.Except(RouteSweep.Routes.Keys)); // a new route: add it to RouteSweep.Routes
        Assert.Empty(RouteSweep.Routes.Keys.Except(mapped).Except(RouteSweep.Conditional)); // a removed route: take it out
    }

    [Fact]
    public async Task No_route_answers_a_server_error_or_shows_another_institutions_data_to_any_role()
    {
        var app = fixture.App;
        var (min1, mts, bantul) = await RouteSweep.SeedAsync(app);
        SweepHolding[] holdings = [min1, mts, bantul];
        var failures = new List<string>();
        var requests = 0;

        foreach (var visitor in RouteSweep.Visitors(min1, mts, bantul))
        {
            using var client = visitor.Email is null ? HttpVisitor.New(app.BaseUrl) : await HttpVisitor.SignedInAsync(app.BaseUrl, visitor.Email);
            var forbidden = holdings.Select(h => (Holding: h, Rights: visitor.Rights(h))).ToList();
            var paths = RouteSweep.Routes.Values.SelectMany(route => holdings.SelectMany(route)).Distinct();
            foreach (var path in paths)
            {
                requests++;
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                var text = System.Text.Encoding.UTF8.GetString(body);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{visitor.Label} GET {path}: HTTP {(int)response.StatusCode}");
                if (text.Contains("SQLite format 3") || text.Contains("\"AllowedHosts\""))
                    failures.Add($"{visitor.Label} GET {path}: serves the app's own files");
                foreach (var (holding, rights) in forbidden)
                {
                    if (!rights.Profile && text.Contains(holding.StatisticNumber))
                        failures.Add($"{visitor.Label} GET {path}: shows the NSM of {holding.Institution}");
                    if (!rights.Requests && text.Contains(holding.ChangeRequestMarker))
                        failures.Add($"{visitor.Label} GET {path}: shows a change request of {holding.Institution}");
                    if (!rights.Files && text.Contains(holding.UploadMarker))
                        failures.Add($"{visitor.Label} GET {path}: hands out an upload of {holding.Institution}");
                    if (!rights.Files && path.StartsWith($"/bukti/{holding.ReceiptNumber}.pdf") && response.StatusCode == HttpStatusCode.OK
                        && response.Content.Headers.ContentType?.MediaType == "application/pdf")
                        failures.Add($"{visitor.Label} GET {path}: hands out a receipt of {holding.Institution}");
                }
            }
        }

        // The sweep sees what it looks for: the owners read each of these (else a broken seed would pass it).
        using (var owner = await HttpVisitor.SignedInAsync(app.BaseUrl, "operator@mtsn3sleman.sch.id"))
        {
            Assert.Contains(mts.StatisticNumber, await owner.GetStringAsync("/lembaga"));
            Assert.Contains(mts.ChangeRequestMarker, await owner.GetStringAsync($"/perubahan/{mts.ChangeRequestId}"));
            Assert.Contains(mts.UploadMarker, await owner.GetStringAsync($"/berkas/{mts.UploadId}"));
            using var receipt = await owner.GetAsync($"/bukti/{mts.ReceiptNumber}.pdf");
            Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        }
        using (var district = await HttpVisitor.SignedInAsync(app.BaseUrl, RouteSweep.BantulAdminEmail))
            Assert.Contains(bantul.StatisticNumber, await district.GetStringAsync($"/lembaga/{bantul.InstitutionId}"));

        var visitors = RouteSweep.Visitors(min1, mts, bantul).Count;
        ProbeReport.Add($"Routes × roles swept: {RouteSweep.Routes.Count} routes × {visitors} visitors ({visitors - 1} accounts of every role and another district, 1 signed out) = {requests} requests; server errors: {failures.Count(f => f.Contains(": HTTP 5"))}; other findings: {failures.Count(f => !f.Contains(": HTTP 5"))}");
        Assert.True(requests > 500, $"only {requests} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} answers failed:\n" + string.Join("\n", failures));
    }

    /// <summary>The route patterns of the app's endpoints (pages and minimal APIs), read from the app built in-process.</summary>
    private static HashSet<string> MappedRoutes()
    {
        var folder = Directory.CreateTempSubdirectory("madrasah-routes-").FullName;
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("Database:Path", Path.Combine(folder, "madrasah.db"));
                builder.UseSetting("Database:SeedDemoData", "false");
                builder.UseSetting("Email:PickupFolder", Path.Combine(folder, "mail"));
                builder.UseSetting("Uploads:Folder", Path.Combine(folder, "uploads"));
                builder.UseSetting("DataProtection:KeyFolder", Path.Combine(folder, "keys"));
            });
            return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
                .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
                .Where(p => !p.StartsWith("/_blazor") && !p.StartsWith("/_framework"))
                .ToHashSet();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
