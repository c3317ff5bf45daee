using System.Net;
using CustomerCenter.AccessLog;

namespace CustomerCenter.Tests.AccessLog;

public sealed class IpPseudonymizerTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0/24")]
    [InlineData("2001:db8:abcd:12:34:56:78:9a", "2001:db8:abcd::/48")]
    [InlineData("::1", "::/48")]
    public void Addresses_are_cut_to_their_network_before_storage(string address, string stored)
    {
        Assert.Equal(stored, IpPseudonymizer.Pseudonymize(IPAddress.Parse(address)));
    }

    [Fact]
    public void No_address_stays_no_address() => Assert.Null(IpPseudonymizer.Pseudonymize(null));
}
