using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite.Blobs;

/// <summary>
/// Originals appended to pack files (<c>blobs/packs/&lt;ulid&gt;.pack</c>) and found through a SQLite index
/// (<c>blobs/packs/index.db</c>), content-addressed by SHA-256 like <see cref="FileBlobStore"/>, whose
/// one-file-per-blob layout older stores still hold and which is still read (never written).
/// </summary>
/// <remarks>
/// <para>
/// Why packs: a file per blob cost two inode creations (the blob and often its fan-out folder), a rename and an
/// open to read it back — a third of ingest's CPU time went to the kernel. Appending costs one write.
/// </para>
/// <para>
/// Atomic and durable in batches: each process appends only to a pack it created (named by a ULID), so writers
/// never share a file. <see cref="SyncAsync"/> fsyncs the packs written to and only then records the new
/// blobs in the index (fsynced commit), so an index entry always points at complete bytes on disk; callers record
/// rows only after <see cref="SyncAsync"/>. A crash leaves at most unindexed bytes at a pack's end, which are never
/// read. Each record starts with a header (magic, SHA-256, length) so a pack can be verified or re-indexed alone.
/// Deleting removes the index entry; the bytes stay as dead space in the pack. Thread-safe.
/// </para>
/// </remarks>
public sealed class PackBlobStore : IBlobStore, IAsyncDisposable
{
    /// <summary>A pack is closed and a new one started past this size.</summary>
    public const long MaxPackBytes = 1L << 30;

    private const int HeaderBytes = 4 + 32 + 8;
    private static readonly byte[] Magic = "SBv1"u8.ToArray();

    private readonly string _packs;
    private readonly bool _durable;
    private readonly FileBlobStore _legacy;
    private readonly bool _hasLegacy;
    private readonly PackIndex _index;
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<string, BlobLocation> _written = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _syncLock = new(1, 1);
    private readonly ConcurrentDictionary<string, SafeFileHandle> _readers = new(StringComparer.Ordinal);
    private List<(string Hash, BlobLocation Location)> _unindexed = [];
    private HashSet<SafeFileHandle> _unsynced = [];
    private SafeFileHandle? _pack;
    private string _packName = string.Empty;
    private long _packLength;

    public PackBlobStore(string root, bool durable = true)
    {
        _packs = Path.Combine(root, "packs");
        _durable = durable;
        Directory.CreateDirectory(_packs);
        _index = new PackIndex(Path.Combine(_packs, "index.db"));
        _hasLegacy = Directory.EnumerateDirectories(root).Any(folder => Path.GetFileName(folder).Length == 2);
        _legacy = new FileBlobStore(root, durable);
    }

    /// <summary>Where a blob's bytes are (pack file path, offset, length); null when it is not in a pack.</summary>
    public (string Path, long Offset, long Length)? Locate(string hash) =>
        Find(hash) is { } location ? (Path.Combine(_packs, location.Pack), location.Offset, location.Length) : null;

    public Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var hash = FileBlobStore.ComputeHash(content.Span);
        if (Exists(hash))
        {
            return Task.FromResult(hash);
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        Magic.CopyTo(header);
        Convert.FromHexString(hash, header[4..36], out _, out _);
        BitConverter.TryWriteBytes(header[36..], (long)content.Length);
        lock (_writeLock)
        {
            if (_written.ContainsKey(hash))
            {
                return Task.FromResult(hash);
            }

            var pack = CurrentPack(HeaderBytes + content.Length);
            RandomAccess.Write(pack, header, _packLength);
            RandomAccess.Write(pack, content.Span, _packLength + HeaderBytes);
            var location = new BlobLocation(_packName, _packLength + HeaderBytes, content.Length);
            _packLength += HeaderBytes + content.Length;
            _unsynced.Add(pack);
            _unindexed.Add((hash, location));
            _written[hash] = location;
        }

        return Task.FromResult(hash);
    }

    /// <summary>
    /// Makes every blob stored so far durable and indexed. Cheap when nothing is pending. Syncs run one at a time:
    /// a caller whose blobs another sync already took waits for that sync to finish, so when this returns its
    /// blobs are indexed (callers record rows right after; a kill between the two must never lose an original).
    /// </summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await _syncLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<(string Hash, BlobLocation Location)> entries;
            HashSet<SafeFileHandle> packs;
            lock (_writeLock)
            {
                if (_unindexed.Count == 0)
                {
                    return;
                }

                (entries, _unindexed) = (_unindexed, []);
                (packs, _unsynced) = (_unsynced, []);
            }

            // Once taken, the entries must be indexed: not cancellable.
            await Task.Run(() =>
            {
                if (_durable)
                {
                    foreach (var pack in packs)
                    {
                        RandomAccess.FlushToDisk(pack);
                    }
                }

                _index.Add(entries, _durable);
            }, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _syncLock.Release();
        }
    }

    /// <summary>Originals up to this size are read synchronously (see <see cref="ReadAsync"/>).</summary>
    private const int SmallRead = 1 << 20;

    public async Task<byte[]> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        if (Find(hash) is not { } location)
        {
            return _hasLegacy && _legacy.Exists(hash)
                ? await _legacy.ReadAsync(hash, cancellationToken).ConfigureAwait(false)
                : throw new FileNotFoundException($"the original {hash} is not in the store");
        }

        var reader = _readers.GetOrAdd(location.Pack, name => File.OpenHandle(Path.Combine(_packs, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var bytes = new byte[location.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            // .NET reads files "asynchronously" on Linux by blocking a pool thread and hopping back: for a small
            // original (usually in the page cache) the hop and the wake-up cost more than the read itself.
            var count = bytes.Length <= SmallRead
                ? RandomAccess.Read(reader, bytes.AsSpan(read), location.Offset + read)
                : await RandomAccess.ReadAsync(reader, bytes.AsMemory(read), location.Offset + read, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                throw new FileNotFoundException($"the original {hash} is cut short in pack {location.Pack}");
            }

            read += count;
        }

        return bytes;
    }

    public bool Exists(string hash) => Find(hash) is not null || (_hasLegacy && _legacy.Exists(hash));

    public bool Delete(string hash)
    {
        var inPack = _written.TryRemove(hash, out _) | _index.Remove(hash);
        var inFile = _hasLegacy && _legacy.Delete(hash);
        return inPack || inFile;
    }

    public long TotalBytes()
    {
        var legacy = _hasLegacy
            ? Directory.EnumerateDirectories(Path.GetDirectoryName(_packs)!).Where(folder => Path.GetFileName(folder).Length == 2)
                .Sum(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length))
            : 0;
        return _index.TotalBytes() + legacy + _unindexed.Sum(entry => entry.Location.Length);
    }

    public async ValueTask DisposeAsync()
    {
        await SyncAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_writeLock)
        {
            _pack?.Dispose();
            _pack = null;
        }

        foreach (var reader in _readers.Values)
        {
            reader.Dispose();
        }

        _readers.Clear();
    }

    private BlobLocation? Find(string hash) => _written.TryGetValue(hash, out var location) ? location : _index.Find(hash);

    /// <summary>The pack this process appends to, starting a new one when the current would grow past the limit.</summary>
    private SafeFileHandle CurrentPack(long adding)
    {
        if (_pack is not null && _packLength + adding <= MaxPackBytes)
        {
            return _pack;
        }

        if (_pack is not null)
        {
            // A full pack is made durable now, so the next sync need not keep its handle.
            if (_durable)
            {
                RandomAccess.FlushToDisk(_pack);
            }

            _unsynced.Remove(_pack);
            _pack.Dispose();
        }

        _packName = $"{Ulid.NewUlid()}.pack";
        _pack = File.OpenHandle(Path.Combine(_packs, _packName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        _packLength = 0;
        return _pack;
    }
}
