using System.Buffers;
using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Finds the documents holding a phrase (within one column) and how often, from its units (words and common grams at
/// their offsets): per segment, walks the rarest unit's postings and moves the others' cursors along, reading
/// positions only where all the units meet.
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>The phrase's postings: each document holding the sequence, with its column-weighted count of occurrences.</summary>
    public static TermPostings Match(IReadOnlyList<PhraseUnit> units, IReadOnlyDictionary<long, Dictionary<string, (byte[] Data, byte[] Positions)>> segments, DocumentTable table)
    {
        var phrase = new TermPostings();
        var distinct = units.Select(unit => unit.Term).Distinct(StringComparer.Ordinal).ToArray();
        var unitSlots = units.Select(unit => Array.IndexOf(distinct, unit.Term)).ToArray();
        var offsets = units.Select(unit => unit.Offset - units[0].Offset).ToArray();
        var buffers = distinct.Select(_ => SearchBuffers.Ints.Rent(256)).ToArray();
        try
        {
            foreach (var (segment, blobs) in segments)
            {
                if (distinct.Any(word => !blobs.ContainsKey(word)))
                {
                    continue;
                }

                var cursors = distinct.Select(word => new PostingCursor(blobs[word].Data, blobs[word].Positions)).ToArray();
                var rarest = Enumerable.Range(0, distinct.Length).MinBy(slot => blobs[distinct[slot]].Data.Length);
                MatchSegment(checked((int)segment), cursors, rarest, unitSlots, offsets, buffers, table, phrase);
            }
        }
        finally
        {
            foreach (var buffer in buffers)
            {
                SearchBuffers.Ints.Return(buffer);
            }
        }

        return phrase;
    }

    private static void MatchSegment(int segment, PostingCursor[] cursors, int rarest, int[] unitSlots, int[] offsets, int[][] buffers, DocumentTable table, TermPostings phrase)
    {
        var lead = cursors[rarest];
        Span<int> counts = stackalloc int[3];
        // Units that are all different terms (unit k is then cursor k) are counted from lazily read lists; a phrase
        // holding a term twice reads its lists whole.
        var lazy = unitSlots.Length == cursors.Length ? new PositionGroups[cursors.Length] : null;
        while (lead.MoveNext())
        {
            var document = lead.Current.Document;
            if (document >= table.Capacity || table.Segments[document] != segment)
            {
                continue; // stale: the document was re-indexed or deleted since
            }

            var all = true;
            for (var slot = 0; slot < cursors.Length && all; slot++)
            {
                if (slot != rarest)
                {
                    if (!cursors[slot].MoveTo(document))
                    {
                        return;
                    }

                    all = cursors[slot].Current.Document == document;
                }
            }

            if (!all)
            {
                continue;
            }

            if (lazy is not null)
            {
                for (var column = 0; column < 3; column++)
                {
                    counts[column] = 0;
                }

                CountLazily(cursors, offsets, lazy, counts);
            }
            else
            {
                ReadAll(cursors, unitSlots, offsets, buffers, counts);
            }

            if (counts[0] + counts[1] + counts[2] > 0)
            {
                phrase.Add(document, Bm25.WeightedFrequency(counts[0], counts[1], counts[2]));
            }
        }
    }

    /// <summary>
    /// Counts the phrase per column when each unit is a different term (unit k is cursor k): the unit with the fewest
    /// positions in the column drives, the others' lists are read only as far as its positions reach.
    /// </summary>
    private static void CountLazily(PostingCursor[] cursors, int[] offsets, PositionGroups[] lists, Span<int> counts)
    {
        for (var unit = 0; unit < cursors.Length; unit++)
        {
            lists[unit].Start(cursors[unit]);
        }

        for (var column = 0; column < 3; column++)
        {
            var driver = 0;
            var present = true;
            for (var unit = 0; unit < lists.Length && present; unit++)
            {
                present = lists[unit].Count(column) > 0;
                driver = lists[unit].Count(column) < lists[driver].Count(column) ? unit : driver;
            }

            if (present)
            {
                counts[column] = CountInColumnLazily(offsets, lists, driver, column);
            }
        }
    }

    private static int CountInColumnLazily(int[] offsets, PositionGroups[] lists, int driver, int column)
    {
        if (lists.Length == 2)
        {
            // Most phrases are two units (a word next to a function word): a merge of two lists in locals.
            var other = 1 - driver;
            lists[driver].Enter(column);
            lists[other].Enter(column);
            return PositionGroups.CountPairs(ref lists[driver], ref lists[other], offsets[other] - offsets[driver]);
        }

        Span<int> current = stackalloc int[lists.Length];
        for (var unit = 0; unit < lists.Length; unit++)
        {
            lists[unit].Enter(column);
            current[unit] = int.MinValue;
        }

        var count = 0;
        while (lists[driver].Next(out var position))
        {
            var start = position - offsets[driver];
            var holds = true;
            for (var unit = 0; unit < lists.Length; unit++)
            {
                if (unit == driver)
                {
                    continue;
                }

                var target = start + offsets[unit];
                while (current[unit] < target)
                {
                    if (!lists[unit].Next(out current[unit]))
                    {
                        return count; // this unit has no position left as late as the next start needs
                    }
                }

                holds &= current[unit] == target;
            }

            count += holds ? 1 : 0;
        }

        return count;
    }

    /// <summary>Reads every unit's positions whole, then counts the phrase per column.</summary>
    private static void ReadAll(PostingCursor[] cursors, int[] unitSlots, int[] offsets, int[][] buffers, Span<int> counts)
    {
        for (var slot = 0; slot < cursors.Length; slot++)
        {
            var posting = cursors[slot].Current;
            var total = posting.Title + posting.Body + posting.Tags;
            if (buffers[slot].Length < total)
            {
                SearchBuffers.Ints.Return(buffers[slot]);
                buffers[slot] = SearchBuffers.Ints.Rent(total);
            }

            cursors[slot].ReadPositions(buffers[slot]);
        }

        for (var column = 0; column < 3; column++)
        {
            counts[column] = CountInColumn(cursors, unitSlots, offsets, buffers, column);
        }
    }

    /// <summary>How many positions p start the phrase in one column: unit k at p + its offset for every k.</summary>
    private static int CountInColumn(PostingCursor[] cursors, int[] unitSlots, int[] offsets, int[][] buffers, int column)
    {
        var count = 0;
        foreach (var start in Column(cursors, buffers, unitSlots[0], column))
        {
            var holds = true;
            for (var k = 1; k < unitSlots.Length && holds; k++)
            {
                holds = Column(cursors, buffers, unitSlots[k], column).BinarySearch(start + offsets[k]) >= 0;
            }

            if (holds)
            {
                count++;
            }
        }

        return count;
    }

    private static ReadOnlySpan<int> Column(PostingCursor[] cursors, int[][] buffers, int slot, int column)
    {
        var posting = cursors[slot].Current;
        return column switch
        {
            0 => buffers[slot].AsSpan(0, posting.Title),
            1 => buffers[slot].AsSpan(posting.Title, posting.Body),
            _ => buffers[slot].AsSpan(posting.Title + posting.Body, posting.Tags),
        };
    }
}
