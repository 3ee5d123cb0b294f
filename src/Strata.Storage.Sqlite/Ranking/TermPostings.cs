namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// A word's (or phrase's) live postings: documents with their column-weighted frequencies, in pooled arrays
/// (<see cref="PostingsArrays"/>). Dispose
/// returns them (a <see cref="RankedDocuments"/> made from them scores in place and returns them when disposed).
/// </summary>
internal sealed class TermPostings : IDisposable
{
    private int[] _documents;
    private float[] _frequencies;

    public TermPostings(int capacity = 256)
    {
        _documents = PostingsArrays.RentDocuments(Math.Max(capacity, 16));
        _frequencies = PostingsArrays.RentValues(Math.Max(capacity, 16));
    }

    public int Count { get; private set; }

    public ReadOnlySpan<int> Documents => _documents.AsSpan(0, Count);

    public ReadOnlySpan<float> Frequencies => _frequencies.AsSpan(0, Count);

    /// <summary>The arrays behind <see cref="Documents"/> and <see cref="Frequencies"/> (valid up to <see cref="Count"/> until disposed).</summary>
    internal (int[] Documents, float[] Values) Arrays => (_documents, _frequencies);

    public void Add(int document, float frequency)
    {
        if (Count == _documents.Length)
        {
            EnsureCapacity(Count * 2);
        }

        _documents[Count] = document;
        _frequencies[Count++] = frequency;
    }

    /// <summary>Makes room for at least <paramref name="capacity"/> postings.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _documents.Length)
        {
            return;
        }

        var documents = PostingsArrays.RentDocuments(capacity);
        var frequencies = PostingsArrays.RentValues(capacity);
        Documents.CopyTo(documents);
        Frequencies.CopyTo(frequencies);
        PostingsArrays.Return(_documents);
        PostingsArrays.Return(_frequencies);
        (_documents, _frequencies) = (documents, frequencies);
    }

    /// <summary>Appends postings decoded straight into the arrays (see <see cref="PostingsSource"/>).</summary>
    internal (int[] Documents, float[] Frequencies) Reserve(int more)
    {
        EnsureCapacity(Count + more);
        return (_documents, _frequencies);
    }

    internal void SetCount(int count) => Count = count;

    public void Dispose()
    {
        if (_documents.Length > 0)
        {
            PostingsArrays.Return(_documents);
            PostingsArrays.Return(_frequencies);
            (_documents, _frequencies) = ([], []);
            Count = 0;
        }
    }
}
