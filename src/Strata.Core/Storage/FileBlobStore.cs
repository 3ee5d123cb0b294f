using System.Security.Cryptography;

namespace Strata.Core.Storage;

/// <summary>
/// Blobs as files under <c>blobs/ab/cd/&lt;sha256&gt;</c>. Each write goes to a temporary file in the same
/// file system, is flushed to disk when <c>durable</c>, then renamed into place, so readers never see a torn blob.
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _temp;
    private readonly bool _durable;

    public FileBlobStore(string root, bool durable = true)
    {
        _root = root;
        _temp = Path.Combine(root, "tmp");
        _durable = durable;
        Directory.CreateDirectory(_temp);
    }

    public static string ComputeHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public string PathOf(string hash) => Path.Combine(_root, hash[..2], hash[2..4], hash);

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var hash = ComputeHash(content.Span);
        var final = PathOf(hash);
        if (File.Exists(final))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var temp = Path.Combine(_temp, $"{hash}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                if (_durable)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            File.Move(temp, final, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return hash;
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
}
