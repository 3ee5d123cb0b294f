using System.Text;
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

        var content = new StringBuilder(text.Length);
        var skipped = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (Width(line) >= MinLineWidth)
            {
                content.Append(line).Append('\n');
            }
            else if (!line.IsWhiteSpace())
            {
                skipped = true;
            }
        }

        return skipped ? SimHash.Compute(content.ToString()) ?? SimHash.Compute(text) : SimHash.Compute(text);
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
