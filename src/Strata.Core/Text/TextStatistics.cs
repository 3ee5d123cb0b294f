using System.Text;

namespace Strata.Core.Text;

/// <summary>Word counts that treat each CJK character as a word, as reading-time estimates for Chinese and Japanese do.</summary>
public static class TextStatistics
{
    public static int WordCount(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (CharClasses.IsCjk(rune.Value))
            {
                words++;
                inWord = false;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                if (!inWord)
                {
                    words++;
                    inWord = true;
                }
            }
            else if (rune.Value != '\'' && rune.Value != '’' && rune.Value != '-')
            {
                inWord = false;
            }
        }

        return words;
    }

    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Round(words / Constants.WordsPerMinute, MidpointRounding.AwayFromZero));
}
