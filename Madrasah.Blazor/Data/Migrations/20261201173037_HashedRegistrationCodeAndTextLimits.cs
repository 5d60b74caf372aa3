using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations
{
    /// <summary>
    /// Registration codes are stored as a hash (RegistrationCodeService.HashCode) instead of in plain text. Existing
    /// plain codes are invalidated, not converted (SQLite cannot compute the hash): the column is dropped with them and
    /// their expiry cleared, so an operator whose head had not yet used a code generates a new one ("Buat Kode Baru").
    /// The text limits (emails 254) change only the model: SQLite's TEXT columns keep no length.
    /// </summary>
    public partial class HashedRegistrationCodeAndTextLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE Institutions SET RegistrationCodeExpiresUtc = NULL WHERE RegistrationCode IS NOT NULL;");

            migrationBuilder.DropIndex(
                name: "IX_Institutions_RegistrationCode",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "RegistrationCode",
                table: "Institutions");

            migrationBuilder.AddColumn<string>(
                name: "RegistrationCodeHash",
                table: "Institutions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_RegistrationCodeHash",
                table: "Institutions",
                column: "RegistrationCodeHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Institutions_RegistrationCodeHash",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "RegistrationCodeHash",
                table: "Institutions");

            migrationBuilder.AddColumn<string>(
                name: "RegistrationCode",
                table: "Institutions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_RegistrationCode",
                table: "Institutions",
                column: "RegistrationCode",
                unique: true);
        }
    }
}
