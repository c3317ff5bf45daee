using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server.AspNetCore;

namespace CustomerCenter.Tests.Browser.Federation;

/// <summary>
/// The browser tests' portal as an OpenID Connect provider on plain http://localhost. In production TLS ends at the
/// proxy and requests arrive as https; here there is no proxy, so OpenIddict's https requirement is lifted, as
/// <c>dotnet run</c> does in Development. Everything else is the portal as it runs.
/// </summary>
public sealed class FederationBrowserPortal : BrowserPortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Configure<OpenIddictServerAspNetCoreOptions>(options => options.DisableTransportSecurityRequirement = true));
    }

    /// <summary>Registers <paramref name="site"/> as <c>Federation:Clients:N</c>, exactly as an operator would.</summary>
    public FederationBrowserPortal WithSite(int index, RelyingPartySite site, string consent)
    {
        var key = $"Federation:Clients:{index}";
        With($"{key}:ClientId", site.ClientId);
        With($"{key}:DisplayName", site.DisplayName);
        With($"{key}:ClientSecret", site.ClientSecret);
        With($"{key}:RedirectUris:0", site.RedirectUri.AbsoluteUri);
        With($"{key}:PostLogoutRedirectUris:0", site.PostLogoutRedirectUri.AbsoluteUri);
        With($"{key}:Consent", consent);
        return this;
    }
}
