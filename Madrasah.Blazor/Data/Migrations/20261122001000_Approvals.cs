using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("20261122001000_Approvals")]
public partial class Approvals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChangeRequests",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                OperatorNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                DistrictReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                Revision = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChangeRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_ChangeRequests_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ChangeRequestEvents",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ChangeRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                ActorRole = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                Action = table.Column<int>(type: "INTEGER", nullable: false),
                FieldLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChangeRequestEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_ChangeRequestEvents_ChangeRequests_ChangeRequestId",
                    column: x => x.ChangeRequestId,
                    principalTable: "ChangeRequests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChangeRequestFields",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ChangeRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                FieldKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                OldValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                NewValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                HeadDecision = table.Column<int>(type: "INTEGER", nullable: false),
                HeadReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                DistrictDecision = table.Column<int>(type: "INTEGER", nullable: false),
                DistrictReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChangeRequestFields", x => x.Id);
                table.ForeignKey(
                    name: "FK_ChangeRequestFields_ChangeRequests_ChangeRequestId",
                    column: x => x.ChangeRequestId,
                    principalTable: "ChangeRequests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ChangeRequestEvents_ChangeRequestId_OccurredUtc", table: "ChangeRequestEvents", columns: new[] { "ChangeRequestId", "OccurredUtc" });
        migrationBuilder.CreateIndex(name: "IX_ChangeRequestFields_ChangeRequestId_FieldKey", table: "ChangeRequestFields", columns: new[] { "ChangeRequestId", "FieldKey" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_ChangeRequests_InstitutionId_Status", table: "ChangeRequests", columns: new[] { "InstitutionId", "Status" });
        migrationBuilder.CreateIndex(name: "IX_ChangeRequests_Status_SubmittedUtc", table: "ChangeRequests", columns: new[] { "Status", "SubmittedUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ChangeRequestFields");
        migrationBuilder.DropTable(name: "ChangeRequestEvents");
        migrationBuilder.DropTable(name: "ChangeRequests");
    }
}
