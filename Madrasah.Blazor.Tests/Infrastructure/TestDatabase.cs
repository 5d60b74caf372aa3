using Madrasah.Blazor.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in a temporary folder, migrated with the app's own migrations, deleted on dispose.
/// Service tests build their services on <see cref="Factory"/> exactly as the app does.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("madrasah-test-").FullName;
    public string Path => System.IO.Path.Combine(Folder, "madrasah.db");
    public string ConnectionString => DataServiceCollectionExtensions.BuildConnectionString(Path, Folder);
    public IDbContextFactory<MadrasahDbContext> Factory { get; }

    /// <param name="migrate">False leaves the file empty, for tests of the start-up that migrates it.</param>
    public TestDatabase(bool migrate = true)
    {
        var options = new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite(ConnectionString).Options;
        Factory = new PooledDbContextFactory<MadrasahDbContext>(options);
        if (!migrate) return;
        using var db = Factory.CreateDbContext();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;"); // as the app's start-up sets it
    }

    public MadrasahDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>A district with one institution, for tests that need an owner for their rows.</summary>
    public async Task<Institution> AddInstitutionAsync(string name = "MIN Uji", string statisticNumber = "111134049999", InstitutionType type = InstitutionType.MI)
    {
        await using var db = CreateContext();
        var district = await db.Districts.FirstOrDefaultAsync()
            ?? new District { Code = "34.04", Name = "Kabupaten Sleman", ProvinceCode = "34", ProvinceName = "Daerah Istimewa Yogyakarta" };
        var institution = new Institution { District = district, Name = name, StatisticNumber = statisticNumber, Type = type, Address = "Jl. Uji No. 1" };
        db.Add(institution);
        await db.SaveChangesAsync();
        return institution;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
