using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("20261122002000_HeadRegistration")]
public partial class HeadRegistration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EmailVerificationTokens",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UsedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                ReplacedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EmailVerificationTokens", x => x.Id);
                table.ForeignKey(
                    name: "FK_EmailVerificationTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_EmailVerificationTokens_TokenHash", table: "EmailVerificationTokens", column: "TokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_EmailVerificationTokens_UserId", table: "EmailVerificationTokens", column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "EmailVerificationTokens");
    }
}
