using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Madrasah.Blazor.Tests.Data;

/// <summary>
/// The migrations are made by <c>dotnet ef</c> and carry a model snapshot. When the first test fails, the model has
/// changed without a migration: <c>dotnet tool restore</c>, then
/// <c>dotnet tool run dotnet-ef migrations add &lt;Name&gt; --project Madrasah.Blazor --context MadrasahDbContext --output-dir Data/Migrations</c>
/// and the same for PostgreSQL (<c>--context PostgreSqlMadrasahDbContext --output-dir Data/Migrations/PostgreSql</c>).
/// </summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly TestDatabase _database = new(migrate: false, provider: DatabaseProvider.Sqlite);

    private static DbContextOptionsBuilder<MadrasahDbContext> Sqlite() =>
        new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite("Data Source=:memory:");

    [Fact]
    public void The_model_has_no_changes_without_a_migration()
    {
        using var db = new MadrasahDbContext(Sqlite().Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no migration holds. Run: dotnet tool restore && " +
            "dotnet tool run dotnet-ef migrations add <Name> --project Madrasah.Blazor --output-dir Data/Migrations");
    }

    [Fact]
    public void The_PostgreSQL_model_has_no_changes_without_a_migration()
    {
        using var db = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the PostgreSQL migrations do not hold. Run: dotnet tool restore && " +
            "dotnet tool run dotnet-ef migrations add <Name> --project Madrasah.Blazor --context PostgreSqlMadrasahDbContext --output-dir Data/Migrations/PostgreSql");
    }

    [Fact]
    public void The_check_sees_a_change_of_the_model()
    {
        using var db = new MadrasahDbContext(Sqlite().ReplaceService<IModelCustomizer, ModelWithOneMoreColumn>().Options);
        Assert.True(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void An_empty_database_gets_every_migration_with_the_holiday_decree()
    {
        using var db = _database.CreateContext();
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetPendingMigrations());
        db.Database.Migrate();
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        Assert.EndsWith("_Initial", db.Database.GetAppliedMigrations().First());
        Assert.Equal(25, db.Set<Holiday>().Count(h => h.Date.Year == 2026)); // seeded by the migration (HasData)
    }

    /// <summary>The app's model plus one column, as a forgotten migration would leave it.</summary>
    private sealed class ModelWithOneMoreColumn(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Holiday>().Property<string>("Province").HasMaxLength(2);
        }
    }

    public void Dispose() => _database.Dispose();
}
