namespace Strata.Core.Search.Ranking;

/// <summary>
/// Walks one segment's postings of a term together with their positions, reading a posting's positions only when
/// asked (otherwise skipping them by their stored length): a phrase reads positions only where all its words meet.
/// </summary>
public sealed class PostingCursor(byte[] data, byte[] positions)
{
    private int _dataOffset;
    private int _positionsOffset;
    private int _document;
    private int _positionsEnd;
    private bool _started;
    private bool _ended;

    public Posting Current { get; private set; }

    /// <summary>The encoded positions of every posting (see <see cref="PostingsCodec.EncodePositions"/>).</summary>
    public byte[] Positions => positions;

    /// <summary>Where the current posting's position list starts in <see cref="Positions"/> (past its length), for a reader that decodes only part of it.</summary>
    public int PositionsStart => _positionsOffset;

    /// <summary>Moves to the next posting; false at the end.</summary>
    public bool MoveNext()
    {
        if (_positionsEnd > _positionsOffset)
        {
            _positionsOffset = _positionsEnd; // the previous posting's positions were not read
        }

        _started = true;
        if (_dataOffset >= data.Length)
        {
            _ended = true;
            return false;
        }

        _document += (int)PostingsCodec.ReadVarint(data, ref _dataOffset);
        var header = PostingsCodec.ReadVarint(data, ref _dataOffset);
        var title = (header & 2) != 0 ? (int)PostingsCodec.ReadVarint(data, ref _dataOffset) : 0;
        var tags = (header & 1) != 0 ? (int)PostingsCodec.ReadVarint(data, ref _dataOffset) : 0;
        Current = new Posting(_document, title, (int)(header >> 2), tags);
        var length = (int)PostingsCodec.ReadVarint(positions, ref _positionsOffset);
        _positionsEnd = _positionsOffset + length;
        return true;
    }

    /// <summary>Moves to the first posting at or after <paramref name="document"/>; false when there is none.</summary>
    public bool MoveTo(int document)
    {
        if (_ended)
        {
            return false;
        }

        while (!_started || Current.Document < document)
        {
            if (!MoveNext())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The current posting's positions: title, body, then tag groups, each ascending.</summary>
    public void ReadPositions(Span<int> into)
    {
        var written = 0;
        var posting = Current;
        foreach (var count in (ReadOnlySpan<int>)[posting.Title, posting.Body, posting.Tags])
        {
            var position = 0;
            for (var i = 0; i < count; i++)
            {
                position += (int)PostingsCodec.ReadVarint(positions, ref _positionsOffset);
                into[written++] = position;
            }
        }
    }
}
