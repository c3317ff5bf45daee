using CustomerCenter.Embedding;
using OpenIddict.Abstractions;

namespace CustomerCenter.Federation;

/// <summary>The origins of the redirect URIs of every enabled site an Admin allowed to embed the portal.</summary>
internal sealed class SiteFramingOrigins(IOpenIddictApplicationManager applications) : IFramingSites
{
    public async Task<IReadOnlyList<string>> OriginsAsync(CancellationToken cancellationToken)
    {
        var origins = new List<string>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            if (!SiteRegistry.IsTrue(properties, SiteRegistry.EmbedProperty) || SiteRegistry.IsTrue(properties, SiteRegistry.DisabledProperty))
            {
                continue;
            }

            foreach (var uri in await applications.GetRedirectUrisAsync(application, cancellationToken))
            {
                if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && AllowedOrigin.TryParse(parsed.GetLeftPart(UriPartial.Authority), out var origin, out _))
                {
                    origins.Add(origin);
                }
            }
        }

        return origins;
    }
}
