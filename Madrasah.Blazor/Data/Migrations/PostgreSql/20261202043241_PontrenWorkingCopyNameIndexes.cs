using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PontrenWorkingCopyNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PontrenSantri_InstitutionId_FullName",
                table: "PontrenSantri",
                columns: new[] { "InstitutionId", "FullName" });

            migrationBuilder.CreateIndex(
                name: "IX_PontrenGtk_InstitutionId_FullName",
                table: "PontrenGtk",
                columns: new[] { "InstitutionId", "FullName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PontrenSantri_InstitutionId_FullName",
                table: "PontrenSantri");

            migrationBuilder.DropIndex(
                name: "IX_PontrenGtk_InstitutionId_FullName",
                table: "PontrenGtk");
        }
    }
}
