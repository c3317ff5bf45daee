using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialActorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessEvents_ActorId",
                table: "AccessEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEvents_ActorId",
                table: "AccessEvents",
                column: "ActorId",
                filter: "\"ActorId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessEvents_ActorId",
                table: "AccessEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEvents_ActorId",
                table: "AccessEvents",
                column: "ActorId");
        }
    }
}
