using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("20261122000500_Regions")]
public partial class Regions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Provinces",
            columns: table => new
            {
                Code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Provinces", x => x.Code);
            });

        migrationBuilder.CreateTable(
            name: "Regencies",
            columns: table => new
            {
                Code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Regencies", x => x.Code);
                table.ForeignKey(
                    name: "FK_Regencies_Provinces_ProvinceCode",
                    column: x => x.ProvinceCode,
                    principalTable: "Provinces",
                    principalColumn: "Code",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Regencies_ProvinceCode", table: "Regencies", column: "ProvinceCode");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Regencies");
        migrationBuilder.DropTable(name: "Provinces");
    }
}
