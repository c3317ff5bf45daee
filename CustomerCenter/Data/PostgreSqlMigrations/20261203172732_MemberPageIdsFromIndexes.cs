using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class MemberPageIdsFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedEmail_NormalizedFirstName_NormalizedL~",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Status_InvitedAt",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedEmail_Id_NormalizedFirstName_Normaliz~",
                table: "AspNetUsers",
                columns: new[] { "NormalizedEmail", "Id", "NormalizedFirstName", "NormalizedLastName" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Status_InvitedAt_Id",
                table: "AspNetUsers",
                columns: new[] { "Status", "InvitedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedEmail_Id_NormalizedFirstName_Normaliz~",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Status_InvitedAt_Id",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedEmail_NormalizedFirstName_NormalizedL~",
                table: "AspNetUsers",
                columns: new[] { "NormalizedEmail", "NormalizedFirstName", "NormalizedLastName" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Status_InvitedAt",
                table: "AspNetUsers",
                columns: new[] { "Status", "InvitedAt" });
        }
    }
}
