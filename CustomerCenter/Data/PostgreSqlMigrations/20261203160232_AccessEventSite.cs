using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class AccessEventSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SiteClientId",
                table: "AccessEvents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessEvents_SiteClientId_OccurredAt_Id",
                table: "AccessEvents",
                columns: new[] { "SiteClientId", "OccurredAt", "Id" },
                filter: "\"SiteClientId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessEvents_SiteClientId_OccurredAt_Id",
                table: "AccessEvents");

            migrationBuilder.DropColumn(
                name: "SiteClientId",
                table: "AccessEvents");
        }
    }
}
