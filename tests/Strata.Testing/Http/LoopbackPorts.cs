using System.Net;
using System.Net.Sockets;

namespace Strata.Testing.Http;

/// <summary>Loopback ports for tests of connection failures.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A port on 127.0.0.1 that was free a moment ago and has nothing listening, so connecting is refused.
    /// (Another process could take it in between; on a test machine that is vanishingly rare.)
    /// </summary>
    public static int GetClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
