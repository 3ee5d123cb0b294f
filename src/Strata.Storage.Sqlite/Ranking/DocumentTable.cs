using Microsoft.Data.Sqlite;
using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// An immutable view of the ranked index's documents as of one change number: each document's length, its live
/// segment (0 when deleted, -1 while pending) and BM25 length norm, indexed by rowid, plus the collection statistics BM25 needs.
/// </summary>
internal sealed class DocumentTable
{
    private DocumentTable(int[] lengths, int[] segments, long changed, long[] segmentIds)
    {
        Lengths = lengths;
        Segments = segments;
        Changed = changed;
        SegmentIds = segmentIds;
        long total = 0;
        var documents = 0;
        for (var document = 0; document < lengths.Length; document++)
        {
            if (segments[document] > 0) // 0: deleted; pending (-1): postings not written yet
            {
                documents++;
                total += lengths[document];
            }
        }

        Documents = documents;
        var average = documents == 0 ? 1 : (double)total / documents;
        Norms = new float[lengths.Length];
        for (var document = 0; document < lengths.Length; document++)
        {
            Norms[document] = Bm25.LengthNorm(lengths[document], average);
        }
    }

    public static readonly DocumentTable Empty = new([], [], -1, []);

    /// <summary>A table without documents as of change <paramref name="changed"/> (tests of what is kept per table).</summary>
    public static DocumentTable Without(long changed) => new([], [], changed, []);

    public int[] Lengths { get; }

    /// <summary>The segment holding each document's current postings; postings found in any other are stale.</summary>
    public int[] Segments { get; }

    public float[] Norms { get; }

    public long Changed { get; }

    public long[] SegmentIds { get; }

    public int Documents { get; }

    public int Capacity => Lengths.Length;

    /// <summary>The newest change number in the index, as the transaction sees it.</summary>
    public static async Task<long> ReadChangedAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT coalesce(max(changed), 0) FROM search_documents", transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>This table brought up to <paramref name="changed"/>: only rows changed since are read.</summary>
    public async Task<DocumentTable> CatchUpAsync(SqliteConnection connection, SqliteTransaction transaction, long changed, CancellationToken cancellationToken)
    {
        var since = changed >= Changed ? Changed : -1; // older than this table: read everything
        var lengths = since < 0 ? [] : Lengths;
        var segments = since < 0 ? [] : Segments;
        var rows = new List<(int Rowid, int Length, int Segment)>();
        var highest = lengths.Length - 1;
        await using (var command = connection.Command("SELECT rowid, length, segment FROM search_documents WHERE changed > $c", transaction).With("$c", since))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var rowid = checked((int)reader.GetInt64(0));
                rows.Add((rowid, reader.GetInt32(1), checked((int)reader.GetInt64(2))));
                highest = Math.Max(highest, rowid);
            }
        }

        var capacity = highest + 1 > lengths.Length ? (highest + 1) + ((highest + 1) / 4) : lengths.Length;
        var newLengths = new int[capacity];
        var newSegments = new int[capacity];
        lengths.CopyTo(newLengths, 0);
        segments.CopyTo(newSegments, 0);
        foreach (var (rowid, length, segment) in rows)
        {
            newLengths[rowid] = length;
            newSegments[rowid] = segment;
        }

        var ids = new List<long>();
        await using (var command = connection.Command("SELECT id FROM search_segments", transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return new DocumentTable(newLengths, newSegments, changed, [.. ids]);
    }
}
