using System.Security.Claims;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>
/// The "Bukti Pengaduan" is shown on its complaint's page (/laporan/pengaduan/{id}): downloaded by whoever may open that
/// page and sees that complaint (<see cref="ComplaintVisibility"/>), nobody else.
/// </summary>
public sealed class ComplaintReceiptAccess(PageAccess pages, IDbContextFactory<MadrasahDbContext> factory) : IReceiptAccessRule
{
    public string Kind => ComplaintService.ReceiptKind.Code;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, ReceiptOwner receipt, CancellationToken cancellationToken)
    {
        if (!await pages.MayOpenAsync<ComplaintPage>(user)) return false;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<AttendanceComplaint>().VisibleComplaints(UserScope.From(user))
            .AnyAsync(c => c.SubmissionReceiptNumber == receipt.Number || c.DecisionReceiptNumber == receipt.Number, cancellationToken);
    }
}

public static class ComplaintEvidenceEndpoint
{
    public static string Url(int complaintId) => $"/laporan/pengaduan/{complaintId}/bukti-dukung";

    /// <summary>
    /// GET /laporan/pengaduan/{id}/bukti-dukung: the complaint's evidence PDF, inline, for whoever may open the complaint's
    /// page and sees it (its sender, the officer of its institution); any other id answers 404.
    /// </summary>
    public static IEndpointRouteBuilder MapComplaintEvidence(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/laporan/pengaduan/{id:int}/bukti-dukung", async (int id, HttpContext http, PageAccess pages, UploadStore store,
            IDbContextFactory<MadrasahDbContext> factory, CancellationToken cancellationToken) =>
        {
            if (!await pages.MayOpenAsync<ComplaintPage>(http.User)) return Results.NotFound();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var uploadId = await db.Set<AttendanceComplaint>().VisibleComplaints(UserScope.From(http.User))
                .Where(c => c.Id == id).Select(c => (Guid?)c.EvidenceUploadId).FirstOrDefaultAsync(cancellationToken);
            if (uploadId is null) return Results.NotFound();
            var file = await store.OpenAsync(db, uploadId.Value, _ => Task.FromResult(true));
            if (file is null) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = file.Value.Upload.OriginalName }.ToString();
            return Results.File(file.Value.Content, file.Value.Upload.ContentType);
        }).RequireAuthorization();
        return endpoints;
    }
}
