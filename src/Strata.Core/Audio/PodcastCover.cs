using System.Buffers.Binary;
using System.IO.Compression;

namespace Strata.Core.Audio;

/// <summary>
/// The default cover art podcast directories insist on (square, at least 1400 px): a plain PNG drawn here — dark
/// ground, three light "strata" bands — so a feed validates without the user making an image. Pure; the same bytes every time.
/// </summary>
public static class PodcastCover
{
    public const int Size = 1400;
    public const string FileName = "cover.png";
    public const string MediaType = "image/png";

    private static readonly Lazy<byte[]> Cached = new(Draw);

    public static byte[] Png => Cached.Value;

    private static byte[] Draw()
    {
        var raw = new byte[Size * ((Size * 3) + 1)];
        for (var y = 0; y < Size; y++)
        {
            var row = y * ((Size * 3) + 1);
            raw[row] = 0;
            var (r, g, b) = ColourAt(y);
            for (var x = 0; x < Size; x++)
            {
                var inMargin = x < Size / 7 || x >= Size - (Size / 7);
                raw[row + 1 + (x * 3)] = inMargin ? (byte)28 : r;
                raw[row + 2 + (x * 3)] = inMargin ? (byte)35 : g;
                raw[row + 3 + (x * 3)] = inMargin ? (byte)51 : b;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Three bands across the middle (the "strata"), dark elsewhere.</summary>
    private static (byte R, byte G, byte B) ColourAt(int y)
    {
        var band = y * 10 / Size;
        return band switch
        {
            3 => (240, 180, 90),
            5 => (120, 190, 200),
            7 => (220, 220, 230),
            _ => (28, 35, 51),
        };
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected, polynomial 0xEDB88320).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
