namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// The encoded postings and positions of large terms that phrases read (a function word's positions are megabytes
/// per segment, read whole for every phrase holding it), kept for one document table: segments are immutable, so
/// the bytes stay right until the table changes. Bounded by <see cref="BudgetBytes"/> (terms beyond it are read each
/// time) and emptied after <see cref="Quiet"/> without use, so an idle server holds none of it. Thread-safe.
/// </summary>
internal sealed class HotPostings : IDisposable
{
    /// <summary>Most bytes kept.</summary>
    public const long BudgetBytes = 32L * 1024 * 1024;

    /// <summary>Terms smaller than this (postings plus positions, all segments) are cheap to read and not kept.</summary>
    public const long MinimumBytes = 256 * 1024;

    /// <summary>Well inside the web server's 2 s before it compacts the heap when idle (so the memory goes back then).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private Dictionary<string, Dictionary<long, (byte[] Data, byte[] Positions)>> _terms = new(StringComparer.Ordinal);
    private DocumentTable? _table;
    private long _bytes;
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
            if (!ReferenceEquals(table, _table))
            {
                if (_table is not null && table.Changed < _table.Changed)
                {
                    return; // an older snapshot's reader: keep what the current table holds
                }

                (_terms, _table, _bytes) = (new(StringComparer.Ordinal), table, 0);
            }

            if (_bytes + size > BudgetBytes || !_terms.TryAdd(term, segments))
            {
                return;
            }

            _bytes += size;
            _lastUse = Environment.TickCount64;
            _timer.Change(Quiet / 2, Quiet / 2);
        }
    }

    /// <summary>Drops everything (also done once it has gone <see cref="Quiet"/> without use).</summary>
    public void Empty()
    {
        lock (_lock)
        {
            (_terms, _table, _bytes) = (new(StringComparer.Ordinal), null, 0);
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }
    }

    private void EmptyIfQuiet()
    {
        lock (_lock)
        {
            if (_bytes > 0 && Environment.TickCount64 - _lastUse < (long)Quiet.TotalMilliseconds)
            {
                return;
            }
        }

        Empty();
    }

    public void Dispose() => _timer.Dispose();
}
