using System.Buffers.Binary;
using System.IO.Compression;
using Strata.Core.Audio;
using Xunit;

namespace Strata.Core.Tests.Audio;

public sealed class PodcastCoverTests
{
    [Fact]
    public void Png_IsASquare1400PixelRgbImageThatDecompresses()
    {
        var png = PodcastCover.Png;

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(1400, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(1400, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        var idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT", System.Text.Encoding.ASCII.GetString(png, 37, 4));
        using var zlib = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        Assert.Equal(1400 * ((1400 * 3) + 1), raw.Length);
        Assert.True(png.Length < 64 * 1024);
    }
}
