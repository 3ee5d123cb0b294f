using System.Buffers.Binary;
using Strata.Core.Audio;
using Xunit;

namespace Strata.Core.Tests.Audio;

public sealed class WavReaderTests
{
    [Fact]
    public void Read_Stereo16Bit_DownmixesToMono()
    {
        var wav = Wav(channels: 2, rate: 16000, dataSize: null, [1000, 3000, -2000, -4000]);

        var audio = WavReader.Read(wav);

        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal([2000, -3000], audio.Samples);
    }

    [Fact]
    public void Read_StreamingPlaceholderSize_RunsToTheEnd()
    {
        // espeak-ng --stdout cannot seek back, so it claims a huge data chunk.
        var wav = Wav(channels: 1, rate: 22050, dataSize: 0x7FFFF000, [5, 6, 7]);

        Assert.Equal([5, 6, 7], WavReader.Read(wav).Samples);
    }

    [Fact]
    public void Read_NotWav_Throws() =>
        Assert.Throws<FormatException>(() => WavReader.Read("ID3\u0003 not a wav file"u8.ToArray()));

    [Fact]
    public void Resample_HalvesTheRate_HalvesTheSamples()
    {
        var audio = new PcmAudio([0, 100, 200, 300, 400, 500], 24000);

        var resampled = audio.Resample(12000);

        Assert.Equal([0, 200, 400], resampled.Samples);
        Assert.Equal(audio.Duration, resampled.Duration);
    }

    private static byte[] Wav(int channels, int rate, int? dataSize, short[] samples)
    {
        var data = samples.Length * 2;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + (dataSize ?? data));
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), dataSize ?? data);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), samples[i]);
        }

        return wav;
    }
}
