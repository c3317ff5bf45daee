using System;
using CustomerCenter.AccessLog;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccessEventDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessEventDailyCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessEventDailyCounts", x => new { x.Day, x.Kind });
                });

            // Hand-written (AccessEventDailyCountTriggers): the triggers that keep the counts, then the counts of the
            // events already there, in this migration's transaction.
            migrationBuilder.Sql(AccessEventDailyCountTriggers.CreateSqlite);
            migrationBuilder.Sql(AccessEventDailyCountTriggers.BackfillSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the triggers go before their table.
            migrationBuilder.Sql(AccessEventDailyCountTriggers.DropSqlite);

            migrationBuilder.DropTable(
                name: "AccessEventDailyCounts");
        }
    }
}
