using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting;
using Strata.Mcp.Results;

namespace Strata.Mcp;

/// <summary>Maps the facade's records to what the tools return.</summary>
public static class Views
{
    public const string ItemUriPrefix = "strata://item/";

    public static string ItemUri(string id) => ItemUriPrefix + id;

    public static string Name(ItemKind kind) => kind.ToString().ToLowerInvariant();

    public static string Name(ItemState state) => state.ToString().ToLowerInvariant();

    /// <summary>Snippet marks as Markdown bold, which every client renders or reads.</summary>
    public static string Bold(string snippet) => KnowledgeBase.RenderSnippet(snippet, "**", "**");

    public static TagView Tag(ItemTag tag) => new(tag.Name, tag.Origin.ToString().ToLowerInvariant(), tag.Confidence);

    public static HistoryEntry History(Provenance record) => new(record.SeenAt, record.SourceId is null ? record.ExternalId : $"{record.ExternalId} (source {record.SourceId})", record.Url);

    public static ItemRow Row(ItemSummary item) => new(
        item.Id, item.DisplayTitle, Name(item.Kind), Name(item.State), item.Url, item.SourcePath, item.CollectedAt, item.PublishedAt,
        item.WordCount, item.Tags, item.Error, ItemUri(item.Id));

    public static SearchHitView Hit(SearchResult result) => new(
        result.Item.Id, result.Item.DisplayTitle, Name(result.Item.Kind), result.Item.Url, result.Item.SourcePath, result.Item.Language,
        result.Item.CollectedAt, result.Item.PublishedAt, result.Item.Tags, Math.Round(result.Score, 4), Bold(result.Snippet),
        result.Passages.Select(passage => new PassageView(passage.Start, passage.Length, passage.Page, Math.Round(passage.Score, 4), Bold(passage.Snippet))).ToArray(),
        ItemUri(result.Item.Id));
}
