namespace CustomerCenter.Embedding;

/// <summary>
/// Where the origins allowed to frame the portal come from. Today that is configuration (Embed:AllowedOrigins); the
/// origins web editors register will come from the database. A source hands out a new <see cref="AllowedOriginSet"/>
/// whenever its list changes, and the same instance while it does not, so readers can cache what they build from it.
/// </summary>
public interface IAllowedOrigins
{
    AllowedOriginSet Current { get; }

    /// <summary>Reads the list again now, after a change made on this instance (other instances follow within a minute).</summary>
    Task ReloadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Completes once the list has been read from its source after start-up (a failed read counts too: then the
    /// configured origins stand, as after a failed refresh). Responses wait for it, so none carries a shorter list.
    /// </summary>
    Task WhenLoadedAsync();
}
