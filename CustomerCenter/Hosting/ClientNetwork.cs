using System.Net;
using System.Net.Sockets;

namespace CustomerCenter.Hosting;

/// <summary>
/// The unit a client is limited by. An IPv6 subscriber is usually handed a whole /64 and can pick any address in it, so
/// the /64 counts as one client; an IPv4 address (also one written IPv4-mapped) counts by itself.
/// </summary>
public static class ClientNetwork
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
