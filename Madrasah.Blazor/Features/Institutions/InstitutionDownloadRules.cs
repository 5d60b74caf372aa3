using System.Security.Claims;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Uploads;

namespace Madrasah.Blazor.Features.Institutions;

/// <summary>
/// The "Bukti Profil Lembaga" is printed on the institution's profile page (/lembaga/{id}): downloaded by whoever may
/// open that page for that institution (its [Authorize] roles, then its scope query), nobody else.
/// </summary>
public sealed class InstitutionProfileReceiptAccess(PageAccess pages, InstitutionService institutions) : IReceiptAccessRule
{
    public string Kind => InstitutionProfileReceiptService.Kind.Code;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, ReceiptOwner receipt, CancellationToken cancellationToken) =>
        receipt.InstitutionId is { } institutionId
        && await pages.MayOpenAsync<InstitutionProfilePage>(user)
        && await institutions.IsVisibleAsync(UserScope.From(user), institutionId, cancellationToken);
}

/// <summary>
/// An institution's uploaded files (assignment letters and other documents of its data) belong to its profile page:
/// downloaded by whoever may open that page for that institution. A district's own file (no institution) by whoever
/// may open the page and has the district in scope.
/// </summary>
public sealed class InstitutionDocumentAccess(PageAccess pages, InstitutionService institutions) : IUploadAccessRule
{
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, InstitutionRef upload, CancellationToken cancellationToken)
    {
        if (!await pages.MayOpenAsync<InstitutionProfilePage>(user)) return false;
        var scope = UserScope.From(user);
        return upload.InstitutionId is { } institutionId
            ? await institutions.IsVisibleAsync(scope, institutionId, cancellationToken)
            : (upload with { OwnerUserId = null }).IsVisibleTo(scope);
    }
}
