using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Identity;

/// <summary>Every role sees its own institution or district and nothing else.</summary>
public sealed class ScopeTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Institution _a = null!, _b = null!, _other = null!;

    public async ValueTask InitializeAsync()
    {
        _a = await _db.AddInstitutionAsync("MIN A", "111100000001");
        _b = await _db.AddInstitutionAsync("MTs B", "121100000002", InstitutionType.MTs);
        await using var db = _db.CreateContext();
        var otherDistrict = new District { Code = "33.01", Name = "Kabupaten Cilacap", ProvinceCode = "33", ProvinceName = "Jawa Tengah" };
        _other = new Institution { District = otherDistrict, Name = "MIN Cilacap", StatisticNumber = "111133010001", Type = InstitutionType.MI, Address = "-" };
        db.Add(_other);
        db.Staff.AddRange(
            new Staff { InstitutionId = _a.Id, FullName = "Guru A", Nik = "3404071211870001", Position = "Guru", Kind = StaffKind.Guru },
            new Staff { InstitutionId = _b.Id, FullName = "Guru B", Nik = "3404071211870002", Position = "Guru", Kind = StaffKind.Guru },
            new Staff { Institution = _other, FullName = "Guru C", Nik = "3301071211870003", Position = "Guru", Kind = StaffKind.Guru });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<string[]> StaffSeenBy(UserScope scope)
    {
        await using var db = _db.CreateContext();
        return await db.Staff.VisibleTo(scope).OrderBy(s => s.FullName).Select(s => s.FullName).ToArrayAsync();
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.KepalaMadrasah)]
    [InlineData(Roles.Pegawai)]
    [InlineData(Roles.PetugasKepegawaian)]
    public async Task Institution_roles_see_only_their_institution(string role)
    {
        var scope = new UserScope("u1", "u1@contoh.id", "U1", role, _a.Id, null);
        Assert.Equal(["Guru A"], await StaffSeenBy(scope));
        Assert.True(scope.Allows(_a.Id, _a.DistrictId));
        Assert.False(scope.Allows(_b.Id, _b.DistrictId));
    }

    [Fact]
    public async Task District_admin_sees_the_district_only()
    {
        var scope = new UserScope("u2", "u2@contoh.id", "U2", Roles.AdminKabKota, null, _a.DistrictId);
        Assert.Equal(["Guru A", "Guru B"], await StaffSeenBy(scope));
        await using var db = _db.CreateContext();
        Assert.Equal(2, await db.Institutions.VisibleTo(scope).CountAsync());
        Assert.False(scope.Allows(_other.Id, _other.DistrictId));
    }

    [Fact]
    public async Task Signed_out_or_unbound_users_see_nothing()
    {
        Assert.Empty(await StaffSeenBy(UserScope.Anonymous));
        Assert.Empty(await StaffSeenBy(new UserScope("u3", "u3", "U3", Roles.Operator, null, null)));
    }

    [Theory]
    [InlineData(Roles.Helpdesk)]
    [InlineData(Roles.Admin)]
    public async Task Helpdesk_and_admin_see_everything(string role)
    {
        Assert.Equal(3, (await StaffSeenBy(new UserScope("u4", "u4", "U4", role, null, null))).Length);
    }

    private static ClaimsPrincipal User(string id, string role, int? institutionId = null, int? districtId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, id), new(ClaimTypes.Role, role) };
        if (institutionId is { } i) claims.Add(new(MadrasahClaims.InstitutionId, i.ToString()));
        if (districtId is { } d) claims.Add(new(MadrasahClaims.DistrictId, d.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    [Fact]
    public async Task The_InScope_policy_grants_a_resource_only_within_the_users_scope()
    {
        // The policy as the endpoints ask it (the app's own registrations), with the claims a signed-in user carries.
        await using var app = new AppServices();
        var authorization = app.Provider.GetRequiredService<IAuthorizationService>();
        Task<bool> InScopeAsync(ClaimsPrincipal user, InstitutionRef resource) => authorization.IsInScopeAsync(user, resource);

        var ofA = new InstitutionRef(_a.Id, _a.DistrictId);
        Assert.True(await InScopeAsync(User("op-a", Roles.Operator, _a.Id), ofA));
        Assert.True(await InScopeAsync(User("peg-a", Roles.Pegawai, _a.Id), ofA));
        Assert.False(await InScopeAsync(User("op-b", Roles.Operator, _b.Id), ofA));
        Assert.True(await InScopeAsync(User("adm", Roles.AdminKabKota, districtId: _a.DistrictId), ofA));
        Assert.False(await InScopeAsync(User("adm2", Roles.AdminKabKota, districtId: _other.DistrictId), ofA));
        Assert.True(await InScopeAsync(User("help", Roles.Helpdesk), ofA));
        Assert.False(await InScopeAsync(new ClaimsPrincipal(new ClaimsIdentity()), ofA));

        // A district's own resource (no institution): that district's admin, not an institution of it.
        var ofDistrict = new InstitutionRef(null, _a.DistrictId);
        Assert.True(await InScopeAsync(User("adm", Roles.AdminKabKota, districtId: _a.DistrictId), ofDistrict));
        Assert.False(await InScopeAsync(User("op-a", Roles.Operator, _a.Id), ofDistrict));

        // Whoever uploaded a file keeps seeing it.
        Assert.True(await InScopeAsync(User("op-b", Roles.Operator, _b.Id), new InstitutionRef(_a.Id, _a.DistrictId, OwnerUserId: "op-b")));
    }
}
