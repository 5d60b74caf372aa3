using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations
{
    /// <inheritdoc />
    public partial class PontrenRegistrationQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PontrenRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StatisticNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Npsn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Subdistrict = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SkNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SkDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OperatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OperatorNik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OperatorEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    SkUploadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    AssignmentUploadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AccessTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PontrenRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PontrenRegistrations_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PontrenRegistrations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenRegistrations_AccessTokenHash",
                table: "PontrenRegistrations",
                column: "AccessTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PontrenRegistrations_DistrictId_AddressKey",
                table: "PontrenRegistrations",
                columns: new[] { "DistrictId", "AddressKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenRegistrations_DistrictId_Status_SubmittedUtc",
                table: "PontrenRegistrations",
                columns: new[] { "DistrictId", "Status", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenRegistrations_InstitutionId",
                table: "PontrenRegistrations",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_PontrenRegistrations_Number",
                table: "PontrenRegistrations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PontrenRegistrations_StatisticNumber_Status",
                table: "PontrenRegistrations",
                columns: new[] { "StatisticNumber", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PontrenRegistrations");
        }
    }
}
