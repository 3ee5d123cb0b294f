using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Strata.Hosting;
using Strata.Mcp.Results;

namespace Strata.Mcp.Tools;

[McpServerToolType]
public sealed class GetItemTool(KnowledgeBase kb)
{
    public const string Name = "get_item";

    [McpServerTool(Name = Name, Title = "Read an item", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Read one item of the knowledge base: its extracted text (Markdown), summary and key points, metadata, tags (with who set them), related item ids, PDF pages and history (where it came from, which agents changed it).
        Text is returned in windows of at most maxChars characters (default 20000): when text.truncated is true, call again with offset=text.nextOffset.
        To read one passage from a search result, pass offset=passage.start and maxChars=passage.length; to read a PDF page, pass page.
        """)]
    public async Task<ItemView> GetItemAsync(
        [Description("The item's id (or an unambiguous prefix of it), as returned by search or recent.")] string id,
        [Description("Character offset in the item's text to start from. Default 0 (or the page's start).")] int? offset = null,
        [Description("Most characters of text to return, 1-100000. Default 20000.")] int? maxChars = null,
        [Description("A PDF page number: return only that page's text.")] int? page = null,
        CancellationToken cancellationToken = default)
    {
        var item = await ItemLookup.RequireAsync(kb, id, cancellationToken).ConfigureAwait(false);
        var text = item.Text ?? string.Empty;
        var (start, end) = (offset ?? 0, (int?)null);
        if (page is { } number)
        {
            var span = item.Pages.FirstOrDefault(candidate => candidate.Number == number);
            if (span == default)
            {
                throw new McpException(item.Pages.Count == 0 ? $"item {item.Id} has no pages" : $"item {item.Id} has pages {item.Pages[0].Number}–{item.Pages[^1].Number}, not {number}");
            }

            (start, end) = (offset is { } within && within >= span.Start ? within : span.Start, Math.Min(text.Length, span.Start + span.Length));
        }

        var window = TextWindows.Slice(text, start, end, maxChars, $"{Name} again (id={item.Id}" + (page is null ? string.Empty : $", page={page}") + ")");
        var summary = (await kb.GetSummariesAsync(item.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        var related = await kb.RelatedAsync(item.Id, McpLimits.RelatedShown, cancellationToken).ConfigureAwait(false) ?? [];
        var history = await kb.ListProvenanceAsync(item.Id, cancellationToken).ConfigureAwait(false);
        return new ItemView(
            item.Id, item.DisplayTitle, Views.Name(item.Kind), Views.Name(item.State), item.Url, item.SourcePath, item.SiteName, item.Byline, item.Language,
            item.CollectedAt, item.PublishedAt, item.WordCount, item.Category, item.Tags.Select(Views.Tag).ToArray(),
            item.Metadata.ToDictionary(), summary?.Text, summary?.KeyPoints ?? [],
            related.Select(hit => new RelatedView(hit.Item.Id, hit.Item.DisplayTitle, Math.Round(hit.Score, 4))).ToArray(),
            item.Pages.Select(span => new PageView(span.Number, span.Start, span.Length)).ToArray(), history.Select(Views.History).ToArray(), item.Error, window);
    }
}
