using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class SiteIndexWithKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessEvents_SiteClientId_OccurredAt_Id",
                table: "AccessEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEvents_SiteClientId_OccurredAt_Id_Kind",
                table: "AccessEvents",
                columns: new[] { "SiteClientId", "OccurredAt", "Id", "Kind" },
                filter: "\"SiteClientId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessEvents_SiteClientId_OccurredAt_Id_Kind",
                table: "AccessEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEvents_SiteClientId_OccurredAt_Id",
                table: "AccessEvents",
                columns: new[] { "SiteClientId", "OccurredAt", "Id" },
                filter: "\"SiteClientId\" IS NOT NULL");
        }
    }
}
