using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintEvidenceUploadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AttendanceComplaints_EvidenceUploadId",
                table: "AttendanceComplaints",
                column: "EvidenceUploadId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AttendanceComplaints_EvidenceUploadId",
                table: "AttendanceComplaints");
        }
    }
}
