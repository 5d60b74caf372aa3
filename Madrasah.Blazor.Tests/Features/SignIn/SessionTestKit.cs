using System.Net;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Features.SignIn;

/// <summary>What the session attacks look at over plain HTTP: a download to aim at, and what a (refused) cookie gets.</summary>
public static class SessionTestKit
{
    /// <summary>Where a redirect leads, as path and query; it must stay on the app (absolute Locations name the app itself).</summary>
    public static string LocalTarget(HttpResponseMessage response, TestApp app)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} instead of a redirect");
        var target = new Uri(new Uri(app.BaseUrl), response.Headers.Location!);
        Assert.Equal(new Uri(app.BaseUrl).Authority, target.Authority);
        return target.PathAndQuery;
    }

    /// <summary>A receipt of <paramref name="institution"/>, written straight into the app's database (its download is the target).</summary>
    public static async Task<string> AddReceiptAsync(TestApp app, string institution)
    {
        await using var db = app.CreateDbContext();
        var owner = await db.Institutions.SingleAsync(i => i.Name == institution);
        var number = $"BPL-2026-{Random.Shared.Next(900000, 999999)}";
        db.Add(new Receipt
        {
            Number = number, Kind = "institution-profile", Title = "Bukti Profil Lembaga", InstitutionId = owner.Id, DistrictId = owner.DistrictId,
            InstitutionName = owner.Name, IssuedUtc = DateTime.UtcNow, IssuedByName = "Uji", PdfBytes = "%PDF-1.4\n%%EOF\n"u8.ToArray(), Sha256 = "",
        });
        await db.SaveChangesAsync();
        return number;
    }

    /// <summary>What a refused cookie gets: a page sends it to the sign-in form, a download is not handed out.</summary>
    public static async Task AssertSignedOutAsync(PlainHttpClient client, string? receipt = null)
    {
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString);
        if (receipt is null) return;
        var download = await client.GetAsync(ReceiptLinks.PdfPath(receipt));
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (download.StatusCode == HttpStatusCode.Redirect && download.Headers.Location!.OriginalString.Contains("/Account/Login")),
            $"Download after revocation: {(int)download.StatusCode} {download.Headers.Location}");
    }

    public static async Task AssertSignedInAsync(PlainHttpClient client, string? receipt = null)
    {
        var page = await client.GetAsync("/");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET /: {(int)page.StatusCode} {page.Headers.Location}");
        Assert.Contains("app-nav", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        if (receipt is null) return;
        var download = await client.GetAsync(ReceiptLinks.PdfPath(receipt));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }
}
