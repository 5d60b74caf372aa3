using Madrasah.Blazor.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Data;

/// <summary>
/// There is no model snapshot (the EF Design package cannot be restored here), so this test is the guard:
/// the schema the migrations build must equal the schema the model describes. When it fails, run
/// <c>dotnet run --project scripts/MigrationScaffolder -- Name</c> to print the missing migration.
/// </summary>
public sealed class MigrationsMatchModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("madrasah-schema-").FullName;

    [Fact]
    public void Migrated_schema_equals_the_model_schema()
    {
        var migrated = Path.Combine(_folder, "migrated.db");
        var fromModel = Path.Combine(_folder, "model.db");

        using (var db = Context(migrated)) db.Database.Migrate();
        using (var db = Context(fromModel))
        {
            var script = db.Database.GenerateCreateScript();
            using var connection = new SqliteConnection($"Data Source={fromModel}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = script;
            command.ExecuteNonQuery();
        }

        var expected = Describe(fromModel);
        var actual = Describe(migrated);
        Assert.True(expected.SequenceEqual(actual),
            "The migrations do not build the model's schema.\nOnly in the model:\n  " + string.Join("\n  ", expected.Except(actual)) +
            "\nOnly in the migrations:\n  " + string.Join("\n  ", actual.Except(expected)) +
            "\nRun: dotnet run --project scripts/MigrationScaffolder -- <Name>");
    }

    [Fact]
    public void Every_migration_is_applied_and_recorded()
    {
        using var db = Context(Path.Combine(_folder, "history.db"));
        db.Database.Migrate();
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        Assert.Contains("20261122000000_Initial", db.Database.GetAppliedMigrations());
    }

    private static MadrasahDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite($"Data Source={path}").Options);

    /// <summary>Tables with columns (type, not-null, default, primary key), indexes and foreign keys, one line each, sorted.</summary>
    private static List<string> Describe(string path)
    {
        var lines = new List<string>();
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF'")
            .Select(r => r[0]).ToList();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            foreach (var c in Query(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"))
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} default={c[3]} pk={c[4]}");
            foreach (var i in Query(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var columns = string.Join(",", Query(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno").Select(r => r[0]));
                lines.Add($"index {table}.{i[0]} ({columns}) unique={i[1]}");
            }
            foreach (var f in Query(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                lines.Add($"fk {table}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i))).ToArray());
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
