using CustomerCenter.AccessLog;
using CustomerCenter.Federation;

namespace CustomerCenter.Tests.Federation;

/// <summary>One rule for a client id from a request, at the endpoints, the limiter, the registry and the access log.</summary>
public sealed class ClientIdsTests
{
    [Theory]
    [InlineData("events", true)]
    [InlineData("site-0123456789abcdef", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("events\0", false)]
    [InlineData("ev\nents", false)]
    public void A_client_id_is_plausible_when_printable_and_not_empty(string? clientId, bool plausible) =>
        Assert.Equal(plausible, ClientIds.IsPlausible(clientId));

    [Fact]
    public void The_longest_plausible_client_id_fits_the_access_log()
    {
        Assert.True(ClientIds.IsPlausible(new string('a', AccessEventRecorder.MaxSiteClientIdLength)));
        // The authorization endpoint allowed 200 before: a site the access log could not name.
        Assert.False(ClientIds.IsPlausible(new string('a', AccessEventRecorder.MaxSiteClientIdLength + 1)));
    }
}
