using CustomerCenter.Support;

namespace CustomerCenter.Bench.Requests;

/// <summary>Writes seeded requests with their messages and index words in bulk, as the provider does it fastest.</summary>
internal interface IRequestRows
{
    Task WriteAsync(IReadOnlyList<(SupportRequest Request, IReadOnlySet<string> Words)> batch, CancellationToken ct);

    /// <summary>After the last batch: the ids were given here, so the database's own counter moves past them.</summary>
    Task CompleteAsync(long lastId, CancellationToken ct);
}
