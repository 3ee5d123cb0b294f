using System.Globalization;
using Strata.Core.Storage;

namespace Strata.Hosting;

/// <summary>
/// A change an agent made through an MCP client: what it did (<c>add</c>, <c>tag +x -y</c>) and which client
/// (its name and version as the client announced them).
/// </summary>
public sealed record AgentWrite(string Action, string ClientName, string? ClientVersion);

public sealed partial class KnowledgeBase
{
    /// <summary>What every agent write's provenance record starts with, so history views can tell them apart.</summary>
    public const string AgentProvenancePrefix = "agent:";

    /// <summary>
    /// Records an agent's write in the item's history as a provenance record
    /// (<c>agent:&lt;client&gt;/&lt;version&gt; &lt;action&gt; @&lt;time&gt;</c>, listed by <c>strata versions</c> and <c>strata show</c>).
    /// Each write gets its own record. Does nothing when no item has <paramref name="itemId"/>.
    /// </summary>
    public Task RecordAgentWriteAsync(string itemId, AgentWrite write, Uri? url, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var client = string.IsNullOrWhiteSpace(write.ClientVersion) ? write.ClientName : $"{write.ClientName}/{write.ClientVersion}";
        var externalId = $"{AgentProvenancePrefix}{client} {write.Action} @{now.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}";
        return _sources.AddProvenanceAsync(itemId, new Provenance(null, externalId, url?.ToString(), null, now), cancellationToken);
    }
}
