using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// A level-0 segment still being filled in memory across a pipeline run's batches. One segment per 128-item batch
/// meant a row per term per batch and every posting rewritten at each of ~3 merge levels; a segment of thousands
/// of documents writes each term once and merges less. Its documents are recorded as pending (segment
/// <see cref="RankedIndexWriter.Pending"/>) in the same transactions as their items, so a crash before the
/// flush loses nothing: the next pipeline run re-indexes them. Not thread-safe; the store serialises access.
/// </summary>
internal sealed class PendingSegment
{
    /// <summary>Documents at which the segment is written out (a few tens of megabytes of positions).</summary>
    public const int FlushDocuments = 4096;

    /// <summary>Word positions at which the segment is written out, whatever the document count.</summary>
    public const long FlushPositions = 8_000_000;

    private readonly HashSet<long> _rowids = [];
    private SegmentBuilder _builder = new();

    public int Count => _rowids.Count;

    public long Positions { get; private set; }

    public IReadOnlyCollection<long> Rowids => _rowids;

    public SegmentBuilder Builder => _builder;

    public bool IsFull => _rowids.Count >= FlushDocuments || Positions >= FlushPositions;

    /// <summary>The highest rowid added (documents must be added in ascending rowid order).</summary>
    public long LastRowid { get; private set; }

    /// <summary>Adds a document above <see cref="LastRowid"/>; returns its length in tokens.</summary>
    public int Add(long rowid, DocumentTerms terms)
    {
        if (_rowids.Count > 0 && rowid <= LastRowid)
        {
            throw new ArgumentOutOfRangeException(nameof(rowid), rowid, $"documents must be added above rowid {LastRowid}");
        }

        _rowids.Add(rowid);
        LastRowid = rowid;
        var length = _builder.Add(checked((int)rowid), terms);
        Positions += length;
        return length;
    }

    /// <summary>Starts an empty segment (once the written one is committed).</summary>
    public void Clear()
    {
        _rowids.Clear();
        LastRowid = 0;
        _builder = new SegmentBuilder();
        Positions = 0;
    }
}
