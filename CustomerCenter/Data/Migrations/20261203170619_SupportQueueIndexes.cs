using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupportQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportSearchWords_RequestId",
                table: "SupportSearchWords");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_AssigneeId_Status_UpdatedAt",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Status_UpdatedAt",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TopicKey_Status_UpdatedAt",
                table: "SupportRequests");

            migrationBuilder.CreateIndex(
                name: "IX_SupportSearchWords_RequestId_Word",
                table: "SupportSearchWords",
                columns: new[] { "RequestId", "Word" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_AssigneeId_Status_UpdatedAt_Id",
                table: "SupportRequests",
                columns: new[] { "AssigneeId", "Status", "UpdatedAt", "Id" },
                filter: "\"ConfirmedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Status_UpdatedAt_Id",
                table: "SupportRequests",
                columns: new[] { "Status", "UpdatedAt", "Id" },
                filter: "\"ConfirmedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TopicKey_Status_UpdatedAt_Id",
                table: "SupportRequests",
                columns: new[] { "TopicKey", "Status", "UpdatedAt", "Id" },
                filter: "\"ConfirmedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_UpdatedAt_Id",
                table: "SupportRequests",
                columns: new[] { "UpdatedAt", "Id" },
                filter: "\"ConfirmedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportSearchWords_RequestId_Word",
                table: "SupportSearchWords");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_AssigneeId_Status_UpdatedAt_Id",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Status_UpdatedAt_Id",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TopicKey_Status_UpdatedAt_Id",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_UpdatedAt_Id",
                table: "SupportRequests");

            migrationBuilder.CreateIndex(
                name: "IX_SupportSearchWords_RequestId",
                table: "SupportSearchWords",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_AssigneeId_Status_UpdatedAt",
                table: "SupportRequests",
                columns: new[] { "AssigneeId", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Status_UpdatedAt",
                table: "SupportRequests",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TopicKey_Status_UpdatedAt",
                table: "SupportRequests",
                columns: new[] { "TopicKey", "Status", "UpdatedAt" });
        }
    }
}
