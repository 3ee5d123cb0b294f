using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// A word's (or phrase's) live postings: documents with their column-weighted frequencies, in pooled arrays (a
/// common word has 100,000 of them: fresh arrays per query were a large share of the search server's GC). Dispose
/// returns them (a <see cref="RankedDocuments"/> made from them scores in place and returns them when disposed).
/// </summary>
internal sealed class TermPostings : IDisposable
{
    private int[] _documents;
    private float[] _frequencies;

    public TermPostings(int capacity = 256)
    {
        _documents = SearchBuffers.Ints.Rent(Math.Max(capacity, 16));
        _frequencies = SearchBuffers.Floats.Rent(Math.Max(capacity, 16));
    }

    public int Count { get; private set; }

    /// <summary>New postings holding a copy of <paramref name="documents"/> and their <paramref name="frequencies"/>.</summary>
    public static TermPostings CopyOf(ReadOnlySpan<int> documents, ReadOnlySpan<float> frequencies)
    {
        var postings = new TermPostings(documents.Length);
        documents.CopyTo(postings._documents);
        frequencies.CopyTo(postings._frequencies);
        postings.Count = documents.Length;
        return postings;
    }

    public ReadOnlySpan<int> Documents => _documents.AsSpan(0, Count);

    public ReadOnlySpan<float> Frequencies => _frequencies.AsSpan(0, Count);

    /// <summary>The arrays behind <see cref="Documents"/> and <see cref="Frequencies"/> (valid up to <see cref="Count"/> until disposed).</summary>
    internal (int[] Documents, float[] Values) Arrays => (_documents, _frequencies);

    /// <summary>
    /// Postings the arrays hold: the shorter of the two, as a pool may hand out a longer array than asked for (a busy
    /// size is served from a larger one), so the two need not be the same length.
    /// </summary>
    private int Capacity => Math.Min(_documents.Length, _frequencies.Length);

    public void Add(int document, float frequency)
    {
        if (Count == Capacity)
        {
            EnsureCapacity(Count + 1);
        }

        _documents[Count] = document;
        _frequencies[Count++] = frequency;
    }

    /// <summary>The free space for at least <paramref name="room"/> more postings after <see cref="Count"/>; <see cref="Advance"/> by what was written.</summary>
    public void Reserve(int room, out Span<int> documents, out Span<float> frequencies)
    {
        EnsureCapacity(Count + room);
        documents = _documents.AsSpan(Count, Capacity - Count);
        frequencies = _frequencies.AsSpan(Count, Capacity - Count);
    }

    /// <summary>Counts <paramref name="written"/> postings written into the space <see cref="Reserve"/> gave.</summary>
    public void Advance(int written) => Count += written;

    /// <summary>Makes room for at least <paramref name="capacity"/> postings.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= Capacity)
        {
            return;
        }

        capacity = Math.Max(capacity, Capacity * 2);
        var documents = SearchBuffers.Ints.Rent(capacity);
        var frequencies = SearchBuffers.Floats.Rent(capacity);
        Documents.CopyTo(documents);
        Frequencies.CopyTo(frequencies);
        SearchBuffers.Ints.Return(_documents);
        SearchBuffers.Floats.Return(_frequencies);
        (_documents, _frequencies) = (documents, frequencies);
    }

    public void Dispose()
    {
        if (_documents.Length > 0)
        {
            SearchBuffers.Ints.Return(_documents);
            SearchBuffers.Floats.Return(_frequencies);
            (_documents, _frequencies) = ([], []);
            Count = 0;
        }
    }
}
