using System.Net;
using System.Net.Sockets;

namespace CustomerCenter.AccessLog;

/// <summary>Cuts an address to its network before it is stored: IPv4 to /24, IPv6 to /48 (DESIGN §4).</summary>
public static class IpPseudonymizer
{
    public static string? Pseudonymize(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var keep = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        Array.Clear(bytes, keep, bytes.Length - keep);
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? 24 : 48;
        return $"{new IPAddress(bytes)}/{prefix}";
    }
}
