using Npgsql;
using Strata.Core.Digests;
using Strata.Core.Items;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    private const string BestSummary =
        "(SELECT s.text FROM summaries s WHERE s.item_rowid = i.rowid ORDER BY CASE s.method WHEN 'abstractive' THEN 0 ELSE 1 END LIMIT 1)";

    public async Task<IReadOnlyList<DigestCandidate>> ListDigestCandidatesAsync(DateTimeOffset after, DateTimeOffset before, string? tag, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var tagCondition = tag is null ? string.Empty : " AND EXISTS (SELECT 1 FROM item_tags t WHERE t.item_rowid = i.rowid AND (t.tag = @tag OR t.tag LIKE @tag || '/%'))";
        await using var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, i.category, COALESCE({BestSummary}, i.excerpt) FROM items i " +
            $"WHERE i.state = @indexed AND i.collected_at >= @after AND i.collected_at < @before{tagCondition} ORDER BY i.collected_at DESC, i.rowid DESC LIMIT @limit")
            .With("indexed", (int)ItemState.Indexed).With("after", PostgresTime.ToText(after)).With("before", PostgresTime.ToText(before))
            .With("tag", tag?.Trim().ToLowerInvariant()).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var candidates = new List<DigestCandidate>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates.Add(new DigestCandidate(ItemRows.ReadSummary(reader), reader.GetStringOrNull(ItemRows.SummaryWidth), reader.GetStringOrNull(ItemRows.SummaryWidth + 1)));
        }

        return candidates;
    }

    public async Task<IReadOnlyDictionary<string, double>> GetInterestTagsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT t.tag, SUM(CASE WHEN i.favourite = 1 THEN 2.0 ELSE 1.0 END)::float8 FROM item_tags t JOIN items i ON i.rowid = t.item_rowid " +
            "WHERE i.favourite = 1 OR i.status = 'read' GROUP BY t.tag");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tags = new Dictionary<string, double>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tags[reader.GetString(0)] = reader.GetDouble(1);
        }

        return tags;
    }

    public async Task<IReadOnlyList<string>> ListEarlierDigestTextsAsync(int digests, IReadOnlyCollection<string> exceptIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT DISTINCT COALESCE(i.title, '') || ' ' || COALESCE({BestSummary}, i.excerpt, '') FROM digest_items d JOIN items i ON i.id = d.item_id " +
            "WHERE d.digest_rowid IN (SELECT rowid FROM digests ORDER BY created_at DESC LIMIT @n) AND NOT (d.item_id = ANY(@except))")
            .With("n", digests).With("except", exceptIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var texts = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    public async Task SaveDigestAsync(StoredDigest digest, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long rowid;
        await using (var insert = connection.Command(
            "INSERT INTO digests (id, created_at, window_start, window_end, tag, markdown, html, delivered_to) VALUES (@id, @at, @from, @to, @tag, @md, @html, @dt) RETURNING rowid",
            transaction)
            .With("id", digest.Id).With("at", PostgresTime.ToText(digest.CreatedAt)).With("from", PostgresTime.ToText(digest.WindowStart))
            .With("to", PostgresTime.ToText(digest.WindowEnd)).With("tag", digest.Tag).With("md", digest.Markdown).With("html", digest.Html).With("dt", digest.DeliveredTo))
        {
            rowid = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var top = digest.TopStoryIds.ToHashSet(StringComparer.Ordinal);
        foreach (var id in digest.ItemIds)
        {
            await using var item = connection.Command("INSERT INTO digest_items (digest_rowid, item_id, top_story) VALUES (@d, @i, @t) ON CONFLICT DO NOTHING", transaction);
            await item.With("d", rowid).With("i", id).With("t", top.Contains(id) ? 1 : 0).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredDigest>> ListDigestsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadDigestsAsync(connection, "ORDER BY created_at DESC, rowid DESC LIMIT @limit", command => command.With("limit", limit), cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredDigest?> GetDigestAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await ReadDigestsAsync(connection, "WHERE id LIKE @p || '%' ORDER BY id LIMIT 2", command => command.With("p", idOrPrefix.ToUpperInvariant()), cancellationToken).ConfigureAwait(false);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task MarkDigestDeliveredAsync(string id, string deliveredTo, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE digests SET delivered_to = @to WHERE id = @id").With("to", deliveredTo).With("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SetMarksAsync(string itemId, ItemStatus? status, bool? favourite, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE items SET status = COALESCE(@s, status), favourite = COALESCE(@f, favourite) WHERE id = @id")
            .With("s", status?.ToString().ToLowerInvariant()).With("f", favourite is null ? null : favourite.Value ? 1 : 0).With("id", itemId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static async Task<IReadOnlyList<StoredDigest>> ReadDigestsAsync(NpgsqlConnection connection, string tail, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        var digests = new List<(long Rowid, StoredDigest Digest)>();
        await using (var command = connection.Command($"SELECT rowid, id, created_at, window_start, window_end, tag, markdown, html, delivered_to FROM digests {tail}"))
        {
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                digests.Add((reader.GetInt64(0), new StoredDigest(
                    reader.GetString(1), PostgresTime.Parse(reader.GetString(2)), PostgresTime.Parse(reader.GetString(3)), PostgresTime.Parse(reader.GetString(4)),
                    reader.GetStringOrNull(5), reader.GetString(6), reader.GetString(7), [], []) { DeliveredTo = reader.GetStringOrNull(8) }));
            }
        }

        var result = new List<StoredDigest>(digests.Count);
        foreach (var (rowid, digest) in digests)
        {
            var items = new List<string>();
            var top = new List<string>();
            await using var select = connection.Command("SELECT item_id, top_story FROM digest_items WHERE digest_rowid = @d").With("d", rowid);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(reader.GetString(0));
                if (reader.GetInt32(1) != 0)
                {
                    top.Add(reader.GetString(0));
                }
            }

            result.Add(digest with { ItemIds = items, TopStoryIds = top });
        }

        return result;
    }
}
