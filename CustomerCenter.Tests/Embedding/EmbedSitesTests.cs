using CustomerCenter.Embedding;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Embedding;

/// <summary>Sites Admins allow in /staff/embed join the configured ones in every response's frame-ancestors.</summary>
public sealed class EmbedSitesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_added_site_may_frame_the_portal_from_the_next_response_and_a_removed_one_no_longer()
    {
        using var client = portal.CreatePortalClient();
        Assert.DoesNotContain("https://www.kammer.example", await PolicyAsync(client), StringComparison.Ordinal);

        var problem = await UseSitesAsync(sites => sites.AddAsync("https://WWW.kammer.example/", Guid.NewGuid(), CancellationToken.None));

        Assert.Null(problem);
        Assert.Contains("frame-ancestors 'self' https://japan.chamber.example https://www.kammer.example;", await PolicyAsync(client), StringComparison.Ordinal);
        var site = Assert.Single(await UseSitesAsync(sites => sites.ListAsync(CancellationToken.None)));
        await UseSitesAsync(async sites => { await sites.RemoveAsync(site.Id, CancellationToken.None); return 0; });
        Assert.DoesNotContain("kammer.example", await PolicyAsync(client), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://kammer.example/login", OriginProblem.NotJustAnOrigin)]
    [InlineData("*", OriginProblem.NotHttp)]
    [InlineData("https://a.example; script-src *", OriginProblem.ForbiddenCharacter)]
    [InlineData("https://*.*.example", OriginProblem.InvalidHost)]
    [InlineData("  ", OriginProblem.Empty)]
    public async Task Anything_but_an_origin_is_refused_with_a_reason(string value, OriginProblem expected)
    {
        var problem = await UseSitesAsync(sites => sites.AddAsync(value, Guid.NewGuid(), CancellationToken.None));

        Assert.Equal(expected, problem);
        Assert.Empty(await UseSitesAsync(sites => sites.ListAsync(CancellationToken.None)));
    }

    private static async Task<string> PolicyAsync(PortalClient client) =>
        Assert.Single((await client.Http.GetAsync("/embed/login")).Headers.GetValues("Content-Security-Policy"));

    private async Task<T> UseSitesAsync<T>(Func<EmbedSites, Task<T>> use)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<EmbedSites>());
    }
}
