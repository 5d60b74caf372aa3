using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Madrasah.Blazor.Data.Providers;

/// <summary>
/// PostgreSQL through Npgsql: the app's context factory hands out <see cref="PostgreSqlMadrasahDbContext"/> as
/// <see cref="MadrasahDbContext"/>, so features never know which engine they run on.
/// </summary>
public static class PostgreSqlDatabase
{
    public static IServiceCollection AddPostgreSqlDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("Database:Provider is PostgreSQL but Database:ConnectionString is empty.");
        var connectionString = options.ConnectionString;
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build()); // made by the container, so disposed with it
        services.AddDbContextFactory<PostgreSqlMadrasahDbContext>((sp, o) => Configure(o, sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetRequiredService<AfterCommitInterceptor>()));
        services.AddSingleton(sp => AsMadrasahFactory(sp.GetRequiredService<IDbContextFactory<PostgreSqlMadrasahDbContext>>()));
        services.AddScoped<MadrasahDbContext>(sp => sp.GetRequiredService<PostgreSqlMadrasahDbContext>());
        services.AddSingleton<PostgreSqlLiveUpdates>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlLiveUpdates>());
        return services;
    }

    /// <summary>
    /// Creates the configured database when the server has none of that name (EF would too, but only after logging a
    /// failed connection as an error), through the server's maintenance database.
    /// </summary>
    public static async Task CreateIfMissingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("Database:ConnectionString names no Database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        try { await create.ExecuteNonQueryAsync(cancellationToken); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { } // another server created it first
    }

    public static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, string connectionString) where T : DbContext =>
        (DbContextOptionsBuilder<T>)builder.UseNpgsql(connectionString).AddInterceptors(CaseInsensitiveLike.Instance);

    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource).AddInterceptors(CaseInsensitiveLike.Instance);

    /// <summary>The PostgreSQL factory as the one every feature asks for.</summary>
    public static IDbContextFactory<MadrasahDbContext> AsMadrasahFactory(IDbContextFactory<PostgreSqlMadrasahDbContext> factory) => new UpcastFactory(factory);

    private sealed class UpcastFactory(IDbContextFactory<PostgreSqlMadrasahDbContext> inner) : IDbContextFactory<MadrasahDbContext>
    {
        public MadrasahDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<MadrasahDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }

    /// <summary>
    /// The search boxes use <c>EF.Functions.Like</c>, which SQLite compares without case; PostgreSQL's LIKE minds case,
    /// so every such call becomes ILIKE here, once, instead of in each feature.
    /// </summary>
    private sealed class CaseInsensitiveLike : ExpressionVisitor, IQueryExpressionInterceptor
    {
        public static readonly CaseInsensitiveLike Instance = new();

        private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

        private static readonly MethodInfo LikeNoEscape = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string)])!;

        private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
            [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

        private static readonly MethodInfo ILikeNoEscape = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
            [typeof(DbFunctions), typeof(string), typeof(string)])!;

        public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method == Like) return Expression.Call(ILike, node.Arguments.Select(Visit)!);
            if (node.Method == LikeNoEscape) return Expression.Call(ILikeNoEscape, node.Arguments.Select(Visit)!);
            return base.VisitMethodCall(node);
        }
    }
}
