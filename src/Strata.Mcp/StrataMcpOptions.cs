namespace Strata.Mcp;

/// <summary>How the MCP server exposes the knowledge base.</summary>
public sealed record StrataMcpOptions
{
    /// <summary>Serve only reading tools: <c>add</c> and <c>tag</c> are not listed, and calling them returns an error.</summary>
    public bool ReadOnly { get; init; }
}
