using System.Buffers;

namespace Strata.Core.Search.Ranking;

/// <summary>One document's occurrences of a term, per column.</summary>
public readonly record struct Posting(int Document, int Title, int Body, int Tags);

/// <summary>
/// The byte form of a term's postings in one index segment: ascending documents, each as a varint delta and a varint
/// <c>body &lt;&lt; 2 | hasTitle &lt;&lt; 1 | hasTags</c>, followed by the title and tag counts when present (most hits
/// are body-only, so a posting is usually two or three bytes).
/// </summary>
public static class PostingsCodec
{
    /// <summary>Encodes postings sorted by ascending document (distinct documents).</summary>
    public static byte[] Encode(IReadOnlyList<Posting> postings)
    {
        var buffer = new ArrayBufferWriter<byte>(postings.Count * 3);
        var previous = 0;
        foreach (var posting in postings)
        {
            if (posting.Document <= previous && buffer.WrittenCount > 0)
            {
                throw new ArgumentException("Postings must be sorted by ascending, distinct document.", nameof(postings));
            }

            WriteVarint(buffer, (uint)(posting.Document - previous));
            previous = posting.Document;
            WriteVarint(buffer, ((uint)posting.Body << 2) | (posting.Title > 0 ? 2u : 0u) | (posting.Tags > 0 ? 1u : 0u));
            if (posting.Title > 0)
            {
                WriteVarint(buffer, (uint)posting.Title);
            }

            if (posting.Tags > 0)
            {
                WriteVarint(buffer, (uint)posting.Tags);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Encodes the word positions of <paramref name="postings"/>: for each posting, the byte length of its list (so a
    /// reader can skip it), then its title, body and tag positions (each group ascending, as many as the posting's
    /// counts, delta-coded), taken in order from <paramref name="positions"/>.
    /// </summary>
    public static byte[] EncodePositions(IReadOnlyList<Posting> postings, ReadOnlySpan<int> positions)
    {
        if (postings.Sum(posting => (long)posting.Title + posting.Body + posting.Tags) != positions.Length)
        {
            throw new ArgumentException("The positions do not match the postings' counts.", nameof(positions));
        }

        var buffer = new ArrayBufferWriter<byte>(positions.Length + 16);
        var list = new ArrayBufferWriter<byte>(64);
        var offset = 0;
        foreach (var posting in postings)
        {
            list.ResetWrittenCount();
            foreach (var count in (ReadOnlySpan<int>)[posting.Title, posting.Body, posting.Tags])
            {
                var previous = 0;
                for (var i = 0; i < count; i++)
                {
                    var position = positions[offset++];
                    WriteVarint(list, (uint)(position - previous));
                    previous = position;
                }
            }

            WriteVarint(buffer, (uint)list.WrittenCount);
            buffer.Write(list.WrittenSpan);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads positions back: call <see cref="PositionsReader.Read"/> with each posting's counts in turn.</summary>
    public static PositionsReader ReadPositions(ReadOnlySpan<byte> data) => new(data);

    /// <summary>Allocation-free reader over encoded positions.</summary>
    public ref struct PositionsReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _offset;

        /// <summary>Reads one posting's positions (title, then body, then tags groups) into <paramref name="into"/>.</summary>
        public void Read(Posting posting, scoped Span<int> into)
        {
            ReadVarint(_data, ref _offset); // the list's byte length
            var written = 0;
            foreach (var count in (ReadOnlySpan<int>)[posting.Title, posting.Body, posting.Tags])
            {
                var position = 0;
                for (var i = 0; i < count; i++)
                {
                    position += (int)ReadVarint(_data, ref _offset);
                    into[written++] = position;
                }
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static uint ReadVarint(ReadOnlySpan<byte> data, ref int offset)
    {
        // Most deltas and counts fit one byte: that case inlines into the decoding loops.
        var first = data[offset];
        if (first < 0x80)
        {
            offset++;
            return first;
        }

        return ReadLongVarint(data, ref offset);
    }

    private static uint ReadLongVarint(ReadOnlySpan<byte> data, ref int offset)
    {
        uint value = 0;
        var shift = 0;
        while (true)
        {
            var next = data[offset++];
            value |= (uint)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    /// <summary>
    /// Decodes postings straight into <paramref name="documents"/> and their column-weighted frequencies
    /// (<see cref="Bm25.WeightedFrequency"/>), keeping only documents whose entry in <paramref name="owners"/> is
    /// <paramref name="owner"/> (postings of any other are stale); returns how many were written. The destinations
    /// need room for <c>data.Length / 2</c> postings (each takes at least two bytes).
    /// </summary>
    public static int DecodeWeighted(ReadOnlySpan<byte> data, ReadOnlySpan<int> owners, int owner, Span<int> documents, Span<float> frequencies)
    {
        var count = 0;
        var offset = 0;
        var document = 0;
        while (offset < data.Length)
        {
            document += (int)ReadVarint(data, ref offset);
            var header = ReadVarint(data, ref offset);
            float frequency;
            if ((header & 3) == 0)
            {
                frequency = header >> 2; // body only (most postings): the weighting adds nothing
            }
            else
            {
                var title = (header & 2) != 0 ? (int)ReadVarint(data, ref offset) : 0;
                var tags = (header & 1) != 0 ? (int)ReadVarint(data, ref offset) : 0;
                frequency = Bm25.WeightedFrequency(title, (int)(header >> 2), tags);
            }

            if ((uint)document < (uint)owners.Length && owners[document] == owner)
            {
                documents[count] = document;
                frequencies[count++] = frequency;
            }
        }

        return count;
    }

    /// <summary>Reads the postings back in order.</summary>
    public static Reader Read(ReadOnlySpan<byte> data) => new(data);

    /// <summary>Allocation-free reader over encoded postings.</summary>
    public ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _offset;
        private int _document;

        public Posting Current { get; private set; }

        public bool MoveNext()
        {
            if (_offset >= _data.Length)
            {
                return false;
            }

            _document += (int)ReadVarint();
            var header = ReadVarint();
            var title = (header & 2) != 0 ? (int)ReadVarint() : 0;
            var tags = (header & 1) != 0 ? (int)ReadVarint() : 0;
            Current = new Posting(_document, title, (int)(header >> 2), tags);
            return true;
        }

        private uint ReadVarint() => PostingsCodec.ReadVarint(_data, ref _offset);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, uint value)
    {
        var span = buffer.GetSpan(5);
        var written = 0;
        while (value >= 0x80)
        {
            span[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[written++] = (byte)value;
        buffer.Advance(written);
    }
}
