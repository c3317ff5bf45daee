using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberSearchCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedFirstName_NormalizedLastName_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedLastName_NormalizedFirstName_Id",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedEmail_NormalizedFirstName_NormalizedLastName",
                table: "AspNetUsers",
                columns: new[] { "NormalizedEmail", "NormalizedFirstName", "NormalizedLastName" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedFirstName_NormalizedLastName_Id_NormalizedEmail",
                table: "AspNetUsers",
                columns: new[] { "NormalizedFirstName", "NormalizedLastName", "Id", "NormalizedEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedLastName_NormalizedFirstName_Id_NormalizedEmail",
                table: "AspNetUsers",
                columns: new[] { "NormalizedLastName", "NormalizedFirstName", "Id", "NormalizedEmail" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedEmail_NormalizedFirstName_NormalizedLastName",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedFirstName_NormalizedLastName_Id_NormalizedEmail",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedLastName_NormalizedFirstName_Id_NormalizedEmail",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedFirstName_NormalizedLastName_Id",
                table: "AspNetUsers",
                columns: new[] { "NormalizedFirstName", "NormalizedLastName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedLastName_NormalizedFirstName_Id",
                table: "AspNetUsers",
                columns: new[] { "NormalizedLastName", "NormalizedFirstName", "Id" });
        }
    }
}
