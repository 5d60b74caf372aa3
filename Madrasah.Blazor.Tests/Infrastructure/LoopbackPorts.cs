using System.Net;
using System.Net.Sockets;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// Free loopback ports for the servers the tests start (apps, SMTP servers), never the same number twice in a run. The
/// kernel hands out a port that was just freed again, and a server takes seconds to start and bind the port it was
/// given: two servers starting at once (the browser collections and the app tests run beside each other) could be given
/// the same number, and the loser's health check would be answered by the winner.
/// </summary>
public static class LoopbackPorts
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Given)
                if (Given.Add(port)) return port;
        }
    }
}
