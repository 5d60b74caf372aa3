using System.Security.Claims;
using Madrasah.Blazor.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>Puts the user's institution, district and name into the cookie so scoping needs no extra query.</summary>
public sealed class MadrasahClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MadrasahClaims.FullName, user.FullName));
        if (user.InstitutionId is { } institutionId)
            identity.AddClaim(new Claim(MadrasahClaims.InstitutionId, institutionId.ToString()));
        if (user.DistrictId is { } districtId)
            identity.AddClaim(new Claim(MadrasahClaims.DistrictId, districtId.ToString()));
        return identity;
    }
}
