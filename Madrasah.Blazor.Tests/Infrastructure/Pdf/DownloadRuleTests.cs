using System.Net;
using System.Text;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>
/// Downloads follow the rule of the page they belong to, over HTTP against the real app with real sign-ins: staff of
/// MIN 1 Sleman (Pegawai, Petugas Kepegawaian) cannot open its institution profile or its change requests, so they get
/// neither the receipts printed there nor the institution's uploaded files; those who open the pages download them.
/// </summary>
[Collection(ReceiptAppCollection.Name)]
[Trait("Kind", "App")]
public sealed class DownloadRuleTests(ReceiptAppFixture fixture)
{
    private TestApp App => fixture.App;

    private const string Pegawai = "nur.hidayah@guru.demo.id";
    private const string PetugasKepegawaian = "kepegawaian@min1sleman.sch.id";
    private const string Operator = "operator@min1sleman.sch.id";
    private const string Head = "kepala@min1sleman.sch.id";
    private const string DistrictAdmin = "admin@kemenagsleman.go.id";
    private const string OtherOperator = "operator@mtsn3sleman.sch.id";

    /// <summary>A "Bukti Perubahan Data" of an applied change request of MIN 1 Sleman (printed on /perubahan/{id}).</summary>
    private async Task<string> AddChangeReceiptAsync(int sequence)
    {
        var number = await ReceiptHttp.AddUndrawnReceiptAsync(App, ApprovalService.ReceiptKind.Code, ApprovalService.ReceiptKind.Prefix,
            ApprovalService.ReceiptKind.Title, sequence);
        await using var db = App.CreateDbContext();
        var institution = await db.Institutions.SingleAsync(i => i.Name == "MIN 1 Sleman");
        var submitter = await db.Users.SingleAsync(u => u.Email == Operator);
        db.Add(new ChangeRequest
        {
            InstitutionId = institution.Id, Status = ChangeRequestStatus.Applied, ReceiptNumber = number,
            CreatedByUserId = submitter.Id, CreatedByName = submitter.FullName,
            CreatedUtc = DateTime.UtcNow, SubmittedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return number;
    }

    /// <summary>A PDF uploaded by MIN 1 Sleman's operator, stored the way the app stores it, into the running app's folders.</summary>
    private async Task<(Guid Id, byte[] Content)> UploadAsOperatorAsync()
    {
        await using var db = App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == Operator);
        var scope = new UserScope(user.Id, user.Email!, user.FullName, Roles.Operator, user.InstitutionId, null);
        var store = new UploadStore(Options.Create(new UploadOptions { Folder = App.UploadFolder }),
            new HostingEnvironment { ContentRootPath = App.DataFolder }, new AuditLog(TimeProvider.System), TimeProvider.System);
        var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% surat tugas {Guid.NewGuid()}\n%%EOF\n");
        var upload = await store.SaveAsync(db, scope, new MemoryStream(content), "Surat Tugas.pdf", UploadRule.Pdf("Surat Tugas", 300 * 1024));
        await db.SaveChangesAsync();
        return (upload.Id, content);
    }

    private static async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private static bool IsPdf(byte[] body) => body.Length > 5 && Encoding.ASCII.GetString(body, 0, 5) == "%PDF-";

    [Fact]
    public async Task Staff_get_neither_receipts_nor_uploads_of_their_institution_those_who_open_the_pages_do()
    {
        var profileReceipt = await ReceiptHttp.AddUndrawnReceiptAsync(App, "institution-profile", "BPL", "Bukti Profil Lembaga", 701);
        var changeReceipt = await AddChangeReceiptAsync(702);
        var (uploadId, uploadContent) = await UploadAsOperatorAsync();
        string[] receipts = [$"/bukti/{profileReceipt}.pdf", $"/bukti/{changeReceipt}.pdf?unduh=1"];
        var upload = $"/berkas/{uploadId}";

        foreach (var email in new[] { Pegawai, PetugasKepegawaian })
        {
            using var staff = await ReceiptHttp.SignedInClientAsync(App, email);
            // The pages themselves are closed to them (sent to "Akses ditolak")...
            var profilePage = await staff.GetAsync("/lembaga");
            Assert.Equal(HttpStatusCode.Redirect, profilePage.StatusCode);
            Assert.Contains("/Account/AccessDenied", profilePage.Headers.Location?.ToString());
            // ...and so is what belongs to them.
            foreach (var path in receipts.Append(upload))
            {
                var (status, body) = await GetAsync(staff, path);
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email} {path}: HTTP {(int)status}");
                Assert.False(IsPdf(body), $"{email} got {path}");
            }
        }

        foreach (var email in new[] { Operator, Head, DistrictAdmin })
        {
            using var allowed = await ReceiptHttp.SignedInClientAsync(App, email);
            foreach (var path in receipts)
            {
                var (status, body) = await GetAsync(allowed, path);
                Assert.True(status == HttpStatusCode.OK && IsPdf(body), $"{email} {path}: HTTP {(int)status}, {body.Length} bytes");
            }
            var file = await GetAsync(allowed, upload);
            Assert.Equal(HttpStatusCode.OK, file.Status);
            Assert.Equal(uploadContent, file.Body);
        }

        using var other = await ReceiptHttp.SignedInClientAsync(App, OtherOperator);
        foreach (var path in receipts.Append(upload))
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(other, path)).Status);
    }
}
