using System.Buffers.Binary;

namespace Strata.Core.Audio;

/// <summary>
/// Reads RIFF/WAVE files into mono 16-bit PCM: 8/16/24/32-bit integer and 32-bit float, any channel count
/// (downmixed). Tolerates the placeholder sizes engines write when streaming to a pipe (espeak-ng
/// <c>--stdout</c>): a data chunk that claims more than is there runs to the end. Throws
/// <see cref="FormatException"/> for anything else.
/// </summary>
public static class WavReader
{
    private const ushort Pcm = 1;
    private const ushort Float = 3;
    private const ushort Extensible = 0xFFFE;

    public static PcmAudio Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new FormatException("not a WAV file (no RIFF/WAVE header)");
        }

        ushort format = 0, channels = 0, bits = 0;
        var rate = 0;
        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(offset + 4, 4));
            var body = offset + 8;
            var available = wav.Length - body;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || available < 16)
                {
                    throw new FormatException("WAV fmt chunk is too short");
                }

                format = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 2, 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 14, 2));
                if (format == Extensible && size >= 26 && available >= 26)
                {
                    format = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 24, 2));
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0 || rate <= 0)
                {
                    throw new FormatException("WAV data chunk before its fmt chunk");
                }

                var length = size > available ? available : (int)size;
                return new PcmAudio(Decode(wav.Slice(body, length), format, channels, bits), rate);
            }

            offset = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }

        throw new FormatException("WAV file has no data chunk");
    }

    private static short[] Decode(ReadOnlySpan<byte> data, ushort format, int channels, int bits)
    {
        if (!(format == Pcm && bits is 8 or 16 or 24 or 32) && !(format == Float && bits == 32))
        {
            throw new FormatException($"unsupported WAV encoding (format {format}, {bits} bits)");
        }

        var bytesPerSample = bits / 8;
        var frames = data.Length / (bytesPerSample * channels);
        var samples = new short[frames];
        for (var frame = 0; frame < frames; frame++)
        {
            double sum = 0;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += Sample(data.Slice(((frame * channels) + channel) * bytesPerSample, bytesPerSample), format, bits);
            }

            samples[frame] = (short)Math.Clamp(Math.Round(sum / channels * short.MaxValue), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>One sample scaled to -1..1.</summary>
    private static double Sample(ReadOnlySpan<byte> bytes, ushort format, int bits) => (format, bits) switch
    {
        (Float, _) => BinaryPrimitives.ReadSingleLittleEndian(bytes),
        (_, 8) => (bytes[0] - 128) / 128.0,
        (_, 16) => BinaryPrimitives.ReadInt16LittleEndian(bytes) / 32768.0,
        (_, 24) => ((bytes[2] << 24) | (bytes[1] << 16) | (bytes[0] << 8)) / 2147483648.0,
        _ => BinaryPrimitives.ReadInt32LittleEndian(bytes) / 2147483648.0,
    };
}
