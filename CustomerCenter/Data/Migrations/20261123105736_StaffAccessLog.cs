using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalizedFirstName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedLastName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Members saved from now on get these from CustomerCenterDb (ToUpperInvariant); the rows already there from
            // the database's upper(), which on SQLite folds ASCII only; their next save corrects the rest.
            migrationBuilder.Sql("UPDATE AspNetUsers SET NormalizedFirstName = upper(FirstName), NormalizedLastName = upper(LastName);");

            // With its foreign key in one statement: SQLite can add a referencing column in place, whereas EF's
            // AddForeignKey would rebuild the whole AccessEvents table outside the migration's transaction.
            migrationBuilder.Sql(
                "ALTER TABLE \"AccessEvents\" ADD COLUMN \"ActorId\" TEXT NULL " +
                "CONSTRAINT \"FK_AccessEvents_AspNetUsers_ActorId\" REFERENCES \"AspNetUsers\" (\"Id\") ON DELETE SET NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_FirstLoginAt_Id",
                table: "AspNetUsers",
                columns: new[] { "FirstLoginAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_LastLoginAt_Id",
                table: "AspNetUsers",
                columns: new[] { "LastLoginAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedFirstName_NormalizedLastName_Id",
                table: "AspNetUsers",
                columns: new[] { "NormalizedFirstName", "NormalizedLastName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedLastName_NormalizedFirstName_Id",
                table: "AspNetUsers",
                columns: new[] { "NormalizedLastName", "NormalizedFirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RegisteredAt_Id",
                table: "AspNetUsers",
                columns: new[] { "RegisteredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessEvents_ActorId",
                table: "AccessEvents",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEvents_Kind_OccurredAt_Id",
                table: "AccessEvents",
                columns: new[] { "Kind", "OccurredAt", "Id" });

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccessEvents_AspNetUsers_ActorId",
                table: "AccessEvents");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_FirstLoginAt_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_LastLoginAt_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedFirstName_NormalizedLastName_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedLastName_NormalizedFirstName_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_RegisteredAt_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AccessEvents_ActorId",
                table: "AccessEvents");

            migrationBuilder.DropIndex(
                name: "IX_AccessEvents_Kind_OccurredAt_Id",
                table: "AccessEvents");

            migrationBuilder.DropColumn(
                name: "NormalizedFirstName",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NormalizedLastName",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ActorId",
                table: "AccessEvents");
        }
    }
}
