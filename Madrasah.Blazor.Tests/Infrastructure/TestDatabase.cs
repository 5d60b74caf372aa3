using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// A real database of its own, migrated with the app's own migrations, deleted on dispose: a SQLite file in a
/// temporary folder, or, when the run is for PostgreSQL (<see cref="TestProvider"/>), a database of its own on the
/// test server, made from a migrated template. Service tests build their services on <see cref="Factory"/> exactly
/// as the app does. A PostgreSQL database is made when first used, so that one which a test fills with the demo data
/// first (<see cref="DemoSeed.CopyIntoAsync"/>) is made once, as a copy of the seeded template, not made empty and then
/// dropped and made again.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    public DatabaseProvider Provider { get; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("madrasah-test-").FullName;

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string Path => System.IO.Path.Combine(Folder, "madrasah.db");

    private readonly string _connectionString;
    private readonly IDbContextFactory<MadrasahDbContext> _factory;
    private readonly string? _template;
    private readonly Lock _creation = new();
    private bool _created;

    /// <summary>The connection string of this database, for either engine (made now if it was not yet).</summary>
    public string ConnectionString { get { EnsureCreated(); return _connectionString; } }

    public IDbContextFactory<MadrasahDbContext> Factory { get { EnsureCreated(); return _factory; } }

    /// <summary>
    /// The settings that point the app's own registrations at this database. Reading them makes nothing yet: a provider
    /// built on them makes the database when it is first asked for a service (<see cref="AppServices"/>) or at once
    /// (<see cref="AppServices.Register(IServiceCollection, TestDatabase, Action{IServiceCollection, IConfiguration}?, IDictionary{string, string?}?)"/>).
    /// </summary>
    public IDictionary<string, string?> Settings => Provider == DatabaseProvider.PostgreSQL
        ? new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["Database:ConnectionString"] = _connectionString }
        : new Dictionary<string, string?> { ["Database:Path"] = Path };

    /// <summary>Makes the PostgreSQL database (a copy of the migrated template, or empty) unless it exists already.</summary>
    public void EnsureCreated()
    {
        if (Provider != DatabaseProvider.PostgreSQL) return;
        lock (_creation)
        {
            if (_created) return;
            TestProvider.CreatePostgreSqlDatabase(TestProvider.DatabaseName(_connectionString), _template);
            _created = true;
        }
    }

    /// <summary>
    /// Puts a copy of <paramref name="template"/> in place of this PostgreSQL database: made from it if the database was
    /// not made yet, else dropped (with its connections) and made again.
    /// </summary>
    internal void ReplaceWithCopyOf(string template)
    {
        lock (_creation)
        {
            if (_created)
            {
                CloseConnections();
                TestProvider.CopyDatabase(template, _connectionString);
            }
            else TestProvider.CreatePostgreSqlDatabase(TestProvider.DatabaseName(_connectionString), template);
            _created = true;
        }
    }

    /// <param name="migrate">False leaves the database empty, for tests of the start-up that migrates it.</param>
    /// <param name="provider">The engine; unset means the run's (<see cref="TestProvider.Current"/>).</param>
    public TestDatabase(bool migrate = true, DatabaseProvider? provider = null)
    {
        Provider = provider ?? TestProvider.Current;
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            _connectionString = TestProvider.NewPostgreSqlDatabase();
            _template = migrate ? TestProvider.MigratedTemplate : null;
            var options = PostgreSqlDatabase.Configure(new DbContextOptionsBuilder<PostgreSqlMadrasahDbContext>(), _connectionString).Options;
            _factory = PostgreSqlDatabase.AsMadrasahFactory(new PooledDbContextFactory<PostgreSqlMadrasahDbContext>(options));
            return;
        }
        _connectionString = SqliteDatabase.BuildConnectionString(Path, Folder);
        var sqlite = new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite(_connectionString).Options;
        _factory = new PooledDbContextFactory<MadrasahDbContext>(sqlite);
        // A copy of a file migrated once per run, as PostgreSQL copies its template (migrating each took ~0.5 s of CPU).
        if (migrate) File.Copy(SqliteTemplate.Value, Path);
    }

    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate);

    /// <summary>A SQLite file migrated with the app's migrations, in WAL mode as the app's start-up sets it, checkpointed (one file to copy).</summary>
    private static string CreateSqliteTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("madrasah-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        var path = System.IO.Path.Combine(folder, "madrasah.db");
        var connectionString = SqliteDatabase.BuildConnectionString(path, folder);
        using (var db = new MadrasahDbContext(new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite(connectionString).Options))
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;"); // kept in the file's header: every copy opens in WAL mode
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        return path;
    }

    public MadrasahDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>Another factory on this database whose contexts run <paramref name="interceptors"/> (to stage races).</summary>
    public IDbContextFactory<MadrasahDbContext> FactoryWith(params IInterceptor[] interceptors)
    {
        EnsureCreated();
        if (Provider == DatabaseProvider.PostgreSQL)
            return PostgreSqlDatabase.AsMadrasahFactory(new PooledDbContextFactory<PostgreSqlMadrasahDbContext>(
                PostgreSqlDatabase.Configure(new DbContextOptionsBuilder<PostgreSqlMadrasahDbContext>(), ConnectionString).AddInterceptors(interceptors).Options));
        return new PooledDbContextFactory<MadrasahDbContext>(
            new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options);
    }

    /// <summary>A district with one institution, for tests that need an owner for their rows.</summary>
    public async Task<Institution> AddInstitutionAsync(string name = "MIN Uji", string statisticNumber = "111134049999", InstitutionType type = InstitutionType.MI)
    {
        await using var db = CreateContext();
        var district = await db.Districts.FirstOrDefaultAsync()
            ?? new District { Code = "34.04", Name = "Kabupaten Sleman", ProvinceCode = "34", ProvinceName = "Daerah Istimewa Yogyakarta" };
        var institution = new Institution { District = district, Name = name, StatisticNumber = statisticNumber, Type = type, Address = "Jl. Uji No. 1" };
        db.Add(institution);
        await db.SaveChangesAsync();
        return institution;
    }

    /// <summary>Until disposed, every insert into <paramref name="table"/> fails inside the database (a trigger), as a broken disk or constraint would.</summary>
    public IAsyncDisposable RefuseInserts(string table)
    {
        using (var db = CreateContext())
            db.Database.ExecuteSqlRaw(Provider == DatabaseProvider.PostgreSQL
                ? $"CREATE FUNCTION refuse_insert() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$ LANGUAGE plpgsql; " +
                  $"CREATE TRIGGER refuse_insert BEFORE INSERT ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION refuse_insert();"
                : $"CREATE TRIGGER refuse_insert BEFORE INSERT ON \"{table}\" BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;");
        return new Undo(() =>
        {
            using var db = CreateContext();
            db.Database.ExecuteSqlRaw(Provider == DatabaseProvider.PostgreSQL
                ? $"DROP TRIGGER refuse_insert ON \"{table}\"; DROP FUNCTION refuse_insert();"
                : "DROP TRIGGER refuse_insert;");
        });
    }

    private sealed class Undo(Action undo) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            undo();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Forgets every open connection to this database (before its content is replaced or it is dropped).</summary>
    public void CloseConnections()
    {
        if (Provider == DatabaseProvider.PostgreSQL) NpgsqlConnection.ClearPool(new NpgsqlConnection(_connectionString));
        else SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            lock (_creation)
            {
                if (_created) // else never made: nothing to drop
                {
                    CloseConnections();
                    TestProvider.DropPostgreSqlDatabase(_connectionString);
                    _created = false;
                }
            }
        }
        else SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Which engine this test run's <see cref="TestDatabase"/>s use. <c>scripts/test.sh</c> runs the service and component
/// tests twice: on SQLite, then with <c>MADRASAH_TEST_PROVIDER=PostgreSQL</c> and <c>MADRASAH_TEST_POSTGRES</c> naming the
/// throw-away server it started (host, port, user; each test makes its own database there).
/// </summary>
public static class TestProvider
{
    public static DatabaseProvider Current { get; } =
        string.Equals(Environment.GetEnvironmentVariable("MADRASAH_TEST_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSQL
            : DatabaseProvider.Sqlite;

    /// <summary>The test server (no database named): set by scripts/test.sh.</summary>
    public static string Server => Environment.GetEnvironmentVariable("MADRASAH_TEST_POSTGRES")
        ?? throw new InvalidOperationException("MADRASAH_TEST_POSTGRES is not set: run the PostgreSQL pass through scripts/test.sh.");

    private static readonly Lazy<string> Template = new(CreateMigratedTemplate);

    /// <summary>A database migrated once per run, copied by PostgreSQL for each test (far faster than migrating each).</summary>
    public static string MigratedTemplate => Template.Value;

    public static string CreatePostgreSqlDatabase(string? template)
    {
        var connectionString = NewPostgreSqlDatabase();
        CreatePostgreSqlDatabase(DatabaseName(connectionString), template);
        return connectionString;
    }

    /// <summary>The connection string of a database of a new name on the test server, not made yet.</summary>
    public static string NewPostgreSqlDatabase() =>
        new NpgsqlConnectionStringBuilder(Server) { Database = "t_" + Guid.NewGuid().ToString("N") }.ConnectionString;

    /// <summary>Makes the database <paramref name="name"/>: a copy of <paramref name="template"/>, or empty.</summary>
    public static void CreatePostgreSqlDatabase(string name, string? template) =>
        // FILE_COPY copies the template's files (two checkpoints, cheap on the test server without fsync) instead of
        // logging every block of them: a third less time per database, and every service test makes one.
        Execute($"CREATE DATABASE \"{name}\"" + (template is null ? " TEMPLATE template0 ENCODING 'UTF8'" : $" TEMPLATE \"{template}\" STRATEGY FILE_COPY"));

    public static void DropPostgreSqlDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Replaces the content of <paramref name="connectionString"/>'s database with a copy of <paramref name="template"/>'s.</summary>
    public static void CopyDatabase(string template, string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        CreatePostgreSqlDatabase(name, template);
    }

    public static string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    private static string CreateMigratedTemplate()
    {
        var connectionString = CreatePostgreSqlDatabase(null);
        var options = PostgreSqlDatabase.Configure(new DbContextOptionsBuilder<PostgreSqlMadrasahDbContext>(), connectionString).Options;
        using (var db = new PostgreSqlMadrasahDbContext(options)) db.Database.Migrate();
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString)); // a template must have no connections
        return DatabaseName(connectionString);
    }

    /// <summary>Serialised: PostgreSQL refuses to copy a template while another CREATE DATABASE reads it.</summary>
    private static readonly Lock Gate = new();

    private static void Execute(string sql)
    {
        lock (Gate)
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
