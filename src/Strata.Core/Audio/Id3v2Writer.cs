using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Strata.Core.Audio;

/// <summary>
/// Writes an ID3v2.3 tag (the version podcast apps read most widely): TIT2, TALB, TPE1, TYER/TDAT/TIME, TCON,
/// TLEN, COMM, and chapters as the ID3 chapter addendum's CTOC and CHAP frames (each chapter with its title and,
/// when it has one, its link in a WXXX subframe). Text is UTF-16 so any language survives. Pure.
/// </summary>
public static class Id3v2Writer
{
    /// <summary>A CTOC frame counts its children in one byte.</summary>
    public const int MaxChapters = 255;

    private const byte Utf16 = 1;
    private const byte Latin1 = 0;
    private const byte TopLevelOrdered = 0x03;

    public static byte[] Write(Id3Tag tag)
    {
        using var frames = new MemoryStream();
        Frame(frames, "TIT2", Text(tag.Title));
        Frame(frames, "TALB", Text(tag.Album));
        Frame(frames, "TPE1", Text(tag.Artist));
        Frame(frames, "TCON", Text("Podcast"));
        var date = tag.Date.ToUniversalTime();
        Frame(frames, "TYER", Text(date.ToString("yyyy", CultureInfo.InvariantCulture)));
        Frame(frames, "TDAT", Text(date.ToString("ddMM", CultureInfo.InvariantCulture)));
        Frame(frames, "TIME", Text(date.ToString("HHmm", CultureInfo.InvariantCulture)));
        Frame(frames, "TLEN", Text(tag.DurationMs.ToString(CultureInfo.InvariantCulture)));
        if (!string.IsNullOrEmpty(tag.Comment))
        {
            Frame(frames, "COMM", Comment(tag.Comment));
        }

        var chapters = tag.Chapters.Take(MaxChapters).ToArray();
        if (chapters.Length > 0)
        {
            Frame(frames, "CTOC", TableOfContents(chapters.Length));
            for (var i = 0; i < chapters.Length; i++)
            {
                Frame(frames, "CHAP", Chapter(i, chapters[i]));
            }
        }

        var body = frames.ToArray();
        var tagBytes = new byte[10 + body.Length];
        "ID3"u8.CopyTo(tagBytes);
        tagBytes[3] = 3;
        tagBytes[4] = 0;
        tagBytes[5] = 0;
        WriteSyncSafe(tagBytes.AsSpan(6, 4), body.Length);
        body.CopyTo(tagBytes, 10);
        return tagBytes;
    }

    private static string ElementId(int index) => string.Create(CultureInfo.InvariantCulture, $"chp{index}");

    private static byte[] TableOfContents(int count)
    {
        using var body = new MemoryStream();
        Latin1Terminated(body, "toc");
        body.WriteByte(TopLevelOrdered);
        body.WriteByte((byte)count);
        for (var i = 0; i < count; i++)
        {
            Latin1Terminated(body, ElementId(i));
        }

        Frame(body, "TIT2", Text("Stories"));
        return body.ToArray();
    }

    private static byte[] Chapter(int index, AudioChapter chapter)
    {
        using var body = new MemoryStream();
        Latin1Terminated(body, ElementId(index));
        Span<byte> times = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(times, (uint)Math.Max(0, chapter.StartMs));
        BinaryPrimitives.WriteUInt32BigEndian(times[4..], (uint)Math.Max(chapter.StartMs, chapter.EndMs));
        BinaryPrimitives.WriteUInt32BigEndian(times[8..], uint.MaxValue);
        BinaryPrimitives.WriteUInt32BigEndian(times[12..], uint.MaxValue);
        body.Write(times);
        Frame(body, "TIT2", Text(chapter.Title));
        if (chapter.Link is { } link && link.All(c => c < 0x80))
        {
            using var url = new MemoryStream();
            url.WriteByte(Latin1);
            url.WriteByte(0);
            url.Write(Encoding.Latin1.GetBytes(link));
            Frame(body, "WXXX", url.ToArray());
        }

        return body.ToArray();
    }

    private static byte[] Text(string value)
    {
        using var body = new MemoryStream();
        body.WriteByte(Utf16);
        body.Write(Encoding.Unicode.GetPreamble());
        body.Write(Encoding.Unicode.GetBytes(value));
        return body.ToArray();
    }

    private static byte[] Comment(string value)
    {
        using var body = new MemoryStream();
        body.WriteByte(Utf16);
        body.Write("eng"u8);
        body.Write(Encoding.Unicode.GetPreamble());
        body.Write([0, 0]);
        body.Write(Encoding.Unicode.GetPreamble());
        body.Write(Encoding.Unicode.GetBytes(value));
        return body.ToArray();
    }

    private static void Latin1Terminated(Stream stream, string value)
    {
        stream.Write(Encoding.Latin1.GetBytes(value));
        stream.WriteByte(0);
    }

    /// <summary>An ID3v2.3 frame: id, 32-bit big-endian size (not sync-safe in 2.3), two flag bytes, body.</summary>
    private static void Frame(Stream stream, string id, byte[] body)
    {
        Span<byte> header = stackalloc byte[10];
        Encoding.ASCII.GetBytes(id, header);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], body.Length);
        stream.Write(header);
        stream.Write(body);
    }

    private static void WriteSyncSafe(Span<byte> target, int value)
    {
        for (var i = 3; i >= 0; i--)
        {
            target[i] = (byte)(value & 0x7F);
            value >>= 7;
        }
    }
}
