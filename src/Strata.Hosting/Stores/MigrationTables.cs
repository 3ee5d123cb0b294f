namespace Strata.Hosting.Stores;

/// <summary>
/// The tables <c>strata migrate</c> copies, parents before children, with the columns that identify a row. Both
/// engines' schemas use these names; columns are copied where both sides have them (PostgreSQL's job leases have
/// no SQLite counterpart). The keyword index is not copied: SQLite's is contentless, so it is rebuilt.
/// </summary>
internal static class MigrationTables
{
    public static IReadOnlyList<MigrationTable> All { get; } =
    [
        new("items", ["rowid"]),
        new("item_tags", ["item_rowid", "tag"]),
        new("snapshots", ["item_rowid", "hash"]),
        new("jobs", ["item_rowid"]),
        new("sources", ["rowid"]),
        new("source_runs", ["rowid"]),
        new("provenance", ["item_rowid", "external_id"]),
        // vector.path describes the PostgreSQL server, not the base; the keyword index markers describe SQLite's index, which is rebuilt.
        new("settings", ["key"], "key NOT IN ('vector.path', 'search.keyword_index', 'search.fts')"),
        new("simhash_bands", ["band", "value", "item_rowid"]),
        new("tag_suggestions", ["item_rowid", "tag"]),
        new("rules", ["rowid"]),
        new("item_references", ["item_rowid", "kind", "value"]),
        new("term_df", ["term"]),
        new("models", ["name"]),
        new("categories", ["name"]),
        new("chunks", ["item_rowid", "ordinal"]),
        new("embeddings", ["model", "hash"]),
        new("summaries", ["item_rowid", "method"]),
        new("digests", ["rowid"]),
        new("digest_items", ["digest_rowid", "item_id"]),
        new("model_ledger", ["rowid"]),
        new("model_cache", ["key"]),
        new("highlights", ["rowid"]),
        new("api_tokens", ["id"]),
        new("cards", ["rowid"]),
        new("review_log", ["rowid"]),
        new("memory_parameters", ["rowid"]),
    ];

    /// <summary>Copied in a second pass: an item may point at one copied after it.</summary>
    public const string DeferredItemColumn = "duplicate_of";
}

/// <param name="Name">The table.</param>
/// <param name="Key">Columns that identify a row (its primary key).</param>
/// <param name="Filter">Rows left out on both sides, or null.</param>
internal sealed record MigrationTable(string Name, IReadOnlyList<string> Key, string? Filter = null);
