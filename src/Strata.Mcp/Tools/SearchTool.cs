using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Strata.Core.Search;
using Strata.Hosting;
using Strata.Hosting.Retrieval;
using Strata.Mcp.Results;

namespace Strata.Mcp.Tools;

[McpServerToolType]
public sealed class SearchTool(KnowledgeBase kb)
{
    public const string Name = "search";

    [McpServerTool(Name = Name, Title = "Search the knowledge base", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Search the user's Strata knowledge base (articles, papers, notes, files they saved) and return matching items with scores, snippets and the best-matching passages.
        Query language: words (all must match; if none match, any may), "an exact phrase", -excluded, and filters tag:x category:y kind:article|paper|note|file|bookmark|feed-entry lang:en source:example.com after:2026-01-31 before:2026-06-30 is:unread.
        A query of filters only lists matching items, newest first. Results are paged: when more exist the reply has nextOffset and says how to continue.
        Use get_item with an id (and a passage's start as offset) to read the text.
        """)]
    public async Task<SearchPage> SearchAsync(
        [Description("The query, in the query language above. Example: \"vector databases\" tag:ai after:2026-01-01")] string query,
        [Description("keyword (BM25 over words), semantic (meaning, via embeddings), hybrid (both fused), or auto (hybrid when embeddings exist, else keyword). Default auto.")] string? mode = null,
        [Description("Only items carrying this tag (added to the query as tag:...).")] string? tag = null,
        [Description("Only items of this kind: article, paper, note, file, bookmark, feed-entry.")] string? kind = null,
        [Description("How many results to return, 1-50. Default 10.")] int? limit = null,
        [Description("How many results to skip (for the next page, use nextOffset from the previous reply). Default 0.")] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        var (skip, take) = Paging.Check(offset, limit);
        var text = Compose(query, tag, kind);
        var parsed = SearchQueryParser.Parse(text);
        if (!parsed.HasText && !parsed.HasFilters)
        {
            throw new McpException($"the query '{query}' has nothing to search for: give words, a \"phrase\" or a filter such as tag:x");
        }

        foreach (var name in parsed.Kinds)
        {
            if (!Enum.TryParse<Core.Items.ItemKind>(name.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out _))
            {
                throw new McpException($"unknown kind '{name}'; kinds are: article, paper, note, file, bookmark, feed-entry");
            }
        }

        var options = new SearchOptions { Mode = ParseMode(mode), Limit = skip + take + 1 };
        var response = await kb.SearchAsync(text, options, cancellationToken).ConfigureAwait(false);
        var hits = response.Results.Skip(skip).Take(take).Select(Views.Hit).ToArray();
        var more = response.Results.Count > skip + take;
        return new SearchPage(
            text, response.Mode.ToString().ToLowerInvariant(), skip, hits, more ? skip + take : null,
            more ? Paging.Continuation(Name, skip + take) : null, response.Notice);
    }

    private static string Compose(string query, string? tag, string? kind)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length > SearchQueryParser.MaxQueryLength)
        {
            throw new McpException($"the query is {text.Length} characters; at most {SearchQueryParser.MaxQueryLength} are read");
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            text += $" tag:\"{tag.Trim().Replace("\"", string.Empty, StringComparison.Ordinal)}\"";
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            text += $" kind:{kind.Trim()}";
        }

        return text.Trim();
    }

    private static SearchMode ParseMode(string? mode) =>
        string.IsNullOrWhiteSpace(mode) ? SearchMode.Auto
        : Enum.TryParse<SearchMode>(mode.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new McpException($"unknown mode '{mode}'; use keyword, semantic, hybrid or auto");
}
