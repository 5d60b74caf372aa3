using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations
{
    /// <inheritdoc />
    public partial class PontrenDataAndSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FoundedOn",
                table: "Institutions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SkDate",
                table: "Institutions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkNumber",
                table: "Institutions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MasterFacilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    GoodCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LightlyDamagedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HeavilyDamagedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSyncedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSyncRunId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MasterFacilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MasterFacilities_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MasterGtk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nip = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EmploymentStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSyncedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSyncedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSyncRunId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MasterGtk", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MasterGtk_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MasterSantri",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nisn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthPlace = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSyncedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSyncedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSyncRunId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MasterSantri", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MasterSantri_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PontrenFacilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    GoodCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LightlyDamagedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HeavilyDamagedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PontrenFacilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PontrenFacilities_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PontrenGtk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nip = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Position = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EmploymentStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PontrenGtk", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PontrenGtk_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PontrenSantri",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nisn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthPlace = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PontrenSantri", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PontrenSantri_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PontrenSyncRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    SantriAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    SantriChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    SantriUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    SantriRemoved = table.Column<int>(type: "INTEGER", nullable: false),
                    SantriFlagged = table.Column<int>(type: "INTEGER", nullable: false),
                    GtkAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    GtkChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    GtkUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    GtkRemoved = table.Column<int>(type: "INTEGER", nullable: false),
                    FacilitiesChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReceiptId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PontrenSyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PontrenSyncRuns_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PontrenSyncFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SyncRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PontrenSyncFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PontrenSyncFlags_PontrenSyncRuns_SyncRunId",
                        column: x => x.SyncRunId,
                        principalTable: "PontrenSyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MasterFacilities_InstitutionId_Kind",
                table: "MasterFacilities",
                columns: new[] { "InstitutionId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MasterGtk_InstitutionId_Nik",
                table: "MasterGtk",
                columns: new[] { "InstitutionId", "Nik" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MasterGtk_Nik_IsActive",
                table: "MasterGtk",
                columns: new[] { "Nik", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_MasterSantri_InstitutionId_Nik",
                table: "MasterSantri",
                columns: new[] { "InstitutionId", "Nik" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MasterSantri_Nik_IsActive",
                table: "MasterSantri",
                columns: new[] { "Nik", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenFacilities_InstitutionId_Kind",
                table: "PontrenFacilities",
                columns: new[] { "InstitutionId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PontrenGtk_InstitutionId_Nik",
                table: "PontrenGtk",
                columns: new[] { "InstitutionId", "Nik" });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenGtk_InstitutionId_Nip",
                table: "PontrenGtk",
                columns: new[] { "InstitutionId", "Nip" });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenSantri_InstitutionId_Nik",
                table: "PontrenSantri",
                columns: new[] { "InstitutionId", "Nik" });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenSyncFlags_SyncRunId",
                table: "PontrenSyncFlags",
                column: "SyncRunId");

            migrationBuilder.CreateIndex(
                name: "IX_PontrenSyncRuns_InstitutionId_RequestedUtc",
                table: "PontrenSyncRuns",
                columns: new[] { "InstitutionId", "RequestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenSyncRuns_OneOpenPerInstitution",
                table: "PontrenSyncRuns",
                column: "InstitutionId",
                unique: true,
                filter: "\"Status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_PontrenSyncRuns_Status_RequestedUtc",
                table: "PontrenSyncRuns",
                columns: new[] { "Status", "RequestedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MasterFacilities");

            migrationBuilder.DropTable(
                name: "MasterGtk");

            migrationBuilder.DropTable(
                name: "MasterSantri");

            migrationBuilder.DropTable(
                name: "PontrenFacilities");

            migrationBuilder.DropTable(
                name: "PontrenGtk");

            migrationBuilder.DropTable(
                name: "PontrenSantri");

            migrationBuilder.DropTable(
                name: "PontrenSyncFlags");

            migrationBuilder.DropTable(
                name: "PontrenSyncRuns");

            migrationBuilder.DropColumn(
                name: "FoundedOn",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "SkDate",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "SkNumber",
                table: "Institutions");
        }
    }
}
