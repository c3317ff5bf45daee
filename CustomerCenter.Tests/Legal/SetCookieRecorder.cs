namespace CustomerCenter.Tests.Legal;

/// <summary>Remembers the name of every cookie the portal sets, over all responses a client received.</summary>
internal sealed class SetCookieRecorder : DelegatingHandler
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            Names.UnionWith(headers.Select(header => Infrastructure.SetCookie.Parse(header).Name));
        }

        return response;
    }
}
