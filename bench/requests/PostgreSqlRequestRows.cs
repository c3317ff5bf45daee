using CustomerCenter.Support;
using Npgsql;
using NpgsqlTypes;

namespace CustomerCenter.Bench.Requests;

/// <summary>PostgreSQL: binary COPY of each table per batch (as seed-demo loads members and events).</summary>
internal sealed class PostgreSqlRequestRows(NpgsqlConnection connection) : IRequestRows
{
    public async Task WriteAsync(IReadOnlyList<(SupportRequest Request, IReadOnlySet<string> Words)> batch, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var requests = await connection.BeginBinaryImportAsync(
            """COPY "SupportRequests" ("Id", "TopicKey", "Subject", "Email", "Language", "Status", "CreatedAt", "UpdatedAt", "ClosedAt", "ConfirmedAt") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (request, _) in batch)
            {
                await requests.StartRowAsync(ct);
                await requests.WriteAsync(request.Id, NpgsqlDbType.Bigint, ct);
                await requests.WriteAsync(request.TopicKey, NpgsqlDbType.Varchar, ct);
                await requests.WriteAsync(request.Subject, NpgsqlDbType.Varchar, ct);
                await requests.WriteAsync(request.Email!, NpgsqlDbType.Varchar, ct);
                await requests.WriteAsync(request.Language, NpgsqlDbType.Varchar, ct);
                await requests.WriteAsync(request.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await requests.WriteAsync(request.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await requests.WriteAsync(request.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(requests, request.ClosedAt, ct);
                await WriteNullableAsync(requests, request.ConfirmedAt, ct);
            }

            await requests.CompleteAsync(ct);
        }

        await using (var messages = await connection.BeginBinaryImportAsync(
            """COPY "SupportMessages" ("Id", "RequestId", "Author", "Body", "CreatedAt") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var message in batch.SelectMany(b => b.Request.Messages))
            {
                await messages.StartRowAsync(ct);
                await messages.WriteAsync(message.Id, NpgsqlDbType.Uuid, ct);
                await messages.WriteAsync(message.RequestId, NpgsqlDbType.Bigint, ct);
                await messages.WriteAsync(message.Author.ToString(), NpgsqlDbType.Varchar, ct);
                await messages.WriteAsync(message.Body, NpgsqlDbType.Varchar, ct);
                await messages.WriteAsync(message.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }

            await messages.CompleteAsync(ct);
        }

        await using (var words = await connection.BeginBinaryImportAsync(
            """COPY "SupportSearchWords" ("Word", "RequestId") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (request, index) in batch)
            {
                foreach (var word in index)
                {
                    await words.StartRowAsync(ct);
                    await words.WriteAsync(word, NpgsqlDbType.Varchar, ct);
                    await words.WriteAsync(request.Id, NpgsqlDbType.Bigint, ct);
                }
            }

            await words.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task CompleteAsync(long lastId, CancellationToken ct)
    {
        // The ids were given by COPY; the identity's sequence must start after them for the portal's own inserts.
        await using var command = new NpgsqlCommand("""SELECT setval(pg_get_serial_sequence('"SupportRequests"', 'Id'), $1)""", connection);
        command.Parameters.AddWithValue(lastId);
        await command.ExecuteScalarAsync(ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, DateTime? value, CancellationToken ct)
    {
        if (value is { } time)
        {
            await importer.WriteAsync(time, NpgsqlDbType.TimestampTz, ct);
        }
        else
        {
            await importer.WriteNullAsync(ct);
        }
    }
}
