namespace Strata.Core.Web;

/// <summary>A named credential for the REST API and MCP over HTTP (e.g. "phone").</summary>
public sealed record ApiToken(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
