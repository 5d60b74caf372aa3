using System.Security.Claims;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// What the signed-in user may see: one institution, one district, or everything (helpdesk, admin).
/// Built from the claims issued at sign-in; every feature query filters through it.
/// </summary>
public sealed record UserScope(string UserId, string UserName, string FullName, string Role, int? InstitutionId, int? DistrictId)
{
    public static readonly UserScope Anonymous = new("", "", "", "", null, null);

    public bool IsAuthenticated => UserId.Length > 0;
    public bool IsInstitutionBound => Roles.InstitutionBound.Contains(Role);
    public bool IsDistrictBound => Role == Roles.AdminKabKota;
    public bool SeesEverything => Role is Roles.Admin or Roles.Helpdesk;

    public static UserScope From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return Anonymous;
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? "";
        return new UserScope(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            principal.Identity?.Name ?? "",
            principal.FindFirstValue(MadrasahClaims.FullName) ?? principal.Identity?.Name ?? "",
            role,
            ParseInt(principal.FindFirstValue(MadrasahClaims.InstitutionId)),
            ParseInt(principal.FindFirstValue(MadrasahClaims.DistrictId)));
    }

    /// <summary>True when this user may see data of the given institution (in the given district).</summary>
    public bool Allows(int institutionId, int districtId) =>
        SeesEverything
        || (IsInstitutionBound && InstitutionId == institutionId)
        || (IsDistrictBound && DistrictId == districtId);

    private static int? ParseInt(string? value) => int.TryParse(value, out var n) ? n : null;
}
