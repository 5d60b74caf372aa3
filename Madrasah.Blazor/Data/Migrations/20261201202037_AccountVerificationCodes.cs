using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountVerificationCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountVerificationCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReplacedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Tries = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountVerificationCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountVerificationCodes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccountVerificationCodes_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountVerificationCodes_StaffId",
                table: "AccountVerificationCodes",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountVerificationCodes_UserId_CreatedUtc",
                table: "AccountVerificationCodes",
                columns: new[] { "UserId", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountVerificationCodes");
        }
    }
}
