using System.ComponentModel;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Strata.Hosting;
using Strata.Hosting.Retrieval;

namespace Strata.Mcp.Resources;

/// <summary>Items as <c>strata://item/&lt;id&gt;</c> and search results as <c>strata://search/&lt;query&gt;</c>.</summary>
[McpServerResourceType]
public sealed class ItemResources(KnowledgeBase kb)
{
    public const string SearchUriPrefix = "strata://search/";

    [McpServerResource(UriTemplate = Views.ItemUriPrefix + "{id}", Name = "item", Title = "A knowledge-base item", MimeType = "text/markdown")]
    [Description("One item of the knowledge base as Markdown: title, source, tags, then its whole extracted text. For long items prefer the get_item tool, which pages.")]
    public async Task<TextResourceContents> ItemAsync(string id, CancellationToken cancellationToken)
    {
        var item = await ItemLookup.RequireAsync(kb, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false);
        var markdown = new StringBuilder()
            .Append("# ").AppendLine(item.DisplayTitle).AppendLine()
            .Append("- id: ").AppendLine(item.Id)
            .Append("- kind: ").AppendLine(Views.Name(item.Kind))
            .Append("- source: ").AppendLine(item.Url ?? item.SourcePath ?? "note")
            .Append("- collected: ").AppendLine(item.CollectedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append("- tags: ").AppendLine(string.Join(", ", item.Tags.Select(tag => tag.Name)))
            .AppendLine()
            .Append(item.Text ?? item.Error ?? "(not extracted yet)");
        return new TextResourceContents { Uri = Views.ItemUri(item.Id), MimeType = "text/markdown", Text = markdown.ToString() };
    }

    [McpServerResource(UriTemplate = SearchUriPrefix + "{query}", Name = "search", Title = "Search results", MimeType = "application/json")]
    [Description("The 10 best results for a query in Strata's query language (URL-encoded), as JSON: id, title, score, snippet and the item's strata://item URI. For more results or other modes use the search tool.")]
    public async Task<TextResourceContents> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var text = Uri.UnescapeDataString(query);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new McpException("give a query after strata://search/");
        }

        var response = await kb.SearchAsync(text, new SearchOptions { Limit = McpLimits.DefaultResults }, cancellationToken).ConfigureAwait(false);
        var hits = response.Results.Select(Views.Hit).ToArray();
        return new TextResourceContents
        {
            Uri = SearchUriPrefix + Uri.EscapeDataString(text),
            MimeType = "application/json",
            Text = JsonSerializer.Serialize(hits, StrataMcpJson.Options.GetTypeInfo(typeof(Results.SearchHitView[]))),
        };
    }
}
