using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Madrasah.Blazor.Features.Dashboard;

/// <summary>One figure of a dashboard: <paramref name="Icon"/> is a MudBlazor icon (as the menu items carry theirs).</summary>
public sealed record DashboardFigure(string Label, string Value, string Icon, string? Href = null);

/// <summary>The figures each role's dashboard shows, computed within the user's scope.</summary>
public sealed class DashboardService(IDbContextFactory<MadrasahDbContext> factory)
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(UserScope scope)
    {
        await using var db = await factory.CreateDbContextAsync();
        var institutions = db.Institutions.VisibleTo(scope);
        var staff = db.Staff.VisibleTo(scope);
        return scope.Role switch
        {
            Roles.Operator or Roles.KepalaMadrasah =>
            [
                new("PTK & Pegawai", (await staff.CountAsync()).ToString(), Icons.Material.Outlined.Groups, "/pegawai"),
                new("Email PTK terverifikasi", $"{await staff.CountAsync(s => s.EmailVerified)} dari {await staff.CountAsync()}", Icons.Material.Outlined.MarkEmailRead,
                    scope.Role == Roles.Operator ? Features.TeacherVerification.PtkAccountsPage.Path : null),
                new("Siswa/Santri", (await institutions.SumAsync(i => i.StudentCount)).ToString("N0", Infrastructure.Time.Wib.Culture), Icons.Material.Outlined.School),
            ],
            Roles.AdminKabKota =>
            [
                new("Lembaga di wilayah", (await institutions.CountAsync()).ToString(), Icons.Material.Outlined.AccountBalance, "/kabupaten/lembaga"),
                new("Madrasah", (await institutions.CountAsync(i => i.Type == InstitutionType.MI || i.Type == InstitutionType.MTs || i.Type == InstitutionType.MA)).ToString(), Icons.Material.Outlined.LocationCity),
                new("Pesantren, MDT & LPQ", (await institutions.CountAsync(i => i.Type == InstitutionType.PondokPesantren || i.Type == InstitutionType.MDT || i.Type == InstitutionType.LPQ)).ToString(), Icons.Material.Outlined.Mosque),
            ],
            Roles.PetugasKepegawaian =>
            [
                new("PTK & Pegawai", (await staff.CountAsync()).ToString(), Icons.Material.Outlined.Groups, "/pegawai"),
                new("Pegawai ASN", (await staff.CountAsync(s => s.Nip != null)).ToString(), Icons.Material.Outlined.Badge),
            ],
            Roles.Helpdesk or Roles.Admin =>
            [
                new("Lembaga terdaftar", (await institutions.CountAsync()).ToString(), Icons.Material.Outlined.AccountBalance),
                new("Akun pengguna", (await db.Users.CountAsync()).ToString(), Icons.Material.Outlined.ManageAccounts),
            ],
            _ => [],
        };
    }

    /// <summary>The staff record of a Pegawai account (their own biodata).</summary>
    public async Task<Staff?> GetOwnStaffAsync(UserScope scope)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Staff.VisibleTo(scope).Include(s => s.Institution).FirstOrDefaultAsync(s => s.UserId == scope.UserId);
    }
}

public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<DashboardService>();
}
