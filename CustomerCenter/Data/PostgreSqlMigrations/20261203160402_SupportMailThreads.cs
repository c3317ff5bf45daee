using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class SupportMailThreads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "SupportRequests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageId",
                table: "OutboxMails",
                type: "character varying(250)",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "References",
                table: "OutboxMails",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyTo",
                table: "OutboxMails",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SupportMailReferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Sender = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportMailReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportMailReferences_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_ReplyToken",
                table: "SupportRequests",
                column: "ReplyToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportMailReferences_MessageId_Sender",
                table: "SupportMailReferences",
                columns: new[] { "MessageId", "Sender" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportMailReferences_RequestId_CreatedAt",
                table: "SupportMailReferences",
                columns: new[] { "RequestId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportMailReferences");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_ReplyToken",
                table: "SupportRequests");

            migrationBuilder.DropColumn(
                name: "ReplyToken",
                table: "SupportRequests");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "References",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "ReplyTo",
                table: "OutboxMails");
        }
    }
}
