using System.Security.Claims;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// The "Bukti Perubahan Data" is shown on its change request's page (/perubahan/{id}): downloaded by whoever may open
/// that page ([Authorize] roles) and sees that request (<see cref="ApprovalVisibility"/>), nobody else.
/// </summary>
public sealed class ChangeReceiptAccess(PageAccess pages, IDbContextFactory<MadrasahDbContext> factory) : IReceiptAccessRule
{
    public string Kind => ApprovalService.ReceiptKind.Code;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, ReceiptOwner receipt, CancellationToken cancellationToken)
    {
        if (!await pages.MayOpenAsync<ChangeRequestPage>(user)) return false;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChangeRequest>().VisibleApprovals(UserScope.From(user))
            .AnyAsync(r => r.ReceiptNumber == receipt.Number, cancellationToken);
    }
}
