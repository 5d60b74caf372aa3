using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Madrasah.Blazor.Tests.Data;

public sealed class DatabaseInitializerTests : IAsyncLifetime
{
    // An empty database file: the start-up itself must migrate it.
    private readonly AppServices _app = new(migrate: false);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task StartInitializerAsync() => StartInitializerAsync(_app);

    private static async Task StartInitializerAsync(AppServices app)
    {
        foreach (var service in app.Provider.GetServices<IHostedService>().OfType<DatabaseInitializer>())
            await service.StartAsync(CancellationToken.None);
    }

    /// <summary>The "database" entry of the health checks the app registers (what /healthz answers).</summary>
    private async Task<HealthReportEntry> CheckDatabaseHealthAsync() =>
        (await _app.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["database"];

    [Fact]
    public async Task Start_up_uses_WAL_applies_migrations_and_seeds_demo_data_once()
    {
        await using (var db = _app.Database.CreateContext())
        {
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        }

        // The AppServices environment is not Development: seeding must be asked for.
        var config = _app.Provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        config.SeedDemoData = true;
        await StartInitializerAsync();
        await StartInitializerAsync(); // a restart seeds nothing twice

        await using var check = _app.Database.CreateContext();
        Assert.Equal(1, await check.Districts.CountAsync());
        Assert.Equal(3, await check.Institutions.CountAsync());
        Assert.Equal(9, await check.Users.CountAsync());
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());

        if (_app.Database.Provider != DatabaseProvider.Sqlite) return; // WAL is SQLite's
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
    public async Task Outside_the_demo_the_roles_exist_and_no_account_is_made_without_InitialAdmin()
    {
        await StartInitializerAsync();

        await using var db = _app.Database.CreateContext();
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Empty(await db.Users.ToListAsync());
    }

    [Fact]
    public async Task InitialAdmin_creates_the_first_administrator_once_and_it_can_sign_in()
    {
        await using var app = new AppServices(settings: new Dictionary<string, string?>
        {
            ["InitialAdmin:Email"] = "admin@kemenag.example.id",
            ["InitialAdmin:Password"] = "Mulai#Kemenag2026",
        }, migrate: false);
        await StartInitializerAsync(app);
        await StartInitializerAsync(app); // a restart makes no second administrator

        await using (var scope = app.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admins = await users.GetUsersInRoleAsync(Roles.Admin);
            var admin = Assert.Single(admins);
            Assert.Equal("admin@kemenag.example.id", admin.Email);
            Assert.True(admin.EmailConfirmed);
            Assert.True(await users.CheckPasswordAsync(admin, "Mulai#Kemenag2026"));
        }
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task An_InitialAdmin_password_that_breaks_the_rules_stops_the_start_up_with_the_reason()
    {
        await using var app = new AppServices(settings: new Dictionary<string, string?>
        {
            ["InitialAdmin:Email"] = "admin@kemenag.example.id",
            ["InitialAdmin:Password"] = "password",
        }, migrate: false);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartInitializerAsync(app));
        Assert.Contains("InitialAdmin", error.Message);
        Assert.Contains("huruf besar", error.Message); // Identity's own rule, in Indonesian
    }

    [Fact]
    public async Task Health_check_reports_healthy_when_migrated()
    {
        await StartInitializerAsync();
        var result = await CheckDatabaseHealthAsync();
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Health_check_reports_unhealthy_when_a_migration_is_missing()
    {
        await StartInitializerAsync();
        await using (var db = _app.Database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%_Initial'");
        var result = await CheckDatabaseHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("_Initial", result.Description);
    }
}
