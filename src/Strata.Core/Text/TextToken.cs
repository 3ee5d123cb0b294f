namespace Strata.Core.Text;

/// <summary>One token produced by <see cref="TextTokenizer"/>; valid only until the tokenizer moves on.</summary>
public readonly ref struct TextToken
{
    public TextToken(ReadOnlySpan<char> text, int start, int length, TextTokenKind kind, bool isRunTail)
    {
        Text = text;
        Start = start;
        Length = length;
        Kind = kind;
        IsRunTail = isRunTail;
    }

    /// <summary>The normalised token: lower-case, diacritics folded, apostrophes dropped; CJK as written.</summary>
    public ReadOnlySpan<char> Text { get; }

    /// <summary>Offset of the token's first UTF-16 unit in the original text.</summary>
    public int Start { get; }

    /// <summary>Length in UTF-16 units of the token in the original text (may differ from <see cref="Text"/>).</summary>
    public int Length { get; }

    public TextTokenKind Kind { get; }

    /// <summary>
    /// True for the extra single character emitted at the end of a CJK run of two or more characters
    /// (after the run's bigrams), so that single-character prefix queries match every character.
    /// </summary>
    public bool IsRunTail { get; }

    /// <summary>Offset just past the token in the original text.</summary>
    public int End => Start + Length;
}
