using Microsoft.Data.Sqlite;
using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Reads a term's live postings from every segment of the transaction's snapshot (stale ones skipped); the large
/// blobs phrases read come from <paramref name="hot"/> when it holds them for this table.
/// </summary>
internal sealed class PostingsSource(SqliteConnection connection, SqliteTransaction transaction, DocumentTable table, HotPostings? hot = null)
{
    private readonly string _segmentList = table.SegmentIds.Length == 0 ? "0" : string.Join(',', table.SegmentIds);

    /// <summary>A word's live postings: documents and column-weighted frequencies.</summary>
    public async Task<TermPostings> LoadAsync(string term, CancellationToken cancellationToken)
    {
        var postings = new TermPostings();
        await using var command = connection.Command(
            $"SELECT segment, data FROM search_postings WHERE segment IN ({_segmentList}) AND term = $t", transaction).With("$t", term);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Copied into a pooled buffer: a common word's blob is hundreds of KB, a fresh large-object array per query.
            var length = checked((int)reader.GetBytes(1, 0, null, 0, 0));
            var buffer = SearchBuffers.Bytes.Rent(Math.Max(length, 1));
            try
            {
                reader.GetBytes(1, 0, buffer, 0, length);
                Decode(checked((int)reader.GetInt64(0)), buffer.AsSpan(0, length), postings);
            }
            finally
            {
                SearchBuffers.Bytes.Return(buffer);
            }
        }

        return postings;
    }

    /// <summary>What the phrase <paramref name="key"/> matched, when kept from an earlier query of this table (the caller owns it).</summary>
    public TermPostings? KeptPhrase(string key) => hot?.TryGetPhrase(table, key);

    /// <summary>Offers what the phrase <paramref name="key"/> matched to be kept for later queries of this table.</summary>
    public void KeepPhrase(string key, TermPostings matched) => hot?.OfferPhrase(table, key, matched);

    /// <summary>The encoded postings and positions of <paramref name="terms"/>, per segment (for phrase matching).</summary>
    public async Task<Dictionary<long, Dictionary<string, (byte[] Data, byte[] Positions)>>> LoadEncodedAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var segments = new Dictionary<long, Dictionary<string, (byte[], byte[])>>();
        var missing = new List<string>();
        foreach (var term in terms)
        {
            if (hot is not null && hot.TryGet(table, term, out var kept))
            {
                foreach (var (segment, blobs) in kept)
                {
                    Blobs(segments, segment)[term] = blobs;
                }
            }
            else
            {
                missing.Add(term);
            }
        }

        if (missing.Count == 0)
        {
            return segments;
        }

        var read = missing.ToDictionary(term => term, _ => new Dictionary<long, (byte[], byte[])>(), StringComparer.Ordinal);
        await using (var command = connection.Command(
            $"SELECT segment, term, data, positions FROM search_postings WHERE segment IN ({_segmentList}) AND term IN (SELECT value FROM json_each($t))",
            transaction).With("$t", System.Text.Json.JsonSerializer.Serialize(missing.ToArray(), RankingJson.Default.StringArray)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var segment = reader.GetInt64(0);
                var term = reader.GetString(1);
                var blobs = (Blob(reader, 2), Blob(reader, 3));
                Blobs(segments, segment)[term] = blobs;
                read[term][segment] = blobs;
            }
        }

        foreach (var (term, blobs) in read)
        {
            hot?.Offer(table, term, blobs);
        }

        return segments;
    }

    /// <summary>A blob column's bytes in an array not zeroed first (a function word's positions are megabytes, all overwritten).</summary>
    private static byte[] Blob(SqliteDataReader reader, int ordinal)
    {
        var length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
        var bytes = GC.AllocateUninitializedArray<byte>(length);
        reader.GetBytes(ordinal, 0, bytes, 0, length);
        return bytes;
    }

    private static Dictionary<string, (byte[], byte[])> Blobs(Dictionary<long, Dictionary<string, (byte[], byte[])>> segments, long segment)
    {
        if (!segments.TryGetValue(segment, out var blobs))
        {
            segments[segment] = blobs = new Dictionary<string, (byte[], byte[])>(StringComparer.Ordinal);
        }

        return blobs;
    }

    /// <summary>The union of the live postings of every term starting with <paramref name="prefix"/> (see <see cref="PrefixPostings"/>).</summary>
    public async Task<TermPostings> LoadPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var rows = new List<(long, byte[])>();
        await using var command = PrefixCommand(prefix, "data");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (PrefixPostings.Covers(prefix, reader.GetString(1)))
            {
                rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(2)));
            }
        }

        return PrefixPostings.Union(rows, table);
    }

    /// <summary>The prefix's union per segment for the candidate documents, encoded with positions like one term (for phrase matching).</summary>
    public async Task<Dictionary<long, (byte[] Data, byte[] Positions)>> LoadPrefixEncodedAsync(string prefix, Dictionary<long, HashSet<int>> candidates, CancellationToken cancellationToken)
    {
        var rows = new List<(long, byte[], byte[])>();
        if (candidates.Count == 0)
        {
            return [];
        }

        await using var command = PrefixCommand(prefix, "data, positions", string.Join(',', candidates.Keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (PrefixPostings.Covers(prefix, reader.GetString(1)))
            {
                rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3)));
            }
        }

        return PrefixPostings.Encode(rows, table, candidates);
    }

    /// <summary>A range scan per segment over the (segment, term) index: the terms from the prefix up to its upper bound.</summary>
    private SqliteCommand PrefixCommand(string prefix, string columns, string? segmentList = null)
    {
        var upper = PrefixPostings.UpperBound(prefix);
        var command = connection.Command(
            $"SELECT segment, term, {columns} FROM search_postings WHERE segment IN ({segmentList ?? _segmentList}) AND term >= $low{(upper is null ? string.Empty : " AND term < $high")}",
            transaction).With("$low", prefix);
        return upper is null ? command : command.With("$high", upper);
    }

    private void Decode(int segment, ReadOnlySpan<byte> data, TermPostings postings)
    {
        postings.Reserve(data.Length / 2, out var documents, out var frequencies);
        postings.Advance(PostingsCodec.DecodeWeighted(data, table.Segments, segment, documents, frequencies));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class RankingJson : System.Text.Json.Serialization.JsonSerializerContext;
