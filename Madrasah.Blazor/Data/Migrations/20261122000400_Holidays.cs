using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("20261122000400_Holidays")]
public partial class Holidays : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Holidays",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Holidays", x => x.Id);
            });

        migrationBuilder.CreateIndex(name: "IX_Holidays_Date", table: "Holidays", column: "Date", unique: true);

        // SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025: national holidays and collective leave of 2026. For 2027 only
        // the fixed-date holidays: the administrator adds the rest at /admin/hari-libur once the decree is out.
        migrationBuilder.InsertData(
            table: "Holidays",
            columns: new[] { "Date", "Name", "Kind" },
            columnTypes: new[] { "TEXT", "TEXT", "INTEGER" },
            values: new object[,]
            {
                { "2026-01-01", "Tahun Baru 2026 Masehi", 1 },
                { "2026-01-16", "Isra Mikraj Nabi Muhammad SAW", 1 },
                { "2026-02-16", "Cuti Bersama Tahun Baru Imlek", 2 },
                { "2026-02-17", "Tahun Baru Imlek 2577 Kongzili", 1 },
                { "2026-03-18", "Cuti Bersama Hari Suci Nyepi", 2 },
                { "2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)", 1 },
                { "2026-03-20", "Cuti Bersama Idul Fitri", 2 },
                { "2026-03-21", "Hari Raya Idul Fitri 1447 Hijriah", 1 },
                { "2026-03-22", "Hari Raya Idul Fitri 1447 Hijriah", 1 },
                { "2026-03-23", "Cuti Bersama Idul Fitri", 2 },
                { "2026-03-24", "Cuti Bersama Idul Fitri", 2 },
                { "2026-04-03", "Wafat Yesus Kristus", 1 },
                { "2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", 1 },
                { "2026-05-01", "Hari Buruh Internasional", 1 },
                { "2026-05-14", "Kenaikan Yesus Kristus", 1 },
                { "2026-05-15", "Cuti Bersama Kenaikan Yesus Kristus", 2 },
                { "2026-05-27", "Hari Raya Idul Adha 1447 Hijriah", 1 },
                { "2026-05-28", "Cuti Bersama Idul Adha", 2 },
                { "2026-05-31", "Hari Raya Waisak 2570 BE", 1 },
                { "2026-06-01", "Hari Lahir Pancasila", 1 },
                { "2026-06-16", "1 Muharam Tahun Baru Islam 1448 Hijriah", 1 },
                { "2026-08-17", "Proklamasi Kemerdekaan", 1 },
                { "2026-08-25", "Maulid Nabi Muhammad SAW", 1 },
                { "2026-12-24", "Cuti Bersama Kelahiran Yesus Kristus", 2 },
                { "2026-12-25", "Kelahiran Yesus Kristus", 1 },
                { "2027-01-01", "Tahun Baru 2027 Masehi", 1 },
                { "2027-05-01", "Hari Buruh Internasional", 1 },
                { "2027-06-01", "Hari Lahir Pancasila", 1 },
                { "2027-08-17", "Proklamasi Kemerdekaan", 1 },
                { "2027-12-25", "Kelahiran Yesus Kristus", 1 },
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Holidays");
    }
}
