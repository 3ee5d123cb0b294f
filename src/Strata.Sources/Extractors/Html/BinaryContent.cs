namespace Strata.Sources.Extractors.Html;

/// <summary>Cheap checks that decoded text is text at all, and that an extraction holds words.</summary>
internal static class BinaryContent
{
    private const int SampleLength = 4096;
    private const double MaxGarbageShare = 0.1;

    /// <summary>True when the start of <paramref name="text"/> is dominated by control or replacement characters.</summary>
    public static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleLength));
        if (sample.IsEmpty)
        {
            return false;
        }

        var garbage = 0;
        foreach (var c in sample)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                garbage++;
            }
        }

        return garbage > sample.Length * MaxGarbageShare;
    }

    public static bool HasLetters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
