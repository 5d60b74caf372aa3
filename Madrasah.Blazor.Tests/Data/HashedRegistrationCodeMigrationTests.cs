using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Madrasah.Blazor.Tests.Data;

/// <summary>
/// Issue 9, item 7: the migration that stores registration codes as hashes invalidates the plain codes a database
/// already holds (they cannot be hashed in SQL): nothing of them is left, and their expiry goes with them.
/// </summary>
public sealed class HashedRegistrationCodeMigrationTests : IDisposable
{
    private readonly TestDatabase _database = new(migrate: false, provider: DatabaseProvider.Sqlite); // the SQLite migrations of an older version

    [Fact]
    public async Task Plain_codes_of_an_older_database_are_invalidated()
    {
        await using var db = _database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var hashing = migrations.Single(m => m.EndsWith("_HashedRegistrationCodeAndTextLimits", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[migrations.IndexOf(hashing) - 1]);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Districts (Id, Code, Name, ProvinceCode, ProvinceName) VALUES (1, '34.04', 'Kabupaten Sleman', '34', 'Daerah Istimewa Yogyakarta');
            INSERT INTO Institutions (DistrictId, Type, Name, StatisticNumber, Address, StudentCount, TeacherCount, Version, RegistrationCode, RegistrationCodeExpiresUtc)
            VALUES (1, 1, 'MIN Uji', '111134049999', 'Jl. Uji', 0, 0, 0, 'ABCDE23456', '2099-01-01 00:00:00');
            """);

        await migrator.MigrateAsync();

        var institution = await db.Institutions.AsNoTracking().SingleAsync();
        Assert.Null(institution.RegistrationCodeHash);
        Assert.Null(institution.RegistrationCodeExpiresUtc);
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Institutions')").ToListAsync();
        Assert.DoesNotContain("RegistrationCode", columns);
        Assert.Contains("RegistrationCodeHash", columns);
    }

    public void Dispose() => _database.Dispose();
}
