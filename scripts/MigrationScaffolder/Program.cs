// Prints a hand-editable EF migration for everything the model has that the existing migrations lack:
// new tables, new columns, new indexes. Usage (from the repository root):
//   dotnet run --project scripts/MigrationScaffolder -- AddTickets > Madrasah.Blazor/Data/Migrations/<stamp>_AddTickets.cs
// Review the output: renames and type changes are not detected and must be written by hand.
using System.Globalization;
using System.Text;
using Madrasah.Blazor.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

var name = args.FirstOrDefault() ?? "NewMigration";
var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var path = Path.Combine(Path.GetTempPath(), $"scaffold-{Guid.NewGuid():N}.db");
try
{
    var options = new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite($"Data Source={path}").Options;
    using var db = new MadrasahDbContext(options);
    db.Database.Migrate();
    var existing = ReadSchema(path);

    var differ = db.GetService<IMigrationsModelDiffer>();
    var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    var operations = differ.GetDifferences(null, model);

    var up = new StringBuilder();
    var down = new StringBuilder();
    foreach (var op in operations)
    {
        switch (op)
        {
            case CreateTableOperation t when !existing.Tables.ContainsKey(t.Name):
                up.Append(CreateTable(t));
                down.Insert(0, $"        migrationBuilder.DropTable(name: \"{t.Name}\");\n");
                break;
            case CreateTableOperation t:
                foreach (var c in t.Columns.Where(c => !existing.Tables[t.Name].Contains(c.Name)))
                {
                    up.Append($"        migrationBuilder.AddColumn<{ClrName(c.ClrType)}>(name: \"{c.Name}\", table: \"{t.Name}\", type: \"{c.ColumnType}\"{ColumnArgs(c)});\n");
                    down.Insert(0, $"        migrationBuilder.DropColumn(name: \"{c.Name}\", table: \"{t.Name}\");\n");
                }
                break;
            case CreateIndexOperation i when !existing.Indexes.Contains(i.Name):
                up.Append($"        migrationBuilder.CreateIndex(name: \"{i.Name}\", table: \"{i.Table}\", {Columns("columns", i.Columns)}{(i.IsUnique ? ", unique: true" : "")}{(i.Filter is null ? "" : $", filter: {Literal(i.Filter)}")});\n");
                if (existing.Tables.ContainsKey(i.Table))
                    down.Insert(0, $"        migrationBuilder.DropIndex(name: \"{i.Name}\", table: \"{i.Table}\");\n");
                break;
        }
    }

    Console.Write($$"""
using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("{{stamp}}_{{name}}")]
public partial class {{name}} : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
{{up}}    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
{{down}}    }
}

""");
}
finally
{
    SqliteConnection.ClearAllPools();
    File.Delete(path);
}

static string CreateTable(CreateTableOperation t)
{
    var sb = new StringBuilder();
    sb.Append($"        migrationBuilder.CreateTable(\n            name: \"{t.Name}\",\n            columns: table => new\n            {{\n");
    foreach (var c in t.Columns)
    {
        var autoincrement = c.FindAnnotation("Sqlite:Autoincrement")?.Value is true ? "\n                    .Annotation(\"Sqlite:Autoincrement\", true)" : "";
        sb.Append($"                {c.Name} = table.Column<{ClrName(c.ClrType)}>(type: \"{c.ColumnType}\"{ColumnArgs(c)}){autoincrement},\n");
    }
    sb.Append("            },\n            constraints: table =>\n            {\n");
    if (t.PrimaryKey is { } pk)
        sb.Append($"                table.PrimaryKey(\"{pk.Name}\", x => {Anonymous(pk.Columns)});\n");
    foreach (var u in t.UniqueConstraints)
        sb.Append($"                table.UniqueConstraint(\"{u.Name}\", x => {Anonymous(u.Columns)});\n");
    foreach (var fk in t.ForeignKeys)
        sb.Append($"                table.ForeignKey(\n                    name: \"{fk.Name}\",\n                    column: x => {Anonymous(fk.Columns)},\n                    principalTable: \"{fk.PrincipalTable}\",\n                    {Columns("principalColumn" + (fk.PrincipalColumns!.Length > 1 ? "s" : ""), fk.PrincipalColumns!, single: fk.PrincipalColumns!.Length == 1)},\n                    onDelete: ReferentialAction.{fk.OnDelete});\n");
    sb.Append("            });\n\n");
    return sb.ToString();
}

static string ColumnArgs(ColumnOperation c)
{
    var parts = new List<string>();
    if (c.MaxLength is { } max) parts.Add($"maxLength: {max}");
    parts.Add($"nullable: {(c.IsNullable ? "true" : "false")}");
    if (c.DefaultValue is { } dv) parts.Add($"defaultValue: {Literal(dv)}");
    if (c.DefaultValueSql is { } dvs) parts.Add($"defaultValueSql: {Literal(dvs)}");
    return ", " + string.Join(", ", parts);
}

static string Anonymous(string[] columns) => columns.Length == 1 ? $"x.{columns[0]}" : "new { " + string.Join(", ", columns.Select(c => "x." + c)) + " }";

static string Columns(string label, string[] columns, bool single = false) =>
    single || columns.Length == 1
        ? $"{label.TrimEnd('s')}: \"{columns[0]}\""
        : $"{label}: new[] {{ {string.Join(", ", columns.Select(c => $"\"{c}\""))} }}";

static string Literal(object value) => value switch
{
    string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
    bool b => b ? "true" : "false",
    DateTime d => $"new DateTime({d.Ticks}L, DateTimeKind.Utc)",
    long l => l + "L",
    _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
};

static string ClrName(Type type)
{
    var nullable = Nullable.GetUnderlyingType(type);
    var t = nullable ?? type;
    var name = t == typeof(int) ? "int" : t == typeof(long) ? "long" : t == typeof(string) ? "string" : t == typeof(bool) ? "bool"
        : t == typeof(byte[]) ? "byte[]" : t == typeof(decimal) ? "decimal" : t == typeof(double) ? "double" : t.Name;
    return nullable is null ? name : name + "?";
}

static (Dictionary<string, HashSet<string>> Tables, HashSet<string> Indexes) ReadSchema(string path)
{
    using var connection = new SqliteConnection($"Data Source={path}");
    connection.Open();
    var tables = new Dictionary<string, HashSet<string>>();
    var indexes = new HashSet<string>();
    using (var cmd = connection.CreateCommand())
    {
        cmd.CommandText = "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (r.GetString(0) == "table") tables[r.GetString(1)] = [];
            else if (r.GetString(0) == "index") indexes.Add(r.GetString(1));
        }
    }
    foreach (var table in tables.Keys)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var r = cmd.ExecuteReader();
        while (r.Read()) tables[table].Add(r.GetString(0));
    }
    return (tables, indexes);
}
