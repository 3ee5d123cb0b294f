namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// The encoded postings and positions of large terms that phrases read (a function word's positions are megabytes
/// per segment, read whole for every phrase holding it), kept for one document table: segments are immutable, so
/// the bytes stay right until the table changes. Bounded by <see cref="BudgetBytes"/> (terms beyond it are read each
/// time) and emptied after <see cref="Quiet"/> without use, so an idle server holds none of it. It also keeps what
/// phrases matched (documents and counts, a few bytes per document against megabytes of positions read to find them),
/// within <see cref="PhraseBudgetBytes"/>: a phrase asked again (the next page, a reload) is not matched again. Thread-safe.
/// </summary>
internal sealed class HotPostings : IDisposable
{
    /// <summary>Most bytes kept.</summary>
    public const long BudgetBytes = 32L * 1024 * 1024;

    /// <summary>Most bytes of matched phrases kept.</summary>
    public const long PhraseBudgetBytes = 4L * 1024 * 1024;

    /// <summary>Terms smaller than this (postings plus positions, all segments) are cheap to read and not kept.</summary>
    public const long MinimumBytes = 256 * 1024;

    /// <summary>Well inside the web server's 2 s before it compacts the heap when idle (so the memory goes back then).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private Dictionary<string, Dictionary<long, (byte[] Data, byte[] Positions)>> _terms = new(StringComparer.Ordinal);
    private Dictionary<string, (int[] Documents, float[] Frequencies)> _phrases = new(StringComparer.Ordinal);
    private DocumentTable? _table;
    private long _bytes;
    private long _phraseBytes;
    private long _lastUse;

    public HotPostings() => _timer = new Timer(_ => EmptyIfQuiet());

    /// <summary>Bytes held now (for tests).</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Bytes of matched phrases held now (for tests).</summary>
    public long PhraseBytes
    {
        get
        {
            lock (_lock)
            {
                return _phraseBytes;
            }
        }
    }

    /// <summary>The term's blobs per segment as read for <paramref name="table"/>; false when not kept.</summary>
    public bool TryGet(DocumentTable table, string term, out Dictionary<long, (byte[] Data, byte[] Positions)> segments)
    {
        lock (_lock)
        {
            _lastUse = Environment.TickCount64;
            if (ReferenceEquals(table, _table) && _terms.TryGetValue(term, out var found))
            {
                segments = found;
                return true;
            }
        }

        segments = [];
        return false;
    }

    /// <summary>Keeps a term's blobs read for <paramref name="table"/> when large enough and within the budget.</summary>
    public void Offer(DocumentTable table, string term, Dictionary<long, (byte[] Data, byte[] Positions)> segments)
    {
        var size = segments.Values.Sum(blobs => (long)blobs.Data.Length + blobs.Positions.Length);
        if (size < MinimumBytes)
        {
            return;
        }

        lock (_lock)
        {
            if (!Adopt(table) || _bytes + size > BudgetBytes || !_terms.TryAdd(term, segments))
            {
                return;
            }

            _bytes += size;
            Used();
        }
    }

    /// <summary>
    /// What the phrase <paramref name="key"/> matched in <paramref name="table"/>, as a fresh copy the caller owns
    /// (see <see cref="OfferPhrase"/>); null when not kept.
    /// </summary>
    public TermPostings? TryGetPhrase(DocumentTable table, string key)
    {
        (int[] Documents, float[] Frequencies) kept;
        lock (_lock)
        {
            _lastUse = Environment.TickCount64;
            if (!ReferenceEquals(table, _table) || !_phrases.TryGetValue(key, out kept))
            {
                return null;
            }
        }

        return TermPostings.CopyOf(kept.Documents, kept.Frequencies);
    }

    /// <summary>Keeps a copy of what the phrase <paramref name="key"/> matched in <paramref name="table"/>, within the budget.</summary>
    public void OfferPhrase(DocumentTable table, string key, TermPostings postings)
    {
        var size = postings.Count * (long)(sizeof(int) + sizeof(float));
        if (size > PhraseBudgetBytes / 4)
        {
            return; // one phrase should not crowd out the rest
        }

        var copy = (postings.Documents.ToArray(), postings.Frequencies.ToArray());
        lock (_lock)
        {
            if (!Adopt(table) || _phraseBytes + size > PhraseBudgetBytes || !_phrases.TryAdd(key, copy))
            {
                return;
            }

            _phraseBytes += size;
            Used();
        }
    }

    /// <summary>Makes <paramref name="table"/> the one kept for (under the lock); false for an older snapshot's reader, which changes nothing.</summary>
    private bool Adopt(DocumentTable table)
    {
        if (ReferenceEquals(table, _table))
        {
            return true;
        }

        if (_table is not null && table.Changed < _table.Changed)
        {
            return false; // an older snapshot's reader: keep what the current table holds
        }

        (_terms, _phrases, _table, _bytes, _phraseBytes) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), table, 0, 0);
        return true;
    }

    private void Used()
    {
        _lastUse = Environment.TickCount64;
        _timer.Change(Quiet / 2, Quiet / 2);
    }

    /// <summary>Drops everything (also done once it has gone <see cref="Quiet"/> without use).</summary>
    public void Empty()
    {
        lock (_lock)
        {
            (_terms, _phrases, _table, _bytes, _phraseBytes) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), null, 0, 0);
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }
    }

    private void EmptyIfQuiet()
    {
        lock (_lock)
        {
            if ((_bytes > 0 || _phraseBytes > 0) && Environment.TickCount64 - _lastUse < (long)Quiet.TotalMilliseconds)
            {
                return;
            }
        }

        Empty();
    }

    public void Dispose() => _timer.Dispose();
}
