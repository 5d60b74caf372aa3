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

/// <summary>
/// The complaint's "Surat Tugas / Bukti Pendukung" is shown on its complaint's page: read through /berkas by whoever may
/// open that page and sees that complaint (<see cref="ComplaintVisibility"/>: the staff member who filed it, the personnel
/// officer of its institution), nobody else. The uploader is allowed by /berkas itself.
/// </summary>
public sealed class ComplaintEvidenceAccess(PageAccess pages, IDbContextFactory<MadrasahDbContext> factory) : IUploadAccessRule
{
    /// <summary>Without the file's id nothing is allowed: the evidence belongs to a complaint, not to an institution.</summary>
    public Task<bool> MayReadAsync(ClaimsPrincipal user, InstitutionRef upload, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, Guid uploadId, InstitutionRef upload, CancellationToken cancellationToken)
    {
        if (!await pages.MayOpenAsync<ComplaintPage>(user)) return false;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<AttendanceComplaint>().VisibleComplaints(UserScope.From(user)).AnyAsync(c => c.EvidenceUploadId == uploadId, cancellationToken);
    }
}
