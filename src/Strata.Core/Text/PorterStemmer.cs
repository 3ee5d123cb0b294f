namespace Strata.Core.Text;

/// <summary>
/// The original Porter (1980) stemming algorithm for English, followed by a conflation step that strips a
/// final <c>i</c> or <c>e</c> while the stem keeps at least four letters, so that word families such as
/// classify / classified / classification / classifier share one stem (<c>classif</c>).
/// </summary>
/// <remarks>
/// Pure and thread-safe; never throws on any input. Only words made of the ASCII letters <c>a</c>–<c>z</c>
/// are stemmed: words shorter than three letters, words containing digits or other characters, and words
/// longer than <see cref="MaxWordLength"/> are returned unchanged. Index and query text must both go through
/// <see cref="Stem(string)"/> so that the two sides agree.
/// </remarks>
public static class PorterStemmer
{
    /// <summary>Words longer than this are returned unchanged (they are rarely English words).</summary>
    public const int MaxWordLength = 64;

    private const int MinStemmableLength = 3;
    private const int MinConflatedLength = 4;

    /// <summary>Stems a lower-case word with Porter plus the conflation step.</summary>
    public static string Stem(string lowerCaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowerCaseWord);
        Span<char> buffer = stackalloc char[MaxWordLength];
        var length = Stem(lowerCaseWord, buffer);
        return length < 0 ? lowerCaseWord : new string(buffer[..length]);
    }

    /// <summary>Stems with the plain Porter algorithm only (no conflation), as published; for diagnostics and tests.</summary>
    public static string StemPorterOnly(string lowerCaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowerCaseWord);
        if (!IsStemmable(lowerCaseWord))
        {
            return lowerCaseWord;
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        lowerCaseWord.AsSpan().CopyTo(buffer);
        var length = new PorterBuffer(buffer, lowerCaseWord.Length).Run();
        return new string(buffer[..length]);
    }

    /// <summary>
    /// Stems <paramref name="word"/> into <paramref name="destination"/> (at least <see cref="MaxWordLength"/> long).
    /// Returns the stem length, or -1 when the word is not stemmable and should be used as it is.
    /// </summary>
    internal static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (!IsStemmable(word))
        {
            return -1;
        }

        word.CopyTo(destination);
        var length = new PorterBuffer(destination, word.Length).Run();
        var last = destination[length - 1];
        if ((last == 'i' || last == 'e') && length - 1 >= MinConflatedLength)
        {
            length--;
        }

        return length;
    }

    private static bool IsStemmable(ReadOnlySpan<char> word)
    {
        if (word.Length < MinStemmableLength || word.Length > MaxWordLength)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
