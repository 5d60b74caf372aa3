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
