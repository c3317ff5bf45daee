using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class NewDeviceNoticeAndSessionRetentionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NotifyOfNewDevices",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_MemberSessions_LastSeenAt",
                table: "MemberSessions",
                column: "LastSeenAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberSessions_LastSeenAt",
                table: "MemberSessions");

            migrationBuilder.DropColumn(
                name: "NotifyOfNewDevices",
                table: "AspNetUsers");
        }
    }
}
