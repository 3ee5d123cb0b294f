using Strata.Sources.Encoding;

namespace Strata.Sources.Imports;

/// <summary>
/// Opens an export as text. The encoding comes from a BOM, else (for seekable streams) from the first
/// <see cref="ImportLimits.DetectionHeadBytes"/> bytes via <see cref="TextDecoder"/>, so legacy windows-1252 bookmark
/// files read correctly; otherwise UTF-8. The stream is left open.
/// </summary>
internal static class ImportText
{
    private const int ReaderBufferChars = 64 * 1024;
    private const int LongestUtf8Sequence = 4;

    public static TextReader Open(Stream stream) =>
        new StreamReader(stream, PickEncoding(stream), detectEncodingFromByteOrderMarks: true, ReaderBufferChars, leaveOpen: true);

    private static System.Text.Encoding PickEncoding(Stream stream)
    {
        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (!stream.CanSeek)
        {
            return utf8;
        }

        var start = stream.Position;
        var head = new byte[ImportLimits.DetectionHeadBytes];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        ReadOnlySpan<byte> sample = head.AsSpan(0, length);
        if (length == head.Length)
        {
            sample = WithoutCutSequence(sample);
        }

        var encoding = TextDecoder.DetectEncoding(sample, declaredCharset: null, out _);
        return encoding.CodePage == utf8.CodePage ? utf8 : encoding;
    }

    /// <summary>Drops a UTF-8 sequence cut off by the end of the sample, so valid UTF-8 is not mistaken for another encoding.</summary>
    private static ReadOnlySpan<byte> WithoutCutSequence(ReadOnlySpan<byte> sample)
    {
        for (var back = 1; back <= Math.Min(LongestUtf8Sequence, sample.Length); back++)
        {
            var b = sample[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte (or ASCII): keep it only if the bytes after it complete its sequence.
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? sample[..^back] : sample;
            }
        }

        return sample;
    }
}
