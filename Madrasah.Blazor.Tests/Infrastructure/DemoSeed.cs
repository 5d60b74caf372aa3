using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
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
    /// <summary>The demo data is seeded once per test run (its password hashes take seconds) and copied into each test's database.</summary>
    private static readonly Lazy<Task<byte[]>> Seeded = new(SeedOnceAsync);

    private static readonly Lazy<Task<string>> SeededPostgreSql = new(SeedPostgreSqlOnceAsync);

    /// <summary>Puts a copy of the once-seeded demo database into <paramref name="database"/> (migrated or not).</summary>
    public static async Task CopyIntoAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            database.ReplaceWithCopyOf(await SeededPostgreSql.Value); // made once, from the seeded template, when not used before
            return;
        }
        var seeded = await Seeded.Value;
        database.CloseConnections();
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(database.Path + suffix);
        await File.WriteAllBytesAsync(database.Path, seeded);
    }

    /// <summary>Writes a copy of the once-seeded demo database (SQLite, WAL mode) to <paramref name="path"/>, e.g. for a <see cref="TestApp"/> to start on.</summary>
    public static async Task WriteSqliteCopyAsync(string path) => await File.WriteAllBytesAsync(path, await Seeded.Value);

    private static async Task<byte[]> SeedOnceAsync()
    {
        using var database = new TestDatabase();
        await SeedAsync(database);
        await using (var db = database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        database.CloseConnections();
        return await File.ReadAllBytesAsync(database.Path);
    }

    /// <summary>On PostgreSQL the seeded database stays for the run as the template of each copy (the server is thrown away after).</summary>
    private static async Task<string> SeedPostgreSqlOnceAsync()
    {
        var database = new TestDatabase();
        await SeedAsync(database);
        database.CloseConnections();
        return TestProvider.DatabaseName(database.ConnectionString);
    }

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
