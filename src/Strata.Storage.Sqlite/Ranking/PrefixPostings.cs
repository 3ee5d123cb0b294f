using System.Runtime.InteropServices;
using System.Text;
using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// A prefix taken as one term, as FTS5 takes <c>"书"*</c>: the union of the live postings of every term starting with
/// it (grams aside; FTS5 has none). A document holds the union once, with the summed counts of its terms (so the
/// union's document frequency and term frequency are what BM25 ranks by) and, for phrases, their merged positions.
/// </summary>
internal static class PrefixPostings
{
    /// <summary>The key a prefix unit's merged blobs go under beside real terms (the analyser never emits NUL).</summary>
    public static string Key(string prefix) => "\0" + prefix;

    /// <summary>Whether a stored term belongs to the prefix's union (the range scan bounds it; grams never do).</summary>
    public static bool Covers(string prefix, string term) =>
        term.StartsWith(prefix, StringComparison.Ordinal) && !term.Contains(CommonGrams.Joiner, StringComparison.Ordinal);

    /// <summary>
    /// The least string above every string starting with <paramref name="prefix"/> in SQLite's BINARY order (UTF-8
    /// bytes, which is code point order): the prefix with its last code point raised by one; null when there is none.
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        if (prefix.Length == 0)
        {
            return null;
        }

        var lastLength = prefix.Length >= 2 && char.IsSurrogatePair(prefix[^2], prefix[^1]) ? 2 : 1;
        if (!Rune.TryGetRuneAt(prefix, prefix.Length - lastLength, out var last))
        {
            return null; // a lone surrogate: no bound, Covers filters
        }

        var next = last.Value + 1;
        if (next is >= 0xD800 and <= 0xDFFF)
        {
            next = 0xE000;
        }

        return next > 0x10FFFF ? null : string.Concat(prefix.AsSpan(0, prefix.Length - lastLength), new Rune(next).ToString());
    }

    /// <summary>The union's live postings over all segments: each document once, with its summed weighted frequency.</summary>
    public static TermPostings Union(IEnumerable<(long Segment, byte[] Data)> rows, DocumentTable table)
    {
        var counts = new Dictionary<int, (int Title, int Body, int Tags)>();
        var segments = table.Segments;
        foreach (var (segment, data) in rows)
        {
            var reader = PostingsCodec.Read(data);
            while (reader.MoveNext())
            {
                var posting = reader.Current;
                if (posting.Document < segments.Length && segments[posting.Document] == segment)
                {
                    ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, posting.Document, out _);
                    count = (count.Title + posting.Title, count.Body + posting.Body, count.Tags + posting.Tags);
                }
            }
        }

        var union = new TermPostings(counts.Count);
        foreach (var (document, count) in counts)
        {
            union.Add(document, Bm25.WeightedFrequency(count.Title, count.Body, count.Tags));
        }

        return union;
    }

    /// <summary>
    /// Per segment, the documents holding every one of <paramref name="terms"/> (the phrase's other units): the only
    /// ones where the prefix's positions can matter, so only theirs are merged.
    /// </summary>
    public static Dictionary<long, HashSet<int>> Candidates(IReadOnlyDictionary<long, Dictionary<string, (byte[] Data, byte[] Positions)>> segments, IReadOnlyList<string> terms)
    {
        var candidates = new Dictionary<long, HashSet<int>>();
        foreach (var (segment, blobs) in segments)
        {
            if (terms.Any(term => !blobs.ContainsKey(term)))
            {
                continue;
            }

            HashSet<int>? documents = null;
            foreach (var term in terms.OrderBy(term => blobs[term].Data.Length))
            {
                var holding = new HashSet<int>();
                var reader = PostingsCodec.Read(blobs[term].Data);
                while (reader.MoveNext())
                {
                    if (documents is null || documents.Contains(reader.Current.Document))
                    {
                        holding.Add(reader.Current.Document);
                    }
                }

                documents = holding;
            }

            if (documents is { Count: > 0 })
            {
                candidates[segment] = documents;
            }
        }

        return candidates;
    }

    /// <summary>
    /// The union per segment for the <paramref name="candidates"/>' documents, encoded like one stored term (postings
    /// and positions, documents ascending) so the phrase matcher reads it as it reads any term.
    /// </summary>
    public static Dictionary<long, (byte[] Data, byte[] Positions)> Encode(IEnumerable<(long Segment, byte[] Data, byte[] Positions)> rows, DocumentTable table, Dictionary<long, HashSet<int>> candidates)
    {
        var bySegment = new Dictionary<long, Dictionary<int, List<int>[]>>();
        var segments = table.Segments;
        var buffer = new int[64];
        foreach (var (segment, data, positions) in rows)
        {
            if (!candidates.TryGetValue(segment, out var wanted))
            {
                continue;
            }

            if (!bySegment.TryGetValue(segment, out var documents))
            {
                bySegment[segment] = documents = [];
            }

            var cursor = new PostingCursor(data, positions);
            while (cursor.MoveNext())
            {
                var posting = cursor.Current;
                if (!wanted.Contains(posting.Document) || posting.Document >= segments.Length || segments[posting.Document] != segment)
                {
                    continue; // not a candidate, or stale; its positions are skipped unread
                }

                var total = posting.Title + posting.Body + posting.Tags;
                if (buffer.Length < total)
                {
                    buffer = new int[total * 2];
                }

                cursor.ReadPositions(buffer);
                if (!documents.TryGetValue(posting.Document, out var columns))
                {
                    documents[posting.Document] = columns = [[], [], []];
                }

                columns[0].AddRange(buffer.AsSpan(0, posting.Title));
                columns[1].AddRange(buffer.AsSpan(posting.Title, posting.Body));
                columns[2].AddRange(buffer.AsSpan(posting.Title + posting.Body, posting.Tags));
            }
        }

        var encoded = new Dictionary<long, (byte[], byte[])>();
        foreach (var (segment, documents) in bySegment)
        {
            if (documents.Count == 0)
            {
                continue;
            }

            var postings = new List<Posting>(documents.Count);
            var merged = new List<int>();
            foreach (var document in documents.Keys.Order())
            {
                var columns = documents[document];
                foreach (var column in columns)
                {
                    column.Sort(); // each term's positions ascend; one position holds one word, so the union has no repeats
                    merged.AddRange(column);
                }

                postings.Add(new Posting(document, columns[0].Count, columns[1].Count, columns[2].Count));
            }

            encoded[segment] = (PostingsCodec.Encode(postings), PostingsCodec.EncodePositions(postings, CollectionsMarshal.AsSpan(merged)));
        }

        return encoded;
    }
}
