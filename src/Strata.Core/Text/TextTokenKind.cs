namespace Strata.Core.Text;

/// <summary>What a <see cref="TextToken"/> is.</summary>
public enum TextTokenKind
{
    /// <summary>A word of letters and digits (Latin, Cyrillic, Greek, …), lower-cased with diacritics folded.</summary>
    Word,

    /// <summary>A CJK bigram, or a single CJK character (a one-character run or the tail of a run).</summary>
    Cjk,
}
