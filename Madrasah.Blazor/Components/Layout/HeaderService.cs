using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Components.Layout;

/// <summary>What the header shows: the user's institution or district, name and role.</summary>
public sealed class HeaderService(IDbContextFactory<MadrasahDbContext> factory)
{
    public sealed record HeaderInfo(string ContextName, string FullName, string RoleLabel);

    public async Task<HeaderInfo> GetAsync(UserScope scope)
    {
        if (!scope.IsAuthenticated) return new("", "", "");
        await using var db = await factory.CreateDbContextAsync();
        string? context = null;
        if (scope.InstitutionId is { } institutionId)
            context = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Name).FirstOrDefaultAsync();
        else if (scope.DistrictId is { } districtId)
            context = await db.Districts.Where(d => d.Id == districtId).Select(d => "Kantor Kemenag " + d.Name).FirstOrDefaultAsync();
        context ??= scope.Role == Roles.Helpdesk ? "Layanan Helpdesk" : "Administrasi Sistem";
        return new(context, scope.FullName, Roles.Label(scope.Role));
    }
}
