using System;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations;

[DbContext(typeof(MadrasahDbContext))]
[Migration("20261122000000_Initial")]
public partial class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                EntityType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                EntityId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Districts",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                ProvinceName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Districts", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                RoleId = table.Column<string>(type: "TEXT", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Institutions",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                Type = table.Column<int>(type: "INTEGER", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                StatisticNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Npsn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Village = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                Subdistrict = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                PostalCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Website = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Accreditation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                HeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                HeadNik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                StudentCount = table.Column<int>(type: "INTEGER", nullable: false),
                TeacherCount = table.Column<int>(type: "INTEGER", nullable: false),
                Facilities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                RegistrationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                RegistrationCodeExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Institutions", x => x.Id);
                table.ForeignKey(
                    name: "FK_Institutions_Districts_DistrictId",
                    column: x => x.DistrictId,
                    principalTable: "Districts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", nullable: false),
                FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Districts_DistrictId",
                    column: x => x.DistrictId,
                    principalTable: "Districts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Staff",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Nip = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Position = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
                Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                EmailVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Staff", x => x.Id);
                table.ForeignKey(
                    name: "FK_Staff_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                RoleId = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Value = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_AspNetRoleClaims_RoleId", table: "AspNetRoleClaims", column: "RoleId");
        migrationBuilder.CreateIndex(name: "RoleNameIndex", table: "AspNetRoles", column: "NormalizedName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetUserClaims_UserId", table: "AspNetUserClaims", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserLogins_UserId", table: "AspNetUserLogins", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserRoles_RoleId", table: "AspNetUserRoles", column: "RoleId");
        migrationBuilder.CreateIndex(name: "EmailIndex", table: "AspNetUsers", column: "NormalizedEmail");
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_DistrictId", table: "AspNetUsers", column: "DistrictId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_InstitutionId", table: "AspNetUsers", column: "InstitutionId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_Nik", table: "AspNetUsers", column: "Nik");
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_DistrictId_OccurredUtc", table: "AuditEntries", columns: new[] { "DistrictId", "OccurredUtc" });
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_EntityType_EntityId", table: "AuditEntries", columns: new[] { "EntityType", "EntityId" });
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_InstitutionId_OccurredUtc", table: "AuditEntries", columns: new[] { "InstitutionId", "OccurredUtc" });
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_OccurredUtc", table: "AuditEntries", column: "OccurredUtc");
        migrationBuilder.CreateIndex(name: "IX_Districts_Code", table: "Districts", column: "Code", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Institutions_DistrictId", table: "Institutions", column: "DistrictId");
        migrationBuilder.CreateIndex(name: "IX_Institutions_HeadNik", table: "Institutions", column: "HeadNik");
        migrationBuilder.CreateIndex(name: "IX_Institutions_Npsn", table: "Institutions", column: "Npsn", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Institutions_RegistrationCode", table: "Institutions", column: "RegistrationCode", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Institutions_StatisticNumber", table: "Institutions", column: "StatisticNumber", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Staff_InstitutionId", table: "Staff", column: "InstitutionId");
        migrationBuilder.CreateIndex(name: "IX_Staff_Nik", table: "Staff", column: "Nik", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Staff_Nip", table: "Staff", column: "Nip", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Staff_UserId", table: "Staff", column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "Staff");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "Institutions");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "Districts");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
