using System.Globalization;
using System.Runtime.CompilerServices;
using Strata.Core.Enrich.Classify;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore : IClassificationStore
{
    /// <summary>Categories the classifier learns from: set by the user, a source or a rule (not by a model).</summary>
    private const string TrustedCategory = "i.category IS NOT NULL AND (i.category_origin IS NULL OR i.category_origin IN ('user', 'source', 'rule'))";

    public async Task<long> GetLabelsVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT (SELECT count(*) * 1000003.0 + COALESCE(sum(item_rowid * 31 + length(tag) * 7 + ascii(tag)), 0)::float8 FROM item_tags WHERE origin = 'user') + " +
            "(SELECT count(*) * 7919.0 + COALESCE(sum(item_rowid * 17 + ascii(tag)), 0)::float8 FROM tag_suggestions WHERE state = 'rejected') * 3 + " +
            $"(SELECT count(*) * 104729.0 + COALESCE(sum(i.rowid * 13 + length(i.category)), 0)::float8 FROM items i WHERE {TrustedCategory}) * 5");
        var value = Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return (long)(value % 9.0e15);
    }

    public async Task<IReadOnlyList<LabelledDocument>> ReadLabelledDocumentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT i.title, i.text, " +
            "(SELECT string_agg(t.tag, chr(31) ORDER BY t.tag) FROM item_tags t WHERE t.item_rowid = i.rowid AND t.origin = 'user'), " +
            $"CASE WHEN {TrustedCategory} THEN i.category END, " +
            "(SELECT string_agg(s.tag, chr(31) ORDER BY s.tag) FROM tag_suggestions s WHERE s.item_rowid = i.rowid AND s.state = 'rejected') " +
            "FROM items i WHERE i.state >= 2 AND i.duplicate_of IS NULL AND (" +
            "EXISTS (SELECT 1 FROM item_tags t WHERE t.item_rowid = i.rowid AND t.origin = 'user') OR " +
            $"EXISTS (SELECT 1 FROM tag_suggestions s WHERE s.item_rowid = i.rowid AND s.state = 'rejected') OR ({TrustedCategory})) ORDER BY i.rowid");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<LabelledDocument>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(new LabelledDocument(reader.GetStringOrNull(0), reader.GetStringOrNull(1), Split(reader.GetStringOrNull(2)), reader.GetStringOrNull(3), Split(reader.GetStringOrNull(4))));
        }

        return documents;
    }

    public async Task<StoredModel?> GetModelAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT data, labels_version, trained_at FROM models WHERE name = @n").With("n", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredModel((byte[])reader.GetValue(0), reader.GetInt64(1), PostgresTime.Parse(reader.GetString(2)))
            : null;
    }

    public async Task SaveModelAsync(string name, StoredModel model, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO models (name, trained_at, labels_version, data) VALUES (@n, @t, @v, @d) " +
            "ON CONFLICT (name) DO UPDATE SET trained_at = excluded.trained_at, labels_version = excluded.labels_version, data = excluded.data")
            .With("n", name).With("t", PostgresTime.ToText(model.TrainedAt)).With("v", model.LabelsVersion).With("d", model.Data);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<(string ItemId, string Tag)>> ReadRejectionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT i.id, s.tag FROM tag_suggestions s JOIN items i ON i.rowid = s.item_rowid WHERE s.state = 'rejected'");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rejections = new HashSet<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rejections.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rejections;
    }

    public async Task<IReadOnlyList<PendingSuggestion>> ListSuggestionsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT i.id, COALESCE(i.title, i.source_path, i.url, i.id), s.tag, s.origin, s.confidence FROM tag_suggestions s JOIN items i ON i.rowid = s.item_rowid " +
            "WHERE s.state = 'pending' ORDER BY s.confidence DESC, i.rowid LIMIT @l").With("l", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var suggestions = new List<PendingSuggestion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            suggestions.Add(new PendingSuggestion(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                Enum.Parse<TagOrigin>(reader.GetString(3), ignoreCase: true), reader.GetDouble(4)));
        }

        return suggestions;
    }

    public async Task<bool> DecideSuggestionAsync(string itemId, string tag, bool accept, CancellationToken cancellationToken)
    {
        tag = ItemTag.Normalize(tag);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.Command(
            "SELECT i.rowid, (SELECT origin FROM item_tags WHERE item_rowid = i.rowid AND tag = @t), " +
            "(SELECT state FROM tag_suggestions WHERE item_rowid = i.rowid AND tag = @t) FROM items i WHERE i.id = @id", transaction)
            .With("id", itemId).With("t", tag);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || (reader.IsDBNull(1) && reader.IsDBNull(2)))
        {
            return false;
        }

        var rowid = reader.GetInt64(0);
        await reader.DisposeAsync().ConfigureAwait(false);
        var sql = accept
            ? "INSERT INTO item_tags (item_rowid, tag, origin, confidence) VALUES (@r, @t, 'user', 1) " +
              "ON CONFLICT (item_rowid, tag) DO UPDATE SET origin = 'user', confidence = 1; " +
              "UPDATE tag_suggestions SET state = 'accepted' WHERE item_rowid = @r AND tag = @t"
            : "DELETE FROM item_tags WHERE item_rowid = @r AND tag = @t; " +
              "INSERT INTO tag_suggestions (item_rowid, tag, origin, confidence, state, created_at) VALUES (@r, @t, 'learned', 0, 'rejected', @now) " +
              "ON CONFLICT (item_rowid, tag) DO UPDATE SET state = 'rejected'";
        await using (var decide = connection.Command(sql, transaction).With("r", rowid).With("t", tag).With("now", Now()))
        {
            await decide.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The item's tags are indexed: re-enrich and re-index it.
        await QueueAsync(connection, transaction, rowid, ItemState.Extracted, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<TagCount>> ListTagCountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT tag, count(*), count(*) FILTER (WHERE origin IN ('user', 'source')), count(*) FILTER (WHERE origin NOT IN ('user', 'source')) FROM item_tags GROUP BY tag ORDER BY tag");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<TagCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new TagCount(reader.GetString(0), reader.GetInt(1), reader.GetInt(2), reader.GetInt(3)));
        }

        return counts;
    }

    public async Task<int> RenameTagAsync(string from, string to, CancellationToken cancellationToken)
    {
        from = ItemTag.Normalize(from);
        to = ItemTag.Normalize(to);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var renamed = "CASE WHEN tag = @from THEN @to ELSE @to || substr(tag, length(@from) + 1) END";
        var renamedSuggestion = "CASE WHEN s.tag = @from THEN @to ELSE @to || substr(s.tag, length(@from) + 1) END";
        var matches = "(tag = @from OR tag LIKE @from || '/%')";
        var items = new List<long>();
        await using (var affected = connection.Command($"SELECT DISTINCT item_rowid FROM item_tags WHERE {matches}", transaction).With("from", from))
        await using (var reader = await affected.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(reader.GetInt64(0));
            }
        }

        // Where an item has both names, the stronger origin survives (the user's over a model's).
        await using (var rename = connection.Command(
            $"INSERT INTO item_tags (item_rowid, tag, origin, confidence) SELECT item_rowid, {renamed}, origin, confidence FROM item_tags WHERE {matches} " +
            "ON CONFLICT (item_rowid, tag) DO UPDATE SET origin = excluded.origin, confidence = excluded.confidence WHERE excluded.origin = 'user' OR item_tags.origin <> 'user'; " +
            $"DELETE FROM item_tags WHERE {matches} AND @from <> @to; " +
            // SQLite's UPDATE OR IGNORE: a suggestion whose new name the item already has is left, then deleted below.
            $"UPDATE tag_suggestions s SET tag = {renamedSuggestion} WHERE (s.tag = @from OR s.tag LIKE @from || '/%') " +
            $"AND NOT EXISTS (SELECT 1 FROM tag_suggestions o WHERE o.item_rowid = s.item_rowid AND o.tag = {renamedSuggestion}); " +
            $"DELETE FROM tag_suggestions WHERE {matches} AND @from <> @to",
            transaction).With("from", from).With("to", to))
        {
            await rename.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var rowid in items)
        {
            await QueueAsync(connection, transaction, rowid, ItemState.Extracted, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return items.Count;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlySet<long>>> ReadTagMembersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT tag, item_rowid FROM item_tags");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var members = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var tag = reader.GetString(0);
            if (!members.TryGetValue(tag, out var set))
            {
                members[tag] = set = [];
            }

            set.Add(reader.GetInt64(1));
        }

        return members.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<long>)pair.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> ReadItemSourcesAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT DISTINCT s.id, s.name FROM provenance p JOIN items i ON i.rowid = p.item_rowid JOIN sources s ON s.id = p.source_id WHERE i.id = @id")
            .With("id", itemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var sources = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sources.Add(reader.GetString(0));
            if (reader.GetStringOrNull(1) is { } name)
            {
                sources.Add(name);
            }
        }

        return sources;
    }

    public async IAsyncEnumerable<Item> ReadAllItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {ItemRows.FullColumns}, (SELECT string_agg(t.tag || chr(30) || t.origin || chr(30) || t.confidence::text, chr(31) ORDER BY t.tag) FROM item_tags t WHERE t.item_rowid = i.rowid) " +
            "FROM items i WHERE i.state >= 2 ORDER BY i.rowid");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tagColumn = reader.FieldCount - 1;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var tags = Split(reader.GetStringOrNull(tagColumn)).Select(entry => entry.Split('\u001e'))
                .Select(parts => new ItemTag(parts[0], Enum.Parse<TagOrigin>(parts[1], ignoreCase: true), double.Parse(parts[2], CultureInfo.InvariantCulture))).ToArray();
            yield return ItemRows.ReadItem(reader, tags);
        }
    }

    public async Task<int> RequeueForEnrichmentAsync(IReadOnlyList<string>? ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (ids is null)
        {
            // Everything at once, in two statements rather than one round trip per item.
            await using var all = connection.Command(
                "UPDATE items SET state = 2, error = NULL, error_transient = 0 WHERE state >= 2; " +
                "INSERT INTO jobs (item_rowid, state, next_attempt_at) SELECT rowid, 'pending', @now FROM items WHERE state = 2 " +
                "ON CONFLICT (item_rowid) DO UPDATE SET state = 'pending', attempts = 0, next_attempt_at = excluded.next_attempt_at, last_error = NULL, lease_owner = NULL, lease_until = NULL",
                transaction).With("now", Now());
            await all.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var queued = connection.Command("SELECT count(*) FROM items WHERE state = 2", transaction);
            var requeued = Convert.ToInt32(await queued.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return requeued;
        }

        var count = 0;
        foreach (var id in ids)
        {
            await using var find = connection.Command("SELECT rowid FROM items WHERE id = @id AND state >= 2", transaction).With("id", id);
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long rowid)
            {
                await QueueAsync(connection, transaction, rowid, ItemState.Extracted, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public async Task<int> RequeueLearnedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "WITH learned AS (SELECT item_rowid AS r FROM item_tags WHERE origin = 'learned' UNION SELECT item_rowid FROM tag_suggestions WHERE state = 'pending' " +
            "UNION SELECT rowid FROM items WHERE category_origin = 'learned') " +
            "UPDATE items SET state = 2 WHERE state > 2 AND rowid IN (SELECT r FROM learned); " +
            "INSERT INTO jobs (item_rowid, state, next_attempt_at) SELECT rowid, 'pending', @now FROM items WHERE state = 2 AND rowid NOT IN (SELECT item_rowid FROM jobs) " +
            "AND (rowid IN (SELECT item_rowid FROM item_tags WHERE origin = 'learned') OR rowid IN (SELECT item_rowid FROM tag_suggestions WHERE state = 'pending') OR category_origin = 'learned')",
            transaction).With("now", Now());
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    public async Task AddSuggestionsAsync(string itemId, IReadOnlyList<Strata.Core.Enrich.TagSuggestion> suggestions, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var suggestion in suggestions)
        {
            await using var insert = connection.Command(
                "INSERT INTO tag_suggestions (item_rowid, tag, origin, confidence, state, created_at) " +
                "SELECT i.rowid, @t, @o, @c, 'pending', @now FROM items i WHERE i.id = @id " +
                "AND NOT EXISTS (SELECT 1 FROM item_tags WHERE item_rowid = i.rowid AND tag = @t) ON CONFLICT (item_rowid, tag) DO NOTHING", transaction)
                .With("id", itemId).With("t", ItemTag.Normalize(suggestion.Tag)).With("o", suggestion.Origin.ToString().ToLowerInvariant())
                .With("c", suggestion.Confidence).With("now", Now());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string[] Split(string? joined) => joined is null ? [] : joined.Split('\u001f');
}
