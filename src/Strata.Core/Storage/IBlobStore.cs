namespace Strata.Core.Storage;

/// <summary>
/// Content-addressed storage of original bytes. A blob's name is the SHA-256 of its bytes, so writing the
/// same bytes twice is a no-op. Writes are atomic (temporary file, rename): a crash never leaves a partial blob
/// under a final name; <see cref="SyncAsync"/> makes them durable in batches. Thread-safe.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores <paramref name="content"/> and returns its hash; idempotent.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Makes every blob stored so far durable on disk; call before recording blobs in the database.</summary>
    Task SyncAsync(CancellationToken cancellationToken);

    /// <summary>Reads a blob; throws <see cref="FileNotFoundException"/> when it is missing.</summary>
    Task<byte[]> ReadAsync(string hash, CancellationToken cancellationToken);

    bool Exists(string hash);

    /// <summary>Removes a blob; false when it was not there.</summary>
    bool Delete(string hash);

    /// <summary>Total bytes held.</summary>
    long TotalBytes();
}
