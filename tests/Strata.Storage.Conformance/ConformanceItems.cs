using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;

namespace Strata.Storage.Conformance;

/// <summary>Items and pipeline passes the conformance suites build on.</summary>
public static class ConformanceItems
{
    public static Item NewItem(string? title = null, string? hash = null, string? canonicalUrl = null, DateTimeOffset? collectedAt = null) => new()
    {
        Id = Ulid.NewUlid().ToString(),
        Kind = ItemKind.File,
        State = ItemState.Collected,
        Title = title,
        ContentHash = hash ?? Guid.NewGuid().ToString("N"),
        CanonicalUrl = canonicalUrl,
        CollectedAt = collectedAt ?? DateTimeOffset.UtcNow,
        UpdatedAt = collectedAt ?? DateTimeOffset.UtcNow,
    };

    /// <summary>Inserts an item, then runs it through a "pipeline pass" that indexes its title, text and tags.</summary>
    public static async Task<Item> AddIndexedAsync(this IItemStore store, Item item, string text)
    {
        await store.InsertAsync([new NewItem(item, null)], CancellationToken.None);
        var claimed = await store.ClaimJobsAsync(100, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        var mine = claimed.Single(candidate => candidate.Id == item.Id);
        var done = mine with { State = ItemState.Indexed, Text = text };
        var index = new IndexDocument(
            SearchTextAnalyzer.ToIndexText(item.Title ?? string.Empty),
            SearchTextAnalyzer.ToIndexText(text),
            SearchTextAnalyzer.ToIndexText(string.Join(' ', item.Tags.Select(tag => tag.Name.Replace('/', ' ')))));
        await store.CompleteJobsAsync([new ProcessedItem(done, index, null)], CancellationToken.None);
        return done;
    }

    public static Task<Item> AddIndexedAsync(this IItemStore store, string title, string text, params string[] tags) =>
        store.AddIndexedAsync(NewItem(title) with { Tags = tags.Select(tag => new ItemTag(tag)).ToArray() }, text);

    /// <summary>Searches as the knowledge base does: the query parsed, analysed and built into a match expression.</summary>
    public static async Task<IReadOnlyList<string>> SearchTitlesAsync(this IItemStore store, string query, ItemFilter? filter = null, bool any = false)
    {
        var parsed = SearchQueryParser.Parse(query);
        var expression = any ? Fts5QueryBuilder.BuildAny(parsed) : Fts5QueryBuilder.Build(parsed);
        var hits = await store.SearchAsync(new SearchRequest(expression, filter ?? new ItemFilter()), CancellationToken.None);
        return hits.Select(hit => hit.Item.DisplayTitle).ToArray();
    }
}
