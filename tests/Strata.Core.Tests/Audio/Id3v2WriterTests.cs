using System.Buffers.Binary;
using System.Text;
using Strata.Core.Audio;
using Xunit;

namespace Strata.Core.Tests.Audio;

public sealed class Id3v2WriterTests
{
    [Fact]
    public void Write_TitleDateAndChapters_AreReadableFrames()
    {
        var chapters = new[]
        {
            new AudioChapter("Introduction", 0, 4000),
            new AudioChapter("北京大学发布新模型", 4000, 9500, "item1", "https://example.cn/a"),
        };
        var tag = new Id3Tag("Digest for today", "Strata digests", "Strata", new DateTimeOffset(2026, 11, 25, 7, 5, 0, TimeSpan.Zero), "notes", 9500, chapters);

        var bytes = Id3v2Writer.Write(tag);
        var frames = Frames(bytes.AsSpan(10), bytes.Length - 10);

        Assert.Equal("ID3", Encoding.ASCII.GetString(bytes, 0, 3));
        Assert.Equal(3, bytes[3]);
        Assert.Equal(bytes.Length - 10, (bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9]);
        Assert.Equal("Digest for today", Text(frames.Single(f => f.Id == "TIT2").Body));
        Assert.Equal("2026", Text(frames.Single(f => f.Id == "TYER").Body));
        Assert.Equal("2511", Text(frames.Single(f => f.Id == "TDAT").Body));
        Assert.Equal("9500", Text(frames.Single(f => f.Id == "TLEN").Body));
        var toc = frames.Single(f => f.Id == "CTOC").Body;
        Assert.Equal("toc\0"u8.ToArray(), toc[..4]);
        Assert.Equal(2, toc[5]);
        var chap = frames.Where(f => f.Id == "CHAP").Select(f => f.Body).ToArray();
        Assert.Equal(2, chap.Length);
        Assert.Equal("chp1\0"u8.ToArray(), chap[1][..5]);
        Assert.Equal(4000u, BinaryPrimitives.ReadUInt32BigEndian(chap[1].AsSpan(5)));
        Assert.Equal(9500u, BinaryPrimitives.ReadUInt32BigEndian(chap[1].AsSpan(9)));
        var sub = Frames(chap[1].AsSpan(21), chap[1].Length - 21);
        Assert.Equal("北京大学发布新模型", Text(sub.Single(f => f.Id == "TIT2").Body));
        Assert.EndsWith("https://example.cn/a", Encoding.Latin1.GetString(sub.Single(f => f.Id == "WXXX").Body), StringComparison.Ordinal);
    }

    private static List<(string Id, byte[] Body)> Frames(ReadOnlySpan<byte> data, int length)
    {
        var frames = new List<(string, byte[])>();
        var offset = 0;
        while (offset + 10 <= length)
        {
            var id = Encoding.ASCII.GetString(data.Slice(offset, 4));
            var size = BinaryPrimitives.ReadInt32BigEndian(data.Slice(offset + 4, 4));
            frames.Add((id, data.Slice(offset + 10, size).ToArray()));
            offset += 10 + size;
        }

        return frames;
    }

    private static string Text(byte[] body)
    {
        Assert.Equal(1, body[0]);
        return Encoding.Unicode.GetString(body, 3, body.Length - 3);
    }
}
