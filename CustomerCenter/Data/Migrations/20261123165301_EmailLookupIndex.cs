using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class EmailLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Id_Email",
                table: "AspNetUsers",
                columns: new[] { "Id", "Email" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Id_Email",
                table: "AspNetUsers");
        }
    }
}
