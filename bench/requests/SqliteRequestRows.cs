using CustomerCenter.Support;
using Microsoft.Data.Sqlite;

namespace CustomerCenter.Bench.Requests;

/// <summary>SQLite: prepared inserts, one transaction per batch, values formatted as EF Core stores them.</summary>
internal sealed class SqliteRequestRows(SqliteConnection connection) : IRequestRows
{
    public async Task WriteAsync(IReadOnlyList<(SupportRequest Request, IReadOnlySet<string> Words)> batch, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var requests = Command(transaction,
            """
            INSERT INTO "SupportRequests" ("Id", "TopicKey", "Subject", "Email", "Language", "Status", "CreatedAt", "UpdatedAt", "ClosedAt", "ConfirmedAt")
            VALUES ($id, $topic, $subject, $email, 'de', $status, $created, $updated, $closed, $confirmed)
            """);
        await using var messages = Command(transaction,
            """
            INSERT INTO "SupportMessages" ("Id", "RequestId", "Author", "Body", "CreatedAt")
            VALUES ($id, $request, $author, $body, $created)
            """);
        await using var words = Command(transaction, """INSERT INTO "SupportSearchWords" ("Word", "RequestId") VALUES ($word, $request)""");
        foreach (var (request, index) in batch)
        {
            Set(requests, ("$id", request.Id), ("$topic", request.TopicKey), ("$subject", request.Subject), ("$email", request.Email),
                ("$status", request.Status.ToString()), ("$created", request.CreatedAt), ("$updated", request.UpdatedAt),
                ("$closed", request.ClosedAt), ("$confirmed", request.ConfirmedAt));
            await requests.ExecuteNonQueryAsync(ct);
            foreach (var message in request.Messages)
            {
                // EF Core keeps a Guid in SQLite as upper-case text.
                Set(messages, ("$id", message.Id.ToString().ToUpperInvariant()), ("$request", request.Id), ("$author", message.Author.ToString()),
                    ("$body", message.Body), ("$created", message.CreatedAt));
                await messages.ExecuteNonQueryAsync(ct);
            }

            foreach (var word in index)
            {
                Set(words, ("$word", word), ("$request", request.Id));
                await words.ExecuteNonQueryAsync(ct);
            }
        }

        await transaction.CommitAsync(ct);
    }

    public Task CompleteAsync(long lastId, CancellationToken ct) => Task.CompletedTask;

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Set(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }
}
