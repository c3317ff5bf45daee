using CustomerCenter.AccessLog.Demo;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CustomerCenter.Tests.AccessLog;

public sealed class SqliteMultiRowInsertTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SqliteMultiRowInsertTests()
    {
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE Rows (Number INTEGER NOT NULL, Name TEXT NULL, Big INTEGER NULL)";
        create.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();

    [SqliteFact]
    public void Rows_that_do_not_fill_a_statement_are_written_by_flush_in_order_with_their_values()
    {
        using (var insert = new SqliteMultiRowInsert(connection, "Rows", ["Number", "Name", "Big"], rowsPerStatement: 4))
        {
            for (var i = 0; i < 10; i++)
            {
                insert.Add(i, i % 3 == 0 ? null : $"Zeile {i} – 山田 \"quoted\"", 5_000_000_000L + i);
            }

            Assert.Equal(8, insert.RowsWritten);
            insert.Flush();
            Assert.Equal(10, insert.RowsWritten);
        }

        var rows = Query("SELECT Number, Name, Big FROM Rows ORDER BY rowid");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        Assert.Equal("Zeile 1 – 山田 \"quoted\"", rows[1][1]);
        Assert.Null(rows[3][1]);
        Assert.Equal("5000000009", rows[9][2]);
    }

    [SqliteFact]
    public void A_row_with_the_wrong_number_of_values_is_refused()
    {
        using var insert = new SqliteMultiRowInsert(connection, "Rows", ["Number", "Name", "Big"]);

        Assert.Throws<ArgumentException>(() => insert.Add(1, "one"));
    }

    [SqliteFact]
    public void A_constraint_violation_surfaces_as_a_sqlite_exception()
    {
        using var insert = new SqliteMultiRowInsert(connection, "Rows", ["Number", "Name", "Big"], rowsPerStatement: 2);
        insert.Add(1, "one", null);

        var error = Assert.Throws<SqliteException>(() => insert.Add(null, "no number", null));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Empty(Query("SELECT Number FROM Rows"));
    }

    private List<string?[]> Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return rows;
    }
}
