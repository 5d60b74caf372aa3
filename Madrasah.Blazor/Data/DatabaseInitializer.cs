using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Data;

/// <summary>
/// Applies the EF migrations (never EnsureCreated) and prepares the engine (SQLite: WAL; PostgreSQL: creates the database) before the app serves
/// anything; creates the roles, seeds demo data when configured, and the first administrator from InitialAdmin.
/// Runs as the first hosted service, so start-up waits for it.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<MadrasahDbContext> factory,
    IServiceProvider services,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.PrepareAsync(cancellationToken);
        // A new database has no history table yet; asking it for applied migrations would log a failed query.
        var applied = await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
            ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList()
            : [];
        var unknown = applied.Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
            throw new CannotStartException(
                $"the database {options.Value.Describe()} was written by another version of Madrasah (its migrations {string.Join(", ", unknown)} are not this version's). " +
                "Keep it aside and point Database:Path at a new file; a development database can simply be deleted (the demo data is seeded again).");
        var pending = db.Database.GetMigrations().Except(applied).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await RegionData.SeedAsync(db, cancellationToken);

        await using var scope = services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IdentityBootstrap>();
        await identity.EnsureRolesAsync();
        if (options.Value.SeedDemoData ?? environment.IsDevelopment())
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
        await identity.EnsureAdministratorAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
