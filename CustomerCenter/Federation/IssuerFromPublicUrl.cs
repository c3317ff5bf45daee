using CustomerCenter.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace CustomerCenter.Federation;

/// <summary>
/// The issuer is <c>Portal:PublicUrl</c> (or, without it, the base the portal trusts for mailed links: a host in
/// AllowedHosts or an address it listens on). OpenIddict would otherwise take the request's Host header, so a request
/// with <c>Host: evil.example</c> would get tokens issued by evil.example (<see cref="RequireTrustedIssuer"/>).
/// </summary>
internal sealed class IssuerFromPublicUrl(IServiceScopeFactory scopes) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var publicUrl = scope.ServiceProvider.GetRequiredService<PublicUrl>();
        if (publicUrl.IsAvailable)
        {
            options.Issuer = new Uri(publicUrl.For("/"), UriKind.Absolute);
        }
    }
}
