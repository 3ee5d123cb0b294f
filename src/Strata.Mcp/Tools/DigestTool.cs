using System.ComponentModel;
using ModelContextProtocol.Server;
using Strata.Hosting;
using Strata.Mcp.Results;

namespace Strata.Mcp.Tools;

[McpServerToolType]
public sealed class DigestTool(KnowledgeBase kb, TimeProvider time)
{
    public const string Name = "digest";

    [McpServerTool(Name = Name, Title = "Digest of what arrived", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        A digest (Markdown) of what arrived in a time window: top stories ranked by novelty and the user's interests, then items grouped by category or topic with a one-line summary each.
        Nothing is stored or mailed. Long digests are paged: when markdown.truncated is true, call again with offset=markdown.nextOffset.
        """)]
    public async Task<DigestView> DigestAsync(
        [Description("The window: an ISO date to start from, or a span ago (24h, 7d, 2w). Default 7d.")] string? window = null,
        [Description("Only items carrying this tag.")] string? tag = null,
        [Description("Character offset in the digest's Markdown. Default 0.")] int? offset = null,
        [Description("Most characters to return, 1-100000. Default 20000.")] int? maxChars = null,
        CancellationToken cancellationToken = default)
    {
        TextWindows.CheckedSize(maxChars);
        var since = Since.Parse(string.IsNullOrWhiteSpace(window) ? "7d" : window, time.GetUtcNow());
        var digest = await kb.CreateDigestAsync(since, string.IsNullOrWhiteSpace(tag) ? null : tag.Trim(), store: false, send: false, cancellationToken).ConfigureAwait(false);
        var markdown = TextWindows.Slice(digest.Markdown, offset ?? 0, null, maxChars, $"{Name} again with the same window and tag");
        return new DigestView(digest.Digest.WindowStart, digest.Digest.WindowEnd, digest.Digest.Tag, digest.Digest.ItemCount, markdown);
    }
}
