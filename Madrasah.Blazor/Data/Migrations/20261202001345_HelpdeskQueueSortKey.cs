using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madrasah.Blazor.Data.Migrations
{
    /// <inheritdoc />
    public partial class HelpdeskQueueSortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpdeskTickets_ProvinceCode_Status_DueUtc",
                table: "HelpdeskTickets");

            migrationBuilder.DropIndex(
                name: "IX_HelpdeskTickets_Status_DueUtc",
                table: "HelpdeskTickets");

            migrationBuilder.AddColumn<long>(
                name: "QueueSortKey",
                table: "HelpdeskTickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing tickets: the key HelpdeskTicket.SortKeyOf gives (closed 8e18, running clock: the due time's ticks
            // from its stored text, whole seconds; otherwise paused 4e18). Every later change sets it exactly.
            migrationBuilder.Sql("""
                UPDATE HelpdeskTickets SET QueueSortKey = CASE
                    WHEN Status = 3 THEN 8000000000000000000
                    WHEN Status IN (0, 1) AND DueUtc IS NOT NULL THEN CAST(strftime('%s', DueUtc) AS INTEGER) * 10000000 + 621355968000000000
                    ELSE 4000000000000000000 END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_ProvinceCode_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets",
                columns: new[] { "ProvinceCode", "QueueSortKey", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets",
                columns: new[] { "QueueSortKey", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_Status_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets",
                columns: new[] { "Status", "QueueSortKey", "SubmittedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpdeskTickets_ProvinceCode_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets");

            migrationBuilder.DropIndex(
                name: "IX_HelpdeskTickets_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets");

            migrationBuilder.DropIndex(
                name: "IX_HelpdeskTickets_Status_QueueSortKey_SubmittedUtc",
                table: "HelpdeskTickets");

            migrationBuilder.DropColumn(
                name: "QueueSortKey",
                table: "HelpdeskTickets");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_ProvinceCode_Status_DueUtc",
                table: "HelpdeskTickets",
                columns: new[] { "ProvinceCode", "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskTickets_Status_DueUtc",
                table: "HelpdeskTickets",
                columns: new[] { "Status", "DueUtc" });
        }
    }
}
