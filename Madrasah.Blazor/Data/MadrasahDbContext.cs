using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Data;

/// <summary>
/// The one model of the application: Identity plus every feature's entities, each mapped beside its class. This type
/// carries the SQLite migrations; <see cref="Providers.PostgreSqlMadrasahDbContext"/> is the same model with the
/// PostgreSQL ones (EF's documented way to keep a migration set per provider).
/// </summary>
public class MadrasahDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public MadrasahDbContext(DbContextOptions<MadrasahDbContext> options) : base(options) { }

    /// <summary>For the provider-specific subclass, whose options are typed by it.</summary>
    protected MadrasahDbContext(DbContextOptions options) : base(options) { }

    public DbSet<District> Districts => Set<District>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Staff> Staff => Set<Staff>();

    /// <summary>ASP.NET data-protection keys, shared by every app server on PostgreSQL (a cookie made by one opens on another).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private List<string>? _topicsAfterCommit;

    /// <summary>
    /// Live topics this unit of work changes: <see cref="AfterCommitInterceptor"/> publishes them once it commits (at
    /// the commit of the open transaction, or at the next successful SaveChanges when none is open) and drops them
    /// when it fails or rolls back. Call it before that commit; the topics of outbox messages need no call.
    /// </summary>
    public void PublishAfterCommit(params IEnumerable<string> topics) => (_topicsAfterCommit ??= []).AddRange(topics);

    /// <summary>The topics queued so far, left queued.</summary>
    internal IReadOnlyList<string> PeekTopicsAfterCommit() => _topicsAfterCommit is { } topics ? [.. topics] : [];

    /// <summary>The topics queued so far, and none from now on.</summary>
    internal List<string>? TakeTopicsAfterCommit() => Interlocked.Exchange(ref _topicsAfterCommit, null);

    public override void Dispose()
    {
        _topicsAfterCommit = null; // a pooled context starts its next unit of work with none
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _topicsAfterCommit = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MadrasahDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime in the model is UTC; SQLite forgets the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
