using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// The demo data in a component test's database, seeded through the app's registrations on a provider of its own:
/// a bUnit context takes no more registrations once it has handed out a service, and <c>SignInAs</c> registers.
/// </summary>
public static class DemoSeed
{
    public static async Task SeedAsync(TestDatabase database)
    {
        var services = new ServiceCollection();
        AppServices.Register(services, database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityBootstrap>().EnsureRolesAsync(); // as the start-up does first
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    /// <summary>The scope a demo account signs in with (its role, institution and district as the app's claims give them).</summary>
    public static async Task<UserScope> ScopeOfAsync(TestDatabase database, string email)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var role = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).SingleAsync();
        return new UserScope(user.Id, email, user.FullName, role, user.InstitutionId, user.DistrictId);
    }
}
