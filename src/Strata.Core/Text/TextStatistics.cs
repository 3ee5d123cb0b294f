namespace Strata.Core.Text;

/// <summary>Word counts and reading time for documents in any script.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class TextStatistics
{
    /// <summary>Average adult silent-reading speed used for estimates.</summary>
    public const int WordsPerMinute = 230;

    /// <summary>
    /// Words as the tokenizer sees them (letters and digits; <c>don't</c> is one word), plus one per CJK
    /// character. Never throws for non-null text.
    /// </summary>
    public static int WordCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A CJK run of n characters yields exactly n tokens (n - 1 bigrams and its last character), so counting
        // tokens counts CJK characters one each.
        var count = 0;
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        foreach (var _ in new TextTokenizer(text, buffer))
        {
            count++;
        }

        return count;
    }

    /// <summary>Minutes to read <paramref name="words"/> words, rounded up, at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="words"/> is negative.</exception>
    public static int ReadingMinutes(int words)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        return Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));
    }
}
