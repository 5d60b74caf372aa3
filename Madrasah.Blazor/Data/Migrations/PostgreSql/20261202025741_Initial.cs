using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Madrasah.Blazor.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    Action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    EntityId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Districts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ProvinceName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Districts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpdeskCannedReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpdeskCannedReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpdeskTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Group = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpdeskTopics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpdeskTopics_HelpdeskTopics_ParentId",
                        column: x => x.ParentId,
                        principalTable: "HelpdeskTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Holidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    To = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    HtmlBody = table.Column<string>(type: "text", nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Provinces",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provinces", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ReceiptCounters",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptCounters", x => new { x.Kind, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Receipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    InstitutionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IssuedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FactsJson = table.Column<string>(type: "text", nullable: false),
                    SectionsJson = table.Column<string>(type: "text", nullable: false),
                    PdfBytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VerificationCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Receipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OriginalName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Uploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StatisticNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Npsn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Village = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Subdistrict = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Website = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Accreditation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SkNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SkDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HeadName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HeadNik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    StudentCount = table.Column<int>(type: "integer", nullable: false),
                    TeacherCount = table.Column<int>(type: "integer", nullable: false),
                    Facilities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RegistrationCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RegistrationCodeExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "HelpdeskTickets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    UserType = table.Column<int>(type: "integer", nullable: false),
                    ReportTypeId = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    BelajarIdAccount = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Jenjang = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Npsn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ProvinceName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegencyCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    RegencyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ChecklistTicked = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QueueSortKey = table.Column<long>(type: "bigint", nullable: false),
                    PausedRemainingTicks = table.Column<long>(type: "bigint", nullable: true),
                    InfoRequestedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemindersSent = table.Column<int>(type: "integer", nullable: false),
                    NextFollowUpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AutoClosed = table.Column<bool>(type: "boolean", nullable: false),
                    FirstAnsweredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssignedToUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssignedToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AccessTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccessTokenSealed = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpdeskTickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpdeskTickets_HelpdeskTopics_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "HelpdeskTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HelpdeskTickets_HelpdeskTopics_ReportTypeId",
                        column: x => x.ReportTypeId,
                        principalTable: "HelpdeskTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Regencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
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
                name: "ChangeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OperatorNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DistrictReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
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
                name: "MachineOutages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Session = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MachineOutages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MachineOutages_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MasterFacilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    GoodCount = table.Column<int>(type: "integer", nullable: false),
                    LightlyDamagedCount = table.Column<int>(type: "integer", nullable: false),
                    HeavilyDamagedCount = table.Column<int>(type: "integer", nullable: false),
                    LastSyncedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSyncRunId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Nip = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Position = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    EmploymentStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    FirstSyncedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSyncedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSyncRunId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nisn = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthPlace = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Level = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    FirstSyncedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSyncedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSyncRunId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    GoodCount = table.Column<int>(type: "integer", nullable: false),
                    LightlyDamagedCount = table.Column<int>(type: "integer", nullable: false),
                    HeavilyDamagedCount = table.Column<int>(type: "integer", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Nip = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Position = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    EmploymentStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "PontrenRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    InstitutionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StatisticNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Npsn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AddressKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Village = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Subdistrict = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SkNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SkDate = table.Column<DateOnly>(type: "date", nullable: false),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OperatorNik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OperatorEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    SkUploadId = table.Column<Guid>(type: "uuid", nullable: false),
                    SkFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    AssignmentUploadId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    AccessTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PontrenSantri",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nisn = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: true),
                    BirthPlace = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Level = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Processed = table.Column<int>(type: "integer", nullable: false),
                    SantriAdded = table.Column<int>(type: "integer", nullable: false),
                    SantriChanged = table.Column<int>(type: "integer", nullable: false),
                    SantriUnchanged = table.Column<int>(type: "integer", nullable: false),
                    SantriRemoved = table.Column<int>(type: "integer", nullable: false),
                    SantriFlagged = table.Column<int>(type: "integer", nullable: false),
                    GtkAdded = table.Column<int>(type: "integer", nullable: false),
                    GtkChanged = table.Column<int>(type: "integer", nullable: false),
                    GtkUnchanged = table.Column<int>(type: "integer", nullable: false),
                    GtkRemoved = table.Column<int>(type: "integer", nullable: false),
                    FacilitiesChanged = table.Column<int>(type: "integer", nullable: false),
                    FailureReasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReceiptId = table.Column<int>(type: "integer", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "Staff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nip = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Position = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    EmailVerified = table.Column<bool>(type: "boolean", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                name: "HelpdeskMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpdeskMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpdeskMessages_HelpdeskTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "HelpdeskTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
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
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "EmailVerificationTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplacedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ChangeRequestEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChangeRequestId = table.Column<int>(type: "integer", nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    FieldLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChangeRequestId = table.Column<int>(type: "integer", nullable: false),
                    FieldKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HeadDecision = table.Column<int>(type: "integer", nullable: false),
                    HeadReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DistrictDecision = table.Column<int>(type: "integer", nullable: false),
                    DistrictReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "PontrenSyncFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SyncRunId = table.Column<int>(type: "integer", nullable: false),
                    Section = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "AccountVerificationCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StaffId = table.Column<int>(type: "integer", nullable: true),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Salt = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplacedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Tries = table.Column<int>(type: "integer", nullable: false),
                    OutboxMessageId = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "AttendanceComplaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    StaffId = table.Column<int>(type: "integer", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Session = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EvidenceUploadId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    EvidenceSizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SubmissionReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecisionReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceComplaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceComplaints_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttendanceComplaints_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    StaffId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Session = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ComplaintNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceRecords_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttendanceRecords_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HelpdeskAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    MessageId = table.Column<long>(type: "bigint", nullable: true),
                    UploadId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpdeskAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpdeskAttachments_HelpdeskMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "HelpdeskMessages",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_HelpdeskAttachments_HelpdeskTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "HelpdeskTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Holidays",
                columns: new[] { "Id", "Date", "Kind", "Name" },
                values: new object[,]
                {
                    { 1, new DateOnly(2026, 1, 1), 1, "Tahun Baru 2026 Masehi" },
                    { 2, new DateOnly(2026, 1, 16), 1, "Isra Mikraj Nabi Muhammad SAW" },
                    { 3, new DateOnly(2026, 2, 16), 2, "Cuti Bersama Tahun Baru Imlek" },
                    { 4, new DateOnly(2026, 2, 17), 1, "Tahun Baru Imlek 2577 Kongzili" },
                    { 5, new DateOnly(2026, 3, 18), 2, "Cuti Bersama Hari Suci Nyepi" },
                    { 6, new DateOnly(2026, 3, 19), 1, "Hari Suci Nyepi (Tahun Baru Saka 1948)" },
                    { 7, new DateOnly(2026, 3, 20), 2, "Cuti Bersama Idul Fitri" },
                    { 8, new DateOnly(2026, 3, 21), 1, "Hari Raya Idul Fitri 1447 Hijriah" },
                    { 9, new DateOnly(2026, 3, 22), 1, "Hari Raya Idul Fitri 1447 Hijriah" },
                    { 10, new DateOnly(2026, 3, 23), 2, "Cuti Bersama Idul Fitri" },
                    { 11, new DateOnly(2026, 3, 24), 2, "Cuti Bersama Idul Fitri" },
                    { 12, new DateOnly(2026, 4, 3), 1, "Wafat Yesus Kristus" },
                    { 13, new DateOnly(2026, 4, 5), 1, "Kebangkitan Yesus Kristus (Paskah)" },
                    { 14, new DateOnly(2026, 5, 1), 1, "Hari Buruh Internasional" },
                    { 15, new DateOnly(2026, 5, 14), 1, "Kenaikan Yesus Kristus" },
                    { 16, new DateOnly(2026, 5, 15), 2, "Cuti Bersama Kenaikan Yesus Kristus" },
                    { 17, new DateOnly(2026, 5, 27), 1, "Hari Raya Idul Adha 1447 Hijriah" },
                    { 18, new DateOnly(2026, 5, 28), 2, "Cuti Bersama Idul Adha" },
                    { 19, new DateOnly(2026, 5, 31), 1, "Hari Raya Waisak 2570 BE" },
                    { 20, new DateOnly(2026, 6, 1), 1, "Hari Lahir Pancasila" },
                    { 21, new DateOnly(2026, 6, 16), 1, "1 Muharam Tahun Baru Islam 1448 Hijriah" },
                    { 22, new DateOnly(2026, 8, 17), 1, "Proklamasi Kemerdekaan" },
                    { 23, new DateOnly(2026, 8, 25), 1, "Maulid Nabi Muhammad SAW" },
                    { 24, new DateOnly(2026, 12, 24), 2, "Cuti Bersama Kelahiran Yesus Kristus" },
                    { 25, new DateOnly(2026, 12, 25), 1, "Kelahiran Yesus Kristus" },
                    { 26, new DateOnly(2027, 1, 1), 1, "Tahun Baru 2027 Masehi" },
                    { 27, new DateOnly(2027, 5, 1), 1, "Hari Buruh Internasional" },
                    { 28, new DateOnly(2027, 6, 1), 1, "Hari Lahir Pancasila" },
                    { 29, new DateOnly(2027, 8, 17), 1, "Proklamasi Kemerdekaan" },
                    { 30, new DateOnly(2027, 12, 25), 1, "Kelahiran Yesus Kristus" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountVerificationCodes_StaffId",
                table: "AccountVerificationCodes",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountVerificationCodes_UserId_CreatedUtc",
                table: "AccountVerificationCodes",
                columns: new[] { "UserId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DistrictId",
                table: "AspNetUsers",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_InstitutionId",
                table: "AspNetUsers",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Nik",
                table: "AspNetUsers",
                column: "Nik");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceComplaints_DecisionReceiptNumber",
                table: "AttendanceComplaints",
                column: "DecisionReceiptNumber");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceComplaints_EvidenceUploadId",
                table: "AttendanceComplaints",
                column: "EvidenceUploadId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceComplaints_InstitutionId_Status_SubmittedUtc",
                table: "AttendanceComplaints",
                columns: new[] { "InstitutionId", "Status", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceComplaints_Number",
                table: "AttendanceComplaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceComplaints_StaffId_Date_Session",
                table: "AttendanceComplaints",
                columns: new[] { "StaffId", "Date", "Session" },
                unique: true,
                filter: "\"Status\" <> 2 AND \"Session\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceComplaints_SubmissionReceiptNumber",
                table: "AttendanceComplaints",
                column: "SubmissionReceiptNumber");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRecords_InstitutionId_Date",
                table: "AttendanceRecords",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRecords_StaffId_Date_Session",
                table: "AttendanceRecords",
                columns: new[] { "StaffId", "Date", "Session" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_DistrictId_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "DistrictId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_InstitutionId_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "InstitutionId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredUtc",
                table: "AuditEntries",
                column: "OccurredUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequestEvents_ChangeRequestId_OccurredUtc",
                table: "ChangeRequestEvents",
                columns: new[] { "ChangeRequestId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequestFields_ChangeRequestId_FieldKey",
                table: "ChangeRequestFields",
                columns: new[] { "ChangeRequestId", "FieldKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_InstitutionId_Status",
                table: "ChangeRequests",
                columns: new[] { "InstitutionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_Status_SubmittedUtc",
                table: "ChangeRequests",
                columns: new[] { "Status", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Districts_Code",
                table: "Districts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailVerificationTokens_TokenHash",
                table: "EmailVerificationTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailVerificationTokens_UserId",
                table: "EmailVerificationTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskAttachments_MessageId",
                table: "HelpdeskAttachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskAttachments_TicketId",
                table: "HelpdeskAttachments",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskAttachments_UploadId",
                table: "HelpdeskAttachments",
                column: "UploadId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskMessages_TicketId_CreatedUtc",
                table: "HelpdeskMessages",
                columns: new[] { "TicketId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_AccessTokenHash",
                table: "HelpdeskTickets",
                column: "AccessTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_CategoryId_Status",
                table: "HelpdeskTickets",
                columns: new[] { "CategoryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_NextFollowUpUtc",
                table: "HelpdeskTickets",
                column: "NextFollowUpUtc");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_Number",
                table: "HelpdeskTickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_ProvinceCode_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets",
                columns: new[] { "ProvinceCode", "QueueSortKey", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets",
                columns: new[] { "QueueSortKey", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_ReportTypeId",
                table: "HelpdeskTickets",
                column: "ReportTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_Status_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets",
                columns: new[] { "Status", "QueueSortKey", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_SubmittedUtc",
                table: "HelpdeskTickets",
                column: "SubmittedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTopics_ParentId_SortOrder",
                table: "HelpdeskTopics",
                columns: new[] { "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Holidays_Date",
                table: "Holidays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_DistrictId",
                table: "Institutions",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_HeadNik",
                table: "Institutions",
                column: "HeadNik");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Npsn",
                table: "Institutions",
                column: "Npsn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_RegistrationCodeHash",
                table: "Institutions",
                column: "RegistrationCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_StatisticNumber",
                table: "Institutions",
                column: "StatisticNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MachineOutages_InstitutionId_Date_Session",
                table: "MachineOutages",
                columns: new[] { "InstitutionId", "Date", "Session" },
                unique: true);

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
                name: "IX_OutboxMessages_CreatedUtc",
                table: "OutboxMessages",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_InstitutionId",
                table: "OutboxMessages",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptUtc",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptUtc" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_InstitutionId_IssuedUtc",
                table: "Receipts",
                columns: new[] { "InstitutionId", "IssuedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_Number",
                table: "Receipts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regencies_ProvinceCode",
                table: "Regencies",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_Staff_InstitutionId",
                table: "Staff",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Staff_Nik",
                table: "Staff",
                column: "Nik",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Staff_Nip",
                table: "Staff",
                column: "Nip",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Staff_UserId",
                table: "Staff",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Uploads_InstitutionId",
                table: "Uploads",
                column: "InstitutionId");

            // The form's starting lists and canned replies (kept by the administrator from here on).
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [1, null, "Kendala", "Akun & Login", 10, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [101, 1, null, "Lupa password / akun terkunci", 10, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [102, 1, null, "Email verifikasi tidak diterima", 20, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [103, 1, null, "Akun belajar.id tidak bisa masuk", 30, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [104, 1, null, "Peran akun tidak sesuai", 40, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [2, null, "Kendala", "Data Lembaga", 20, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [105, 2, null, "Data lembaga tidak sesuai", 10, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [106, 2, null, "NPSN/NSM tidak ditemukan", 20, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [107, 2, null, "Pengajuan perubahan data tertahan", 30, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [3, null, "Kendala", "Data PTK", 30, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [108, 3, null, "Data guru/tenaga kependidikan tidak muncul", 10, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [109, 3, null, "NIK/NIP ditolak", 20, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [110, 3, null, "Verifikasi email guru", 30, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [4, null, "Pertanyaan", "Penggunaan Aplikasi", 40, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [111, 4, null, "Cara menggunakan fitur", 10, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [112, 4, null, "Bukti/dokumen PDF", 20, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [113, 4, null, "Lainnya", 30, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [5, null, "Permintaan", "Akses & Akun Baru", 50, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [114, 5, null, "Akun operator baru", 10, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [115, 5, null, "Penggantian operator", 20, true]);
            migrationBuilder.InsertData("HelpdeskTopics", ["Id", "ParentId", "Group", "Name", "SortOrder", "IsActive"], [116, 5, null, "Akun Admin Kabupaten/Kota", 30, true]);
            migrationBuilder.InsertData("HelpdeskCannedReplies", ["Id", "Title", "Body"], [1, "Reset password", "Silakan buka halaman Login, klik \"Lupa Password?\", lalu masukkan email akun Anda. Tautan untuk membuat password baru akan dikirim ke email tersebut dan berlaku 1 jam."]);
            migrationBuilder.InsertData("HelpdeskCannedReplies", ["Id", "Title", "Body"], [2, "Minta SK/Surat Penunjukan", "Untuk memproses permintaan Anda, mohon lampirkan SK/Surat Penunjukan sebagai Admin/Operator yang ditandatangani Kepala Madrasah, beserta tangkapan layar kendala yang Anda alami."]);
            migrationBuilder.InsertData("HelpdeskCannedReplies", ["Id", "Title", "Body"], [3, "Perubahan data lembaga", "Perubahan data lembaga diajukan oleh Operator melalui menu Pengajuan Perubahan, lalu disetujui Kepala Madrasah dan Admin Kabupaten/Kota. Status pengajuan dapat dipantau pada menu yang sama."]);

            // Rows inserted with their ids leave PostgreSQL's identity sequences behind: move them past the seeded ids,
            // so the first row added by a user does not collide with one of them.
            foreach (var table in new[] { "Holidays", "HelpdeskTopics", "HelpdeskCannedReplies" })
                migrationBuilder.Sql($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT COALESCE(max(\"Id\"), 0) + 1 FROM \"{table}\"), false);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountVerificationCodes");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AttendanceComplaints");

            migrationBuilder.DropTable(
                name: "AttendanceRecords");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ChangeRequestEvents");

            migrationBuilder.DropTable(
                name: "ChangeRequestFields");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EmailVerificationTokens");

            migrationBuilder.DropTable(
                name: "HelpdeskAttachments");

            migrationBuilder.DropTable(
                name: "HelpdeskCannedReplies");

            migrationBuilder.DropTable(
                name: "Holidays");

            migrationBuilder.DropTable(
                name: "MachineOutages");

            migrationBuilder.DropTable(
                name: "MasterFacilities");

            migrationBuilder.DropTable(
                name: "MasterGtk");

            migrationBuilder.DropTable(
                name: "MasterSantri");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PontrenFacilities");

            migrationBuilder.DropTable(
                name: "PontrenGtk");

            migrationBuilder.DropTable(
                name: "PontrenRegistrations");

            migrationBuilder.DropTable(
                name: "PontrenSantri");

            migrationBuilder.DropTable(
                name: "PontrenSyncFlags");

            migrationBuilder.DropTable(
                name: "ReceiptCounters");

            migrationBuilder.DropTable(
                name: "Receipts");

            migrationBuilder.DropTable(
                name: "Regencies");

            migrationBuilder.DropTable(
                name: "Uploads");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Staff");

            migrationBuilder.DropTable(
                name: "ChangeRequests");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "HelpdeskMessages");

            migrationBuilder.DropTable(
                name: "PontrenSyncRuns");

            migrationBuilder.DropTable(
                name: "Provinces");

            migrationBuilder.DropTable(
                name: "HelpdeskTickets");

            migrationBuilder.DropTable(
                name: "Institutions");

            migrationBuilder.DropTable(
                name: "HelpdeskTopics");

            migrationBuilder.DropTable(
                name: "Districts");
        }
    }
}
