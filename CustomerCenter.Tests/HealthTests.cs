using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests;

public sealed class HealthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
