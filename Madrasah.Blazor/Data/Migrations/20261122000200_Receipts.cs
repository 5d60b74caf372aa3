using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("20261122000200_Receipts")]
public partial class Receipts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReceiptCounters",
            columns: table => new
            {
                Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                Year = table.Column<int>(type: "INTEGER", nullable: false),
                LastNumber = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReceiptCounters", x => new { x.Kind, x.Year });
            });

        migrationBuilder.CreateTable(
            name: "Receipts",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                InstitutionName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                IssuedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                IssuedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                FactsJson = table.Column<string>(type: "TEXT", nullable: false),
                PdfBytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Receipts", x => x.Id);
            });

        migrationBuilder.CreateIndex(name: "IX_Receipts_InstitutionId_IssuedUtc", table: "Receipts", columns: new[] { "InstitutionId", "IssuedUtc" });
        migrationBuilder.CreateIndex(name: "IX_Receipts_Number", table: "Receipts", column: "Number", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Receipts");
        migrationBuilder.DropTable(name: "ReceiptCounters");
    }
}
