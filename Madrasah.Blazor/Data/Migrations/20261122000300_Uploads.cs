using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("20261122000300_Uploads")]
public partial class Uploads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Uploads",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                OriginalName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Uploads", x => x.Id);
            });

        migrationBuilder.CreateIndex(name: "IX_Uploads_InstitutionId", table: "Uploads", column: "InstitutionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Uploads");
    }
}
