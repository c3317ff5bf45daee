using OpenIddict.Abstractions;

namespace CustomerCenter.Federation;

/// <summary>
/// Every site's display name by client id, for pages that show site events (the access log, the member's history):
/// a chamber has a handful of sites, so one read of the application store per page.
/// </summary>
public sealed class SiteNames(IOpenIddictApplicationManager applications)
{
    /// <summary>Client id → display name (the client id when a site has none), ordered by name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken)
    {
        var names = new List<KeyValuePair<string, string>>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await applications.GetClientIdAsync(application, cancellationToken) is { } clientId)
            {
                names.Add(KeyValuePair.Create(clientId, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId));
            }
        }

        return names.OrderBy(name => name.Value, StringComparer.CurrentCultureIgnoreCase).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>The name to show for an event's site: its display name, or the client id of a site that is gone.</summary>
    public static string Of(IReadOnlyDictionary<string, string> names, string clientId) =>
        names.TryGetValue(clientId, out var name) ? name : clientId;
}
