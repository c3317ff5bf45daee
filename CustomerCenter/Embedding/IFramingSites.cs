namespace CustomerCenter.Embedding;

/// <summary>
/// Another feature's sites that may frame the portal (Federation: sites an Admin allowed to embed). Read with
/// /staff/embed's list whenever <see cref="AllowedOrigins"/> reloads, so the change reaches every instance the same way.
/// </summary>
public interface IFramingSites
{
    Task<IReadOnlyList<string>> OriginsAsync(CancellationToken cancellationToken);
}
