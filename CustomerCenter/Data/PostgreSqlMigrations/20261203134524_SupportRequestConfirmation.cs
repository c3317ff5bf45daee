using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class SupportRequestConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAt",
                table: "SupportRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_ConfirmedAt_CreatedAt",
                table: "SupportRequests",
                columns: new[] { "ConfirmedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Email",
                table: "SupportRequests",
                column: "Email");

            // Hand-written: requests members opened before this column existed were confirmed by their session.
            migrationBuilder.Sql("""UPDATE "SupportRequests" SET "ConfirmedAt" = "CreatedAt" WHERE "MemberId" IS NOT NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_ConfirmedAt_CreatedAt",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Email",
                table: "SupportRequests");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "SupportRequests");
        }
    }
}
