using Strata.Core.Text;

namespace Strata.Core.Enrich;

/// <summary>
/// The part of a text worth fingerprinting: its paragraphs. Navigation, share buttons, bylines and copyright
/// footers are short lines; syndicated copies differ mostly there, and a 64-bit SimHash tolerates only about 1% of
/// shingles changed within <see cref="SimHash.MaxDistance"/>. Falls back to the whole text when its paragraphs are
/// too few to fingerprint (lists, poems, short notes).
/// </summary>
public static class SimHashContent
{
    /// <summary>Lines narrower than this (CJK characters count three) are boilerplate-sized.</summary>
    public const int MinLineWidth = 80;

    public static ulong? Compute(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!HasNarrowLines(text))
        {
            return SimHash.Compute(text);
        }

        // The wide lines are fingerprinted where they stand rather than copied into a text of their own.
        var content = default(SimHash.Fingerprint);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (Width(line) >= MinLineWidth)
            {
                content.Add(line);
            }
        }

        return content.Value ?? SimHash.Compute(text);
    }

    /// <summary>Whether a line with text on it is narrower than <see cref="MinLineWidth"/>.</summary>
    private static bool HasNarrowLines(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (Width(line) < MinLineWidth && !line.IsWhiteSpace())
            {
                return true;
            }
        }

        return false;
    }

    private static int Width(ReadOnlySpan<char> line)
    {
        var width = 0;
        foreach (var character in line)
        {
            width += CharClasses.IsCjk(character) ? 3 : 1;
            if (width >= MinLineWidth)
            {
                break;
            }
        }

        return width;
    }
}
