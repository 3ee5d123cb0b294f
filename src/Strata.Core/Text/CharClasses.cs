using System.Globalization;
using System.Text;

namespace Strata.Core.Text;

/// <summary>Character classification and folding shared by the tokenizer, the detector and statistics.</summary>
internal static class CharClasses
{
    private const int FoldStart = 0xC0;
    private const int FoldEnd = 0x24F;
    private const int FullwidthOffset = 0xFEE0;

    /// <summary>For ASCII: the lower-case form of letters and digits, or 0 for separators.</summary>
    private static readonly char[] AsciiWordChars = BuildAsciiTable();

    /// <summary>For U+00C0–U+024F: the folded lower-case ASCII base letter where one exists.</summary>
    private static readonly char[] LatinFold = BuildLatinFold();

    /// <summary>Lower-case ASCII form of an ASCII letter or digit, or <c>'\0'</c> for anything else.</summary>
    public static char AsciiWordChar(char c) => AsciiWordChars[c];

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>Han, Hiragana, Katakana or Hangul (including CJK extensions beyond the BMP).</summary>
    public static bool IsCjk(int cp)
    {
        if (cp < 0x1100)
        {
            return false;
        }

        if (cp >= 0x4E00)
        {
            return cp <= 0x9FFF
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFF66 && cp <= 0xFF9D)
                || (cp >= 0xA960 && cp <= 0xA97F)
                || (cp >= 0xD7B0 && cp <= 0xD7FF)
                || (cp >= 0x20000 && cp <= 0x323AF);
        }

        return cp <= 0x11FF
            || (cp >= 0x3005 && cp <= 0x3007)
            || (cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB && cp != 0x30A0)
            || (cp >= 0x3130 && cp <= 0x318F)
            || (cp >= 0x31F0 && cp <= 0x31FF)
            || (cp >= 0x3400 && cp <= 0x4DBF);
    }

    public static bool IsKana(int cp) => (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9D);

    public static bool IsHangul(int cp) =>
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F);

    /// <summary>
    /// Lower-cases and folds one non-ASCII BMP word character: Latin letters with diacritics to their base
    /// letter, fullwidth ASCII to ASCII, anything else through invariant lower-casing.
    /// </summary>
    public static char FoldNonAscii(char c)
    {
        if (c >= FoldStart && c <= FoldEnd)
        {
            return LatinFold[c - FoldStart];
        }

        if (c >= '\uFF10' && c <= '\uFF5A')
        {
            var ascii = AsciiWordChars[c - FullwidthOffset];
            if (ascii != '\0')
            {
                return ascii;
            }
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>Whether a non-ASCII BMP character belongs inside a word (letters, digits, combining marks).</summary>
    public static bool IsWordChar(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category <= UnicodeCategory.OtherLetter
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber;
    }

    public static bool IsNonSpacingMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>Whether a supplementary-plane code point is a letter or digit.</summary>
    public static bool IsWordCodePoint(int cp) => Rune.IsLetterOrDigit(new Rune(cp));

    private static char[] BuildAsciiTable()
    {
        var table = new char[128];
        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = c;
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = c;
            table[char.ToUpperInvariant(c)] = c;
        }

        return table;
    }

    private static char[] BuildLatinFold()
    {
        var table = new char[FoldEnd - FoldStart + 1];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)(FoldStart + i);
            var lower = char.ToLowerInvariant(c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            table[i] = decomposed.Length > 0 && decomposed[0] < 128 && char.IsLetter(decomposed[0]) ? decomposed[0] : lower;
        }

        table['ø' - FoldStart] = 'o';
        table['Ø' - FoldStart] = 'o';
        table['ł' - FoldStart] = 'l';
        table['Ł' - FoldStart] = 'l';
        table['đ' - FoldStart] = 'd';
        table['Đ' - FoldStart] = 'd';
        table['ı' - FoldStart] = 'i';
        return table;
    }
}
