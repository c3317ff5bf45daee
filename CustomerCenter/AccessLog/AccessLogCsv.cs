using System.Buffers;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text;

namespace CustomerCenter.AccessLog;

/// <summary>
/// The access log as CSV: RFC 4180 (comma, CRLF, fields with comma, quote, CR or LF in double quotes, quotes doubled),
/// UTF-8 with a byte-order mark, ISO 8601 UTC times.
/// <para>
/// Why comma and a BOM: the BOM is what makes Excel read UTF-8 (umlauts, Japanese names) in every locale; the comma
/// keeps the file standard for every other tool (LibreOffice, Numbers, pandas, R). German Excel opens comma files
/// in one column on a double-click (its list separator is ';') but imports them correctly through
/// Data › From Text/CSV. A "sep=," first line would fix the double-click but makes Excel ignore the BOM and breaks
/// other readers, and semicolons would make the file non-standard for everyone else.
/// </para>
/// <para>
/// User agents and e-mail addresses come from outside: <see cref="Utf8CsvWriter"/> writes them formula-safe.
/// </para>
/// </summary>
public static class AccessLogCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string Header = "Id,OccurredAtUtc,Kind,Outcome,MemberId,MemberEmail,IpAddress,UserAgent,ActorId,ActorEmail,Site";

    /// <summary>The columns <see cref="WriteAsync"/> reads, in this order: the fields of <see cref="AccessLogRow"/>.</summary>
    public const int ColumnCount = 10;

    private const int FlushThreshold = 32 * 1024;

    /// <summary>
    /// Writes the rows of <paramref name="rows"/> (columns as <see cref="AccessLogRow"/>'s constructor: Id, OccurredAt,
    /// Kind, MemberId, MemberEmail, IpAddress, UserAgent, ActorId, ActorEmail, SiteClientId) as they are read, in chunks of 32 KB:
    /// memory stays the same for ten rows or ten million.
    /// </summary>
    public static Task WriteAsync(DbDataReader rows, Stream output, CancellationToken ct) =>
        WriteAsync(rows, output, AccessLogCsvDialect.Rfc4180, ct);

    /// <summary>As <see cref="WriteAsync(DbDataReader, Stream, CancellationToken)"/>, spelled as <paramref name="dialect"/> says.</summary>
    public static Task WriteAsync(DbDataReader rows, Stream output, AccessLogCsvDialect dialect, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(new[] { rows }.ToAsyncEnumerable(), output, dialect, ct);
    }

    /// <summary>
    /// As <see cref="WriteAsync(DbDataReader, Stream, AccessLogCsvDialect, CancellationToken)"/> for rows that arrive
    /// in batches (a server-side cursor's FETCHes): one header, then every batch's rows in the order they come.
    /// </summary>
    public static async Task WriteAsync(IAsyncEnumerable<DbDataReader> batches, Stream output, AccessLogCsvDialect dialect, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(output);

        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        try
        {
            var csv = new Utf8CsvWriter(pipe, dialect.Separator);
            pipe.Write(Encoding.UTF8.Preamble);
            pipe.Write(Encoding.UTF8.GetBytes(dialect.Header));
            csv.EndRow();
            await foreach (var rows in batches.WithCancellation(ct))
            {
                if (rows.FieldCount != ColumnCount)
                {
                    throw new InvalidOperationException($"The access log query returns {rows.FieldCount} columns, not {ColumnCount}.");
                }

                while (await rows.ReadAsync(ct))
                {
                    WriteRow(csv, rows, dialect);
                    if (pipe.UnflushedBytes >= FlushThreshold)
                    {
                        await pipe.FlushAsync(ct);
                    }
                }
            }
        }
        catch (Exception exception)
        {
            // Hands the pipe's pooled buffers back without writing what is left of a broken export.
            await pipe.CompleteAsync(exception);
            throw;
        }

        await pipe.CompleteAsync();
    }

    private static void WriteRow(Utf8CsvWriter csv, DbDataReader row, AccessLogCsvDialect dialect)
    {
        var kind = (AccessEventKind)row.GetInt32(2);
        csv.Number(row.GetInt64(0));
        if (dialect.Zone is { } zone)
        {
            csv.LocalTime(row.GetDateTime(1), zone, dialect.Culture);
        }
        else
        {
            csv.UtcTime(row.GetDateTime(1));
        }

        csv.Text(dialect.NameOf(kind));
        csv.Text(dialect.NameOf(AccessEventOutcomes.Of(kind)));
        csv.Id(row.IsDBNull(3) ? null : row.GetGuid(3));
        csv.Text(TextOrNull(row, 4));
        csv.Text(TextOrNull(row, 5));
        csv.Text(TextOrNull(row, 6));
        csv.Id(row.IsDBNull(7) ? null : row.GetGuid(7));
        csv.Text(TextOrNull(row, 8));
        csv.Text(TextOrNull(row, 9));
        csv.EndRow();
    }

    private static string? TextOrNull(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
