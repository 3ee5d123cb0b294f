using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Strata.Core.Storage;

/// <summary>
/// Blobs as files under <c>blobs/ab/cd/&lt;sha256&gt;</c>. Each write goes to a temporary file in the same file
/// system and is renamed into place, so readers never see a torn blob. Durability is batched: writes since the
/// last <see cref="SyncAsync"/> reach the disk when it is called (one <c>syncfs</c> on Linux, else one fsync per
/// file), and callers record blobs in the database only after that.
/// </summary>
public sealed partial class FileBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _temp;
    private readonly bool _durable;
    private readonly ConcurrentQueue<string> _unsynced = new();
    private readonly ConcurrentDictionary<string, byte> _directories = new(StringComparer.Ordinal);

    public FileBlobStore(string root, bool durable = true)
    {
        _root = root;
        _temp = Path.Combine(root, "tmp");
        _durable = durable;
        Directory.CreateDirectory(_temp);
    }

    public static string ComputeHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public string PathOf(string hash) => Path.Combine(_root, hash[..2], hash[2..4], hash);

    public Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var hash = ComputeHash(content.Span);
        var final = PathOf(hash);
        if (File.Exists(final))
        {
            return Task.FromResult(hash);
        }

        var directory = Path.GetDirectoryName(final)!;
        if (_directories.TryAdd(directory, 0))
        {
            Directory.CreateDirectory(directory); // once per fan-out folder, not once per blob
        }

        var temp = Path.Combine(_temp, $"{hash}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Local writes of a few kilobytes are faster synchronously than through the thread pool.
            cancellationToken.ThrowIfCancellationRequested();
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(content.Span);
            }

            File.Move(temp, final, overwrite: true);
            if (_durable)
            {
                _unsynced.Enqueue(final);
            }
        }
        finally
        {
            File.Delete(temp);
        }

        return Task.FromResult(hash);
    }

    /// <summary>Makes every blob written so far durable. Cheap when nothing is pending.</summary>
    public Task SyncAsync(CancellationToken cancellationToken)
    {
        if (_unsynced.IsEmpty)
        {
            return Task.CompletedTask;
        }

        return Task.Run(() =>
        {
            var pending = new List<string>();
            while (_unsynced.TryDequeue(out var path))
            {
                pending.Add(path);
            }

            if (OperatingSystem.IsLinux() && SyncFileSystem(_root))
            {
                return;
            }

            foreach (var path in pending)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                stream.Flush(flushToDisk: true);
            }
        }, cancellationToken);
    }

    public async Task<byte[]> ReadAsync(string hash, CancellationToken cancellationToken) =>
        await File.ReadAllBytesAsync(PathOf(hash), cancellationToken).ConfigureAwait(false);

    public bool Exists(string hash) => File.Exists(PathOf(hash));

    public bool Delete(string hash)
    {
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public long TotalBytes() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);

    /// <summary>One syscall that flushes the whole file system holding <paramref name="directory"/> (data, renames, directories).</summary>
    private static bool SyncFileSystem(string directory)
    {
        using var handle = File.OpenHandle(Path.Combine(directory, SyncMarker), FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
        return syncfs((int)handle.DangerousGetHandle()) == 0;
    }

    /// <summary>Any file on the blobs' file system serves as the handle <c>syncfs</c> needs.</summary>
    private const string SyncMarker = ".sync";

    [LibraryImport("libc", SetLastError = true)]
    private static partial int syncfs(int fd);
}
