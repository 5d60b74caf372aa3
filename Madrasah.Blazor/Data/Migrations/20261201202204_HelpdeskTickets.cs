using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations
{
    /// <inheritdoc />
    public partial class HelpdeskTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HelpdeskCannedReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpdeskCannedReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpdeskTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "HelpdeskTickets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    UserType = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    BelajarIdAccount = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Jenjang = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Npsn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ProvinceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegencyCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    RegencyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChecklistTicked = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PausedRemainingTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    InfoRequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemindersSent = table.Column<int>(type: "INTEGER", nullable: false),
                    NextFollowUpUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AutoClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstAnsweredUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedToUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AccessTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccessTokenSealed = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "HelpdeskMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "HelpdeskAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    UploadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_HelpdeskTickets_ProvinceCode_Status_DueUtc",
                table: "HelpdeskTickets",
                columns: new[] { "ProvinceCode", "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_ReportTypeId",
                table: "HelpdeskTickets",
                column: "ReportTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_Status_DueUtc",
                table: "HelpdeskTickets",
                columns: new[] { "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_SubmittedUtc",
                table: "HelpdeskTickets",
                column: "SubmittedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTopics_ParentId_SortOrder",
                table: "HelpdeskTopics",
                columns: new[] { "ParentId", "SortOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HelpdeskAttachments");

            migrationBuilder.DropTable(
                name: "HelpdeskCannedReplies");

            migrationBuilder.DropTable(
                name: "HelpdeskMessages");

            migrationBuilder.DropTable(
                name: "HelpdeskTickets");

            migrationBuilder.DropTable(
                name: "HelpdeskTopics");
        }
    }
}
