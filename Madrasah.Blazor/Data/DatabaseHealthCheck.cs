using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Madrasah.Blazor.Data;

/// <summary>Healthy when the database answers and every migration in the assembly has been applied.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<MadrasahDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("Database tidak dapat dihubungi.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database siap.")
                : HealthCheckResult.Unhealthy($"Migrasi belum diterapkan: {string.Join(", ", pending)}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Database tidak dapat dihubungi.", ex);
        }
    }
}
