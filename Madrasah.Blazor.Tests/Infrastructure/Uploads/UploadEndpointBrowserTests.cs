using System.Text;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Tests.Infrastructure.Uploads;

/// <summary>GET /berkas/{id} on the real app, with the cookies of real sign-ins.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class UploadEndpointBrowserTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    /// <summary>A PDF uploaded by MIN 1 Sleman's operator, stored the way the app stores it, into the running app's folders.</summary>
    private async Task<(Guid Id, byte[] Content)> UploadAsMin1OperatorAsync()
    {
        var app = fixture.App;
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == "operator@min1sleman.sch.id");
        var scope = new UserScope(user.Id, user.Email!, user.FullName, Roles.Operator, user.InstitutionId, null);
        var store = new UploadStore(Options.Create(new UploadOptions { Folder = app.UploadFolder }),
            new HostingEnvironment { ContentRootPath = app.DataFolder }, new Madrasah.Blazor.Infrastructure.Audit.AuditLog(TimeProvider.System), TimeProvider.System);
        var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% surat tugas {Guid.NewGuid()}\n%%EOF\n");
        var upload = await store.SaveAsync(db, scope, new MemoryStream(content), "Surat Tugas.pdf", UploadRule.Pdf("Surat Tugas", 300 * 1024));
        await db.SaveChangesAsync();
        return (upload.Id, content);
    }

    [Fact]
    public async Task A_file_goes_to_its_institution_only_and_never_to_anonymous_visitors()
    {
        var (id, content) = await UploadAsMin1OperatorAsync();

        // The head of the same institution (not the uploader) gets the file as it was uploaded.
        var head = await fixture.SignInAsync("kepala@min1sleman.sch.id");
        var own = await head.APIRequest.GetAsync($"/berkas/{id}");
        Assert.Equal(200, own.Status);
        Assert.Equal("application/pdf", own.Headers["content-type"]);
        Assert.Equal(content, await own.BodyAsync());

        // Another institution's operator: 404, the same answer as for an id that does not exist.
        var other = await fixture.SignInAsync("operator@mtsn3sleman.sch.id");
        Assert.Equal(404, (await other.APIRequest.GetAsync($"/berkas/{id}")).Status);
        Assert.Equal(404, (await head.APIRequest.GetAsync($"/berkas/{Guid.NewGuid()}")).Status);

        // Signed out: sent to the sign-in page, no file.
        var visitor = await fixture.NewPageAsync();
        var anonymous = await visitor.APIRequest.GetAsync($"/berkas/{id}", new() { MaxRedirects = 0 });
        Assert.Equal(302, anonymous.Status);
        Assert.Contains("/Account/Login", anonymous.Headers["location"]);
        Assert.NotEqual(content, await anonymous.BodyAsync());

        await head.Context.CloseAsync();
        await other.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }
}
