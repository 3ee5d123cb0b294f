namespace Strata.Sources.Http;

/// <summary>
/// Reads a response body into memory with a hard cap. The declared <c>Content-Length</c> is checked first;
/// the bytes actually read (after decompression) are counted too, so a missing or false length, or a
/// compression bomb, stops at the cap instead of exhausting memory.
/// </summary>
internal static class CappedBodyReader
{
    private const int ChunkSize = 81920;
    private const int MaxInitialCapacity = 1024 * 1024;

    /// <summary>Returns the body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken ct) =>
        content.Headers.ContentLength > maxBytes
            ? Task.FromResult<byte[]?>(null)
            : ReadCoreAsync(content, maxBytes, truncate: false, ct);

    /// <summary>Returns the first <paramref name="maxBytes"/> of the body (all of it when shorter); stops reading there.</summary>
    public static async Task<byte[]> ReadPrefixAsync(HttpContent content, long maxBytes, CancellationToken ct) =>
        (await ReadCoreAsync(content, maxBytes, truncate: true, ct).ConfigureAwait(false))!;

    private static async Task<byte[]?> ReadCoreAsync(HttpContent content, long maxBytes, bool truncate, CancellationToken ct)
    {
        var declared = content.Headers.ContentLength;
        var initial = (int)Math.Min(declared ?? 0, Math.Min(maxBytes, MaxInitialCapacity));
        using var buffer = new MemoryStream(initial);
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    if (!truncate)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, (int)(maxBytes - buffer.Length));
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }

        return buffer.ToArray();
    }
}
