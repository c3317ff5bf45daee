using System;
using CustomerCenter.AccessLog;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccessEventHourlyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessEventHourlyCounts",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessEventHourlyCounts", x => new { x.Hour, x.Kind });
                });

            // Hand-written (AccessEventHourlyCountTriggers): the triggers that keep the counts, then the counts of the
            // events already there, in this migration's transaction.
            migrationBuilder.Sql(AccessEventHourlyCountTriggers.CreateSqlite);
            migrationBuilder.Sql(AccessEventHourlyCountTriggers.BackfillSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the triggers go before their table.
            migrationBuilder.Sql(AccessEventHourlyCountTriggers.DropSqlite);

            migrationBuilder.DropTable(
                name: "AccessEventHourlyCounts");
        }
    }
}
