using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("20261122000100_Email")]
public partial class Email : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                TextBody = table.Column<string>(type: "TEXT", nullable: false),
                CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxMessages", x => x.Id);
            });

        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_CreatedUtc", table: "OutboxMessages", column: "CreatedUtc");
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_InstitutionId", table: "OutboxMessages", column: "InstitutionId");
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_Status_NextAttemptUtc", table: "OutboxMessages", columns: new[] { "Status", "NextAttemptUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OutboxMessages");
    }
}
