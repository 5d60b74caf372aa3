using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Madrasah.Blazor.Data;

/// <summary>
/// The context as <c>dotnet ef</c> builds it to add a migration: the model alone over SQLite, without starting the
/// app's host (no configuration, no folders created, no font lookup). The database file is never opened.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MadrasahDbContext>
{
    public MadrasahDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
