using ModelContextProtocol.Server;
using Strata.Hosting;

namespace Strata.Mcp;

/// <summary>Who is writing: the MCP client as it introduced itself (name and version from <c>clientInfo</c>).</summary>
public static class AgentIdentity
{
    /// <summary>Stands in for clients that did not say who they are.</summary>
    public const string UnknownClient = "unknown-client";

    public static AgentWrite Describe(McpServer server, string action)
    {
        var info = server.ClientInfo;
        var name = string.IsNullOrWhiteSpace(info?.Name) ? UnknownClient : info.Name.Trim();
        return new AgentWrite(action, name, string.IsNullOrWhiteSpace(info?.Version) ? null : info.Version.Trim());
    }
}
