namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Pages of integers holding many growable lists at once (after Lucene's <c>IntBlockPool</c>): each list is a chain
/// of slices of growing size, each slice's last integer pointing to the next. Appending writes in place; nothing is
/// allocated per list, and a list's integers stay close together. Not thread-safe.
/// </summary>
internal sealed class SlicePool
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int PageMask = PageSize - 1;

    /// <summary>Slice sizes by level (the last integer of each is the link): short lists stay small, long ones grow.</summary>
    private static readonly int[] SliceSizes = [8, 16, 32, 64, 128, 256, 512, 1024];

    /// <summary>A list with nothing in it yet: its first append allocates a first-level slice.</summary>
    public static readonly SegmentBuilder.TermChain EmptyChain = new() { Head = -1, Tail = 0, SliceEnd = 0, Level = -1 };

    private readonly List<int[]> _pages = [];
    private int _next;
    private int _pageEnd;

    /// <summary>Appends one record: a document, its three counts, then its positions.</summary>
    public void Append(ref SegmentBuilder.TermChain chain, int document, int title, int body, int tags, ReadOnlySpan<int> positions)
    {
        Write(ref chain, document);
        Write(ref chain, title);
        Write(ref chain, body);
        Write(ref chain, tags);
        foreach (var position in positions)
        {
            Write(ref chain, position);
        }
    }

    /// <summary>Reads a list back from its first integer.</summary>
    public ChainReader Read(SegmentBuilder.TermChain chain) => new(this, chain);

    private void Write(ref SegmentBuilder.TermChain chain, int value)
    {
        if (chain.Tail == chain.SliceEnd)
        {
            NextSlice(ref chain);
        }

        _pages[chain.Tail >> PageBits][chain.Tail & PageMask] = value;
        chain.Tail++;
    }

    private void NextSlice(ref SegmentBuilder.TermChain chain)
    {
        var level = Math.Min(chain.Level + 1, SliceSizes.Length - 1);
        var size = SliceSizes[level];
        if (_next + size > _pageEnd)
        {
            // Slices never straddle pages; the unused end of a page is left as it is.
            _next = _pages.Count * PageSize;
            _pageEnd = _next + PageSize;
            _pages.Add(new int[PageSize]);
        }

        var start = _next;
        _next += size;
        if (chain.Head < 0)
        {
            chain.Head = start;
        }
        else
        {
            this[chain.SliceEnd] = start;
        }

        chain.Tail = start;
        chain.SliceEnd = start + size - 1;
        chain.Level = level;
    }

    private int this[int address]
    {
        get => _pages[address >> PageBits][address & PageMask];
        set => _pages[address >> PageBits][address & PageMask] = value;
    }

    /// <summary>Reads a chain's integers in the order they were appended.</summary>
    internal struct ChainReader(SlicePool pool, SegmentBuilder.TermChain chain)
    {
        private int _position = chain.Head;
        private int _sliceEnd = chain.Head < 0 ? -1 : chain.Head + SliceSizes[0] - 1;
        private int _level;

        /// <summary>The next integer, unless the list is done.</summary>
        public bool TryRead(out int value)
        {
            if (_position < 0 || _position == chain.Tail)
            {
                value = 0;
                return false;
            }

            value = Read();
            return true;
        }

        public int Read()
        {
            if (_position == _sliceEnd)
            {
                _position = pool[_sliceEnd];
                _level = Math.Min(_level + 1, SliceSizes.Length - 1);
                _sliceEnd = _position + SliceSizes[_level] - 1;
            }

            return pool[_position++];
        }
    }
}
