using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using CustomerCenter.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.AccessLog;

/// <summary>
/// The export on PostgreSQL reads a server-side cursor batch by batch (issue 16: "streamed from a server-side cursor
/// in constant memory"); the CSV must not notice where one batch ends and the next begins.
/// </summary>
public sealed class AccessLogExportCursorTests : IDisposable
{
    private static readonly DateTime Day = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Rows_read_in_small_batches_are_all_exported_once_newest_first_under_one_header()
    {
        var member = await portal.AddMemberAsync("batches@example.de");
        var events = await portal.AddEventsAsync(
            Enumerable.Range(0, 7).Select(i => Event(Day.AddMinutes(i), AccessEventKind.LoginSucceeded, member.Id)).ToArray());

        var lines = await ExportLinesAsync(new AccessLogFilter { MemberId = member.Id }, batchSize: 3);

        Assert.Equal(AccessLogCsv.Header, lines[0]);
        Assert.Equal(events.OrderByDescending(e => e.OccurredAt).Select(e => e.Id), lines[1..].Select(line => long.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_export_without_matches_is_the_header_alone()
    {
        var lines = await ExportLinesAsync(new AccessLogFilter { MemberId = Guid.NewGuid() }, batchSize: 3);

        Assert.Equal([AccessLogCsv.Header], lines);
    }

    [PostgreSqlFact]
    public async Task On_postgresql_the_rows_come_from_a_cursor_fetched_batch_by_batch_in_a_read_only_transaction()
    {
        var member = await portal.AddMemberAsync("cursor@example.de");
        await portal.AddEventsAsync(
            Enumerable.Range(0, 5).Select(i => Event(Day.AddMinutes(i), AccessEventKind.LoginFailed, member.Id)).ToArray());
        var statements = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var tag in activity.TagObjects)
                {
                    if (tag.Value is string text && (text.Contains("export_rows", StringComparison.Ordinal) || text.StartsWith("SET TRANSACTION READ ONLY", StringComparison.Ordinal)))
                    {
                        statements.Enqueue(text);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var lines = await ExportLinesAsync(new AccessLogFilter { MemberId = member.Id }, batchSize: 2);

        Assert.Equal(6, lines.Length);
        Assert.Contains(statements, s => s.StartsWith("SET TRANSACTION READ ONLY", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.StartsWith("DECLARE export_rows NO SCROLL CURSOR FOR SELECT", StringComparison.Ordinal));
        // 2 + 2 + 1 rows, then the empty batch that ends it.
        Assert.Equal(4, statements.Count(s => s == "FETCH FORWARD 2 FROM export_rows"));
    }

    private async Task<string[]> ExportLinesAsync(AccessLogFilter filter, int batchSize)
    {
        using var output = new MemoryStream();
        await portal.WithServiceAsync<bool, AccessLogReader>(async reader =>
        {
            await reader.WriteCsvAsync(filter, output, AccessLogCsvDialect.Rfc4180, batchSize, CancellationToken.None);
            return true;
        });
        return Encoding.UTF8.GetString(output.ToArray().AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
