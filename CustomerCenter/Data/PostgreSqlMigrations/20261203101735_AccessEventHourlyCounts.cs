using System;
using CustomerCenter.AccessLog;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCenter.Data.PostgreSqlMigrations
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
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessEventHourlyCounts", x => new { x.Hour, x.Kind });
                });

            // Hand-written (AccessEventHourlyCountTriggers): the triggers that keep the counts, then the counts of the
            // events already there, in this migration's transaction.
            migrationBuilder.Sql(AccessEventHourlyCountTriggers.CreatePostgreSql);
            migrationBuilder.Sql(AccessEventHourlyCountTriggers.BackfillPostgreSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the triggers go before their table.
            migrationBuilder.Sql(AccessEventHourlyCountTriggers.DropPostgreSql);

            migrationBuilder.DropTable(
                name: "AccessEventHourlyCounts");
        }
    }
}
