using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptVerificationTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SectionsJson",
                table: "Receipts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "VerificationCodeHash",
                table: "Receipts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Receipts issued before codes existed carry a QR code with the number alone, and their PDFs are kept as
            // handed out. Each gets a code of its own, random and printed nowhere (only its hash is ever stored), so
            // no number alone verifies any receipt; a profile receipt is verified again by printing it anew.
            migrationBuilder.Sql("""UPDATE "Receipts" SET "VerificationCodeHash" = lower(hex(randomblob(32))) WHERE "VerificationCodeHash" = '';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SectionsJson",
                table: "Receipts");

            migrationBuilder.DropColumn(
                name: "VerificationCodeHash",
                table: "Receipts");
        }
    }
}
