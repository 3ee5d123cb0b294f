using System.ComponentModel;
using ModelContextProtocol.Server;
using Strata.Core.Storage;
using Strata.Hosting;
using Strata.Mcp.Results;

namespace Strata.Mcp.Tools;

[McpServerToolType]
public sealed class RecentTool(KnowledgeBase kb, TimeProvider time)
{
    public const string Name = "recent";

    [McpServerTool(Name = Name, Title = "What's new", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        List what arrived in the knowledge base lately (newest first): items collected since a date or a span ago, optionally with one tag.
        Paged: when more exist the reply has nextOffset and says how to continue. Read an item with get_item.
        """)]
    public async Task<RecentPage> RecentAsync(
        [Description("Since when: an ISO date or time (2026-01-31, 2026-01-31T08:00Z) or a span ago (90m, 24h, 7d, 2w). Default 7d.")] string? since = null,
        [Description("Only items carrying this tag (a tag also matches its children: ai matches ai/llm).")] string? tag = null,
        [Description("How many items to return, 1-50. Default 10.")] int? limit = null,
        [Description("How many items to skip (use nextOffset from the previous reply). Default 0.")] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        var (skip, take) = Paging.Check(offset, limit);
        var from = Since.Parse(string.IsNullOrWhiteSpace(since) ? "7d" : since, time.GetUtcNow());
        var filter = new ItemFilter
        {
            After = from,
            Tags = string.IsNullOrWhiteSpace(tag) ? [] : [tag.Trim()],
            Limit = take + 1,
            Offset = skip,
        };
        var items = await kb.ListAsync(filter, cancellationToken).ConfigureAwait(false);
        var more = items.Count > take;
        return new RecentPage(from, filter.Tags.FirstOrDefault(), skip, items.Take(take).Select(Views.Row).ToArray(), more ? skip + take : null, more ? Paging.Continuation(Name, skip + take) : null);
    }
}
