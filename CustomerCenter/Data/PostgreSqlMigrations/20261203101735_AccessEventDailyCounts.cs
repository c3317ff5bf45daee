using System;
using CustomerCenter.AccessLog;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
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
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessEventDailyCounts", x => new { x.Day, x.Kind });
                });

            // Hand-written (AccessEventDailyCountTriggers): the triggers that keep the counts, then the counts of the
            // events already there, in this migration's transaction.
            migrationBuilder.Sql(AccessEventDailyCountTriggers.CreatePostgreSql);
            migrationBuilder.Sql(AccessEventDailyCountTriggers.BackfillPostgreSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the triggers go before their table.
            migrationBuilder.Sql(AccessEventDailyCountTriggers.DropPostgreSql);

            migrationBuilder.DropTable(
                name: "AccessEventDailyCounts");
        }
    }
}
