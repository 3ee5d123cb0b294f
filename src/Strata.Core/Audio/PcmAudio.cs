namespace Strata.Core.Audio;

/// <summary>Mono 16-bit PCM samples at a sample rate. Immutable by convention (the array is not copied).</summary>
public sealed class PcmAudio(short[] samples, int sampleRate)
{
    public short[] Samples { get; } = samples;

    public int SampleRate { get; } = sampleRate > 0 ? sampleRate : throw new ArgumentOutOfRangeException(nameof(sampleRate));

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);

    /// <summary>The same sound at <paramref name="rate"/> (linear interpolation; engines differ in their native rates).</summary>
    public PcmAudio Resample(int rate)
    {
        if (rate == SampleRate || Samples.Length == 0)
        {
            return rate == SampleRate ? this : new PcmAudio([], rate);
        }

        var length = (int)((long)Samples.Length * rate / SampleRate);
        var output = new short[length];
        var step = (double)SampleRate / rate;
        for (var i = 0; i < length; i++)
        {
            var position = i * step;
            var index = (int)position;
            var next = Math.Min(index + 1, Samples.Length - 1);
            var fraction = position - index;
            output[i] = (short)Math.Round((Samples[index] * (1 - fraction)) + (Samples[next] * fraction));
        }

        return new PcmAudio(output, rate);
    }
}
