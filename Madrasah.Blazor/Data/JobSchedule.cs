using Madrasah.Blazor.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Data;

/// <summary>When a periodic job last started, shared by every app server.</summary>
public class ScheduledJob
{
    public string Name { get; set; } = "";
    public DateTime LastStartedUtc { get; set; }
}

public class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> b)
    {
        b.HasKey(j => j.Name);
        b.Property(j => j.Name).HasMaxLength(100);
    }
}

/// <summary>
/// Periodic jobs run once per period across every app server: each server asks when its timer ticks, and one
/// conditional update lets exactly one of them start the job (the others see it started already).
/// </summary>
public sealed class JobSchedule(IDbContextFactory<MadrasahDbContext> factory, TimeProvider clock)
{
    /// <summary>True (and the job counts as started now) when <paramref name="name"/> last started at least <paramref name="every"/> ago, or never.</summary>
    public async Task<bool> TryStartAsync(string name, TimeSpan every, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dueBefore = now - every;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var started = await db.Set<ScheduledJob>().Where(j => j.Name == name && j.LastStartedUtc <= dueBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastStartedUtc, now), cancellationToken);
        if (started == 1) return true;
        if (await db.Set<ScheduledJob>().AnyAsync(j => j.Name == name, cancellationToken)) return false;
        db.Add(new ScheduledJob { Name = name, LastStartedUtc = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseEngine.IsUniqueViolation(e))
        {
            return false; // another server started it first
        }
    }
}
