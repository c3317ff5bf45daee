using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class NullsSortLow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Status_ClosedAt",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_State_FinishedAt",
                table: "OutboxMails");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_FirstLoginAt_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_LastLoginAt_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedEmail_Id_NormalizedFirstName_Normaliz~",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_RegisteredAt_Id",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Status_ClosedAt",
                table: "SupportRequests",
                columns: new[] { "Status", "ClosedAt" })
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.Unspecified, NullSortOrder.NullsFirst });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_State_FinishedAt",
                table: "OutboxMails",
                columns: new[] { "State", "FinishedAt" })
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.Unspecified, NullSortOrder.NullsFirst });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail",
                unique: true)
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.NullsFirst });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_FirstLoginAt_Id",
                table: "AspNetUsers",
                columns: new[] { "FirstLoginAt", "Id" })
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.NullsFirst, NullSortOrder.Unspecified });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_LastLoginAt_Id",
                table: "AspNetUsers",
                columns: new[] { "LastLoginAt", "Id" })
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.NullsFirst, NullSortOrder.Unspecified });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedEmail_Id_NormalizedFirstName_Normaliz~",
                table: "AspNetUsers",
                columns: new[] { "NormalizedEmail", "Id", "NormalizedFirstName", "NormalizedLastName" })
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.NullsFirst, NullSortOrder.Unspecified, NullSortOrder.Unspecified, NullSortOrder.Unspecified });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RegisteredAt_Id",
                table: "AspNetUsers",
                columns: new[] { "RegisteredAt", "Id" })
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.NullsFirst, NullSortOrder.Unspecified });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Status_ClosedAt",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_State_FinishedAt",
                table: "OutboxMails");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_FirstLoginAt_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_LastLoginAt_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedEmail_Id_NormalizedFirstName_Normaliz~",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_RegisteredAt_Id",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Status_ClosedAt",
                table: "SupportRequests",
                columns: new[] { "Status", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_State_FinishedAt",
                table: "OutboxMails",
                columns: new[] { "State", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_FirstLoginAt_Id",
                table: "AspNetUsers",
                columns: new[] { "FirstLoginAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_LastLoginAt_Id",
                table: "AspNetUsers",
                columns: new[] { "LastLoginAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedEmail_Id_NormalizedFirstName_Normaliz~",
                table: "AspNetUsers",
                columns: new[] { "NormalizedEmail", "Id", "NormalizedFirstName", "NormalizedLastName" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RegisteredAt_Id",
                table: "AspNetUsers",
                columns: new[] { "RegisteredAt", "Id" });
        }
    }
}
