using Madrasah.Blazor.Data;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Madrasah.Blazor.Tests.Data;

public sealed class DatabaseInitializerTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task StartInitializerAsync()
    {
        foreach (var service in _app.Provider.GetServices<IHostedService>().OfType<DatabaseInitializer>())
            await service.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Start_up_uses_WAL_applies_migrations_and_seeds_demo_data_once()
    {
        // The AppServices environment is not Development: seeding must be asked for.
        await using (var db = _app.Database.CreateContext())
            Assert.Empty(await db.Districts.ToListAsync());

        var config = _app.Provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        config.SeedDemoData = true;
        await StartInitializerAsync();
        await StartInitializerAsync(); // a restart seeds nothing twice

        await using var check = _app.Database.CreateContext();
        Assert.Equal(1, await check.Districts.CountAsync());
        Assert.Equal(3, await check.Institutions.CountAsync());
        Assert.Equal(9, await check.Users.CountAsync());
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());

        await using var connection = new SqliteConnection($"Data Source={_app.Database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Provinces_and_regencies_are_loaded_in_every_environment()
    {
        await StartInitializerAsync();
        await using var db = _app.Database.CreateContext();
        Assert.Equal(38, await db.Set<Province>().CountAsync());
        Assert.Equal(514, await db.Set<Regency>().CountAsync());
        var sleman = await db.Set<Regency>().Include(r => r.Province).SingleAsync(r => r.Code == "34.04");
        Assert.Equal("Kabupaten Sleman", sleman.Name);
        Assert.Equal("Daerah Istimewa Yogyakarta", sleman.Province.Name);
        Assert.Equal("DKI Jakarta", (await db.Set<Province>().SingleAsync(p => p.Code == "31")).Name);
    }

    [Fact]
    public async Task Health_check_reports_healthy_when_migrated()
    {
        var check = new DatabaseHealthCheck(_app.Database.Factory);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Health_check_reports_unhealthy_when_a_migration_is_missing()
    {
        await using (var db = _app.Database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%Uploads'");
        var result = await new DatabaseHealthCheck(_app.Database.Factory).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("Uploads", result.Description);
    }
}
