using Microsoft.Data.Sqlite;
using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Writes the ranked keyword index inside the caller's transaction: each batch becomes one immutable segment, and
/// whenever <see cref="MergeFactor"/> segments share a level they are merged into one on the next level, dropping
/// postings of documents that were re-indexed or deleted since (as a log-structured merge tree does).
/// </summary>
internal static class RankedIndexWriter
{
    private const int MergeFactor = 8;

    /// <summary>Marks the document with rowid <c>$r</c> deleted (append to a statement that binds <c>$r</c>).</summary>
    public const string RemoveSql =
        "UPDATE search_documents SET segment = 0, length = 0, changed = (SELECT coalesce(max(changed), 0) + 1 FROM search_documents) WHERE rowid = $r;";

    /// <summary>The segment number of a document whose postings wait in a <see cref="Ranking.PendingSegment"/>.</summary>
    public const int Pending = -1;

    /// <summary>Indexes a batch of documents as a new segment (a rowid given twice keeps its last document).</summary>
    public static async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(long Rowid, DocumentTerms Terms)> documents, CancellationToken cancellationToken)
    {
        var segment = new PendingSegment();
        await RecordAsync(connection, transaction, segment, Ordered(documents), cancellationToken).ConfigureAwait(false);
        await FlushAsync(connection, transaction, segment, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds a batch to <paramref name="pending"/>, recording its documents as pending in the transaction; the segment
    /// is written first when the batch cannot join it (a rowid not above its last), and after when it is full.
    /// If the transaction fails, the caller must clear <paramref name="pending"/>: its documents stay pending in
    /// the base, and the next pipeline run re-indexes them.
    /// </summary>
    public static async Task BufferAsync(SqliteConnection connection, SqliteTransaction transaction, PendingSegment pending, IReadOnlyList<(long Rowid, DocumentTerms Terms)> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var ordered = Ordered(documents);
        if (pending.Count > 0 && ordered[0].Rowid <= pending.LastRowid)
        {
            await FlushAsync(connection, transaction, pending, cancellationToken).ConfigureAwait(false);
        }

        await RecordAsync(connection, transaction, pending, ordered, cancellationToken).ConfigureAwait(false);
        if (pending.IsFull)
        {
            await FlushAsync(connection, transaction, pending, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes <paramref name="pending"/> as a level-0 segment, makes its documents live (those deleted or re-indexed
    /// meanwhile stay as they are), merges, and empties it.
    /// </summary>
    public static async Task FlushAsync(SqliteConnection connection, SqliteTransaction transaction, PendingSegment pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var segment = await CreateSegmentAsync(connection, transaction, level: 0, pending.Count, cancellationToken).ConfigureAwait(false);
        await InsertPostingsAsync(connection, transaction, segment, pending.Builder.Build(), cancellationToken).ConfigureAwait(false);
        var change = await NextChangeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using (var live = connection.Command(
            "UPDATE search_documents SET segment = $s, changed = $c WHERE segment = $p AND rowid IN (SELECT value FROM json_each($ids))", transaction)
            .With("$s", segment).With("$c", change).With("$p", Pending).With("$ids", "[" + string.Join(',', pending.Rowids) + "]"))
        {
            await live.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        pending.Clear();
        await MergeAsync(connection, transaction, level: 0, cancellationToken).ConfigureAwait(false);
    }

    private static (long Rowid, DocumentTerms Terms)[] Ordered(IReadOnlyList<(long Rowid, DocumentTerms Terms)> documents) =>
        documents.GroupBy(document => document.Rowid).Select(group => group.Last()).OrderBy(document => document.Rowid).ToArray();

    /// <summary>Records <paramref name="ordered"/> as pending and adds them to the segment being filled.</summary>
    private static async Task RecordAsync(SqliteConnection connection, SqliteTransaction transaction, PendingSegment pending, (long Rowid, DocumentTerms Terms)[] ordered, CancellationToken cancellationToken)
    {
        var change = await NextChangeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT OR REPLACE INTO search_documents (rowid, length, segment, changed) VALUES ($r, $l, $s, $c)", transaction);
        var rowid = command.Parameters.Add("$r", SqliteType.Integer);
        var length = command.Parameters.Add("$l", SqliteType.Integer);
        command.With("$s", Pending).With("$c", change);
        foreach (var (id, terms) in ordered)
        {
            rowid.Value = id;
            length.Value = pending.Add(id, terms);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Empties the index (before a rebuild).</summary>
    public static async Task ClearAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "DELETE FROM search_postings; DELETE FROM search_segments; " +
            "UPDATE search_documents SET segment = 0, length = 0, changed = (SELECT coalesce(max(changed), 0) + 1 FROM search_documents)", transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task MergeAsync(SqliteConnection connection, SqliteTransaction transaction, int level, CancellationToken cancellationToken)
    {
        while (true)
        {
            var segments = new List<long>();
            await using (var find = connection.Command("SELECT id FROM search_segments WHERE level = $l ORDER BY id", transaction).With("$l", level))
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    segments.Add(reader.GetInt64(0));
                }
            }

            if (segments.Count < MergeFactor)
            {
                return;
            }

            await MergeSegmentsAsync(connection, transaction, segments, level + 1, cancellationToken).ConfigureAwait(false);
            level++;
        }
    }

    private static async Task MergeSegmentsAsync(SqliteConnection connection, SqliteTransaction transaction, List<long> segments, int level, CancellationToken cancellationToken)
    {
        var list = string.Join(',', segments);
        var owners = new Dictionary<int, long>();
        await using (var live = connection.Command($"SELECT rowid, segment FROM search_documents WHERE segment IN ({list})", transaction))
        await using (var reader = await live.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                owners[checked((int)reader.GetInt64(0))] = reader.GetInt64(1);
            }
        }

        var merged = await CreateSegmentAsync(connection, transaction, level, owners.Count, cancellationToken).ConfigureAwait(false);
        await InsertPostingsAsync(connection, transaction, merged, MergedPostings(connection, transaction, segments, owners), cancellationToken).ConfigureAwait(false);
        var change = await NextChangeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var retire = connection.Command(
            $"DELETE FROM search_postings WHERE segment IN ({list}); DELETE FROM search_segments WHERE id IN ({list}); " +
            $"UPDATE search_documents SET segment = $m, changed = $c WHERE segment IN ({list})", transaction).With("$m", merged).With("$c", change);
        await retire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the segments' terms in order (one cursor per segment) and merges each term's live postings.</summary>
    private static IEnumerable<(string Term, byte[] Data, byte[] Positions)> MergedPostings(SqliteConnection connection, SqliteTransaction transaction, List<long> segments, Dictionary<int, long> owners)
    {
        var cursors = new List<(long Segment, SqliteCommand Command, SqliteDataReader Reader)>();
        try
        {
            // Equal terms come off in segment order (older segments hold lower rowids), so a term's postings usually
            // arrive in document order and need no sort.
            var queue = new PriorityQueue<int, (string Term, int Cursor)>(Comparer<(string Term, int Cursor)>.Create(
                (a, b) => string.CompareOrdinal(a.Term, b.Term) is var order and not 0 ? order : a.Cursor.CompareTo(b.Cursor)));
            foreach (var segment in segments)
            {
                var command = connection.Command("SELECT term, data, positions FROM search_postings WHERE segment = $s ORDER BY term", transaction).With("$s", segment);
                var reader = command.ExecuteReader();
                cursors.Add((segment, command, reader));
                if (reader.Read())
                {
                    queue.Enqueue(cursors.Count - 1, (reader.GetString(0), cursors.Count - 1));
                }
            }

            var live = new List<(Posting Posting, int Start)>();
            var positions = new List<int>();
            var ordered = new List<int>();
            var scratch = new int[64];
            while (queue.TryPeek(out _, out var head))
            {
                live.Clear();
                positions.Clear();
                var term = head.Term;
                while (queue.TryPeek(out var index, out var next) && next.Term == term)
                {
                    queue.Dequeue();
                    var (segment, _, reader) = cursors[index];
                    var postingsReader = PostingsCodec.Read((byte[])reader.GetValue(1));
                    var positionsReader = PostingsCodec.ReadPositions((byte[])reader.GetValue(2));
                    while (postingsReader.MoveNext())
                    {
                        var posting = postingsReader.Current;
                        var count = posting.Title + posting.Body + posting.Tags;
                        if (scratch.Length < count)
                        {
                            scratch = new int[count * 2];
                        }

                        positionsReader.Read(posting, scratch);
                        if (owners.TryGetValue(posting.Document, out var owner) && owner == segment)
                        {
                            live.Add((posting, positions.Count));
                            positions.AddRange(scratch.AsSpan(0, count));
                        }
                    }

                    if (reader.Read())
                    {
                        queue.Enqueue(index, (reader.GetString(0), index));
                    }
                }

                if (live.Count > 0)
                {
                    yield return Encode(term, live, positions, ordered);
                }
            }
        }
        finally
        {
            foreach (var (_, command, reader) in cursors)
            {
                reader.Dispose();
                command.Dispose();
            }
        }
    }

    /// <summary>
    /// Encodes a term's live postings in document order with their positions in the same order. Segments usually hold
    /// ascending, disjoint rowids, so the postings arrive in order and their positions are used as read; the scratch
    /// lists are reused across terms, since a common word's positions in a large merge run to tens of megabytes.
    /// </summary>
    private static (string Term, byte[] Data, byte[] Positions) Encode(string term, List<(Posting Posting, int Start)> live, List<int> positions, List<int> ordered)
    {
        ReadOnlySpan<int> orderedPositions;
        var sorted = true;
        for (var i = 1; i < live.Count && sorted; i++)
        {
            sorted = live[i - 1].Posting.Document < live[i].Posting.Document;
        }

        if (sorted)
        {
            orderedPositions = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(positions);
        }
        else
        {
            live.Sort((a, b) => a.Posting.Document.CompareTo(b.Posting.Document));
            ordered.Clear();
            foreach (var (posting, start) in live)
            {
                ordered.AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(positions).Slice(start, posting.Title + posting.Body + posting.Tags));
            }

            orderedPositions = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ordered);
        }

        var postings = live.ConvertAll(entry => entry.Posting);
        return (term, PostingsCodec.Encode(postings), PostingsCodec.EncodePositions(postings, orderedPositions));
    }

    private static async Task InsertPostingsAsync(SqliteConnection connection, SqliteTransaction transaction, long segment, IEnumerable<(string Term, byte[] Data, byte[] Positions)> postings, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("INSERT INTO search_postings (segment, term, data, positions) VALUES ($s, $t, $d, $p)", transaction);
        command.With("$s", segment);
        var term = command.Parameters.Add("$t", SqliteType.Text);
        var data = command.Parameters.Add("$d", SqliteType.Blob);
        var positions = command.Parameters.Add("$p", SqliteType.Blob);
        foreach (var (name, bytes, positionBytes) in postings)
        {
            term.Value = name;
            data.Value = bytes;
            positions.Value = positionBytes;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> CreateSegmentAsync(SqliteConnection connection, SqliteTransaction transaction, int level, int documents, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("INSERT INTO search_segments (level, documents) VALUES ($l, $n) RETURNING id", transaction)
            .With("$l", level).With("$n", documents);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<long> NextChangeAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT coalesce(max(changed), 0) + 1 FROM search_documents", transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
