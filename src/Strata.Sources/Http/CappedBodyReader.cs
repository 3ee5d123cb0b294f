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
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

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
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }

        return buffer.ToArray();
    }
}
