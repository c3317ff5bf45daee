using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>A portal whose password hasher counts its verifications.</summary>
public sealed class CountingHasherPortalFactory : PortalFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPasswordHasher<Member>>();
            services.AddSingleton<IPasswordHasher<Member>>(Hasher);
        });
    }
}
