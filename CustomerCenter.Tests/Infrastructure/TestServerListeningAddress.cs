using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>
/// The in-memory test server listens nowhere, so it reports no addresses, and links in mails would have no trusted base.
/// This gives it the address Kestrel would report when listening on https://localhost — the address the test clients
/// use — so the production rule (a listening address, never the Host header) is what the tests exercise. A real server
/// (Kestrel in the browser tests) keeps its own addresses.
/// </summary>
internal sealed class TestServerListeningAddress(string address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (app.ApplicationServices.GetRequiredService<IServer>() is TestServer server)
        {
            server.Features.Set<IServerAddressesFeature>(new ListeningAddresses(address));
        }

        next(app);
    };

    private sealed class ListeningAddresses(string address) : IServerAddressesFeature
    {
        public ICollection<string> Addresses { get; } = [address];

        public bool PreferHostingUrls { get; set; }
    }
}
