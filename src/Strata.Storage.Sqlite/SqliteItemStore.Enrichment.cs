using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Strata.Core.Enrich;
using Strata.Core.Items;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore
{
    /// <summary>Origins the enrichment step recomputes on every pass: their tags not in the new set are stale.</summary>
    private const string RecomputedOrigins = "('rule', 'learned')";

    private const string DeleteStaleTagsSql =
        $"DELETE FROM item_tags WHERE item_rowid = $r AND origin IN {RecomputedOrigins} AND instr(char(31) || $keep || char(31), char(31) || tag || char(31)) = 0";

    /// <summary>The pipeline's item update with the enrichment columns set in the same statement.</summary>
    private static readonly string UpdateWithEnrichmentSql = ItemRows.UpdateSql.Replace(
        " WHERE id = $id",
        ", keywords = $k, simhash = $s, " +
        "category_origin = $co, category_confidence = $cc WHERE id = $id",
        StringComparison.Ordinal);

    private static SqliteCommand BindEnrichment(SqliteCommand update, Item item, ItemEnrichment enrichment) => update
        .With("$k", KeywordText.Format(enrichment.Keywords))
        .With("$s", enrichment.SimHash is { } hash ? unchecked((long)hash) : (long?)null)
        .With("$co", item.Category is null ? null : item.CategoryOrigin?.ToString().ToLowerInvariant())
        .With("$cc", item.Category is null ? null : item.CategoryConfidence);

    private const string ClearEnrichmentSql =
        "DELETE FROM simhash_bands WHERE item_rowid = $r; DELETE FROM item_references WHERE item_rowid = $r; " +
        "DELETE FROM tag_suggestions WHERE item_rowid = $r AND state = 'pending' AND origin IN ('learned', 'rule')";

    private const string InsertBandSql = "INSERT OR IGNORE INTO simhash_bands (band, value, item_rowid) VALUES ($b, $v, $r)";

    private const string InsertReferenceSql = "INSERT OR IGNORE INTO item_references (item_rowid, kind, value) VALUES ($r, $k, $v)";

    private const string InsertSuggestionSql =
        "INSERT INTO tag_suggestions (item_rowid, tag, origin, confidence, state, created_at) " +
        "SELECT $r, $t, $o, $c, 'pending', $now WHERE NOT EXISTS (SELECT 1 FROM item_tags WHERE item_rowid = $r AND tag = $t) " +
        "ON CONFLICT (item_rowid, tag) DO NOTHING";

    /// <summary>Everything enrichment stores beside the item row (whose columns <see cref="UpdateWithEnrichmentSql"/> set).</summary>
    private async Task WriteEnrichmentAsync(CompletionCommands commands, long rowid, Item item, ItemEnrichment enrichment, CancellationToken cancellationToken)
    {
        var keep = string.Join('\u001f', item.Tags.Select(tag => ItemTag.Normalize(tag.Name)));
        await commands.Get(DeleteStaleTagsSql).With("$r", rowid).With("$keep", keep).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        await commands.Get(ClearEnrichmentSql).With("$r", rowid).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        if (enrichment.SimHash is { } bands)
        {
            for (var band = 0; band < SimHashBands.Count; band++)
            {
                await commands.Get(InsertBandSql).With("$b", band).With("$v", SimHashBands.Value(bands, band)).With("$r", rowid)
                    .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var reference in enrichment.References)
        {
            await commands.Get(InsertReferenceSql).With("$r", rowid).With("$k", reference.Kind.ToString().ToLowerInvariant()).With("$v", reference.Value)
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var suggestion in enrichment.Suggestions)
        {
            // A suggestion the user rejected stays rejected; one already applied as a tag is not suggested again.
            await commands.Get(InsertSuggestionSql)
                .With("$r", rowid).With("$t", ItemTag.Normalize(suggestion.Tag)).With("$o", suggestion.Origin.ToString().ToLowerInvariant())
                .With("$c", suggestion.Confidence).With("$now", Now())
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Keywords stored as <c>text TAB weight</c> lines (compact, and readable in the database).</summary>
internal static class KeywordText
{
    public static string? Format(IReadOnlyList<Keyword> keywords)
    {
        if (keywords.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var keyword in keywords)
        {
            text.Append(keyword.Text).Append('\t').Append(keyword.Weight.ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    public static IReadOnlyList<Keyword> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var keywords = new List<Keyword>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.LastIndexOf('\t');
            if (tab > 0 && double.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                keywords.Add(new Keyword(line[..tab], weight));
            }
        }

        return keywords;
    }
}
