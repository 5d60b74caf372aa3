using System.Net;
using System.Net.Sockets;

namespace Madrasah.Blazor.Infrastructure.RateLimits;

/// <summary>
/// Who a per-client limit counts: the request's address (after App:TrustedProxies), an IPv6 address by its /64
/// network (one subscriber holds a whole /64, so counting single addresses would let one client count as billions).
/// </summary>
public static class ClientAddress
{
    public static string? Of(HttpContext? context) => Of(context?.Connection.RemoteIpAddress);

    public static string? Of(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
