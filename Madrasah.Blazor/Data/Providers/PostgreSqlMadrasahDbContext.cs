using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Madrasah.Blazor.Data.Providers;

/// <summary>
/// The same model on PostgreSQL. Its own type only so that its migrations (in <c>Data/Migrations/PostgreSql</c>) are
/// kept apart from the SQLite ones; the app asks for <see cref="MadrasahDbContext"/> everywhere and gets this one when
/// <c>Database:Provider</c> is PostgreSQL.
/// </summary>
public sealed class PostgreSqlMadrasahDbContext(DbContextOptions<PostgreSqlMadrasahDbContext> options) : MadrasahDbContext(options);

/// <summary>
/// The PostgreSQL context as <c>dotnet ef migrations add … --context PostgreSqlMadrasahDbContext</c> builds it: the
/// model alone; no server is contacted to add a migration.
/// </summary>
public sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlMadrasahDbContext>
{
    public PostgreSqlMadrasahDbContext CreateDbContext(string[] args) =>
        new(PostgreSqlDatabase.Configure(new DbContextOptionsBuilder<PostgreSqlMadrasahDbContext>(), "Host=localhost;Database=madrasah_design_time").Options);
}
