using System.Globalization;
using System.Text;
using Npgsql;
using Strata.Core.Enrich;
using Strata.Core.Items;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    /// <summary>Origins the enrichment step recomputes on every pass: their tags not in the new set are stale.</summary>
    private const string RecomputedOrigins = "('rule', 'learned')";

    private async Task WriteEnrichmentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long rowid, Item item, ItemEnrichment enrichment, CancellationToken cancellationToken)
    {
        var keep = item.Tags.Select(tag => ItemTag.Normalize(tag.Name)).ToArray();
        await using (var stale = connection.Command(
            $"DELETE FROM item_tags WHERE item_rowid = @r AND origin IN {RecomputedOrigins} AND NOT (tag = ANY(@keep))", transaction)
            .With("r", rowid).With("keep", keep))
        {
            await stale.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var simhash = enrichment.SimHash is { } hash ? unchecked((long)hash) : (long?)null;
        await using (var update = connection.Command(
            "UPDATE items SET keywords = @k, simhash = @s, dup_checked = CASE WHEN simhash IS NOT DISTINCT FROM @s THEN dup_checked ELSE 0 END, " +
            "category_origin = @co, category_confidence = @cc WHERE rowid = @r", transaction)
            .With("r", rowid).With("k", KeywordText.Format(enrichment.Keywords)).With("s", simhash)
            .With("co", item.Category is null ? null : item.CategoryOrigin?.ToString().ToLowerInvariant())
            .With("cc", item.Category is null ? null : item.CategoryConfidence))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var clear = connection.Command(
            "DELETE FROM simhash_bands WHERE item_rowid = @r; DELETE FROM item_references WHERE item_rowid = @r; " +
            "DELETE FROM tag_suggestions WHERE item_rowid = @r AND state = 'pending' AND origin IN ('learned', 'rule')", transaction).With("r", rowid))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (enrichment.SimHash is { } bands)
        {
            // All bands in one statement: one round trip instead of one per band.
            var numbers = Enumerable.Range(0, SimHashBands.Count).ToArray();
            await using var insert = connection.Command("INSERT INTO simhash_bands (band, value, item_rowid) SELECT b, v, @r FROM unnest(@b, @v) AS t(b, v) ON CONFLICT DO NOTHING", transaction)
                .With("b", numbers).With("v", numbers.Select(band => SimHashBands.Value(bands, band)).ToArray()).With("r", rowid);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var reference in enrichment.References)
        {
            await using var insert = connection.Command("INSERT INTO item_references (item_rowid, kind, value) VALUES (@r, @k, @v) ON CONFLICT DO NOTHING", transaction)
                .With("r", rowid).With("k", reference.Kind.ToString().ToLowerInvariant()).With("v", reference.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var suggestion in enrichment.Suggestions)
        {
            // A suggestion the user rejected stays rejected; one already applied as a tag is not suggested again.
            await using var insert = connection.Command(
                "INSERT INTO tag_suggestions (item_rowid, tag, origin, confidence, state, created_at) " +
                "SELECT @r, @t, @o, @c, 'pending', @now WHERE NOT EXISTS (SELECT 1 FROM item_tags WHERE item_rowid = @r AND tag = @t) " +
                "ON CONFLICT (item_rowid, tag) DO NOTHING", transaction)
                .With("r", rowid).With("t", ItemTag.Normalize(suggestion.Tag)).With("o", suggestion.Origin.ToString().ToLowerInvariant())
                .With("c", suggestion.Confidence).With("now", Now());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
