namespace Strata.Core.Search.Ranking;

/// <summary>
/// One word or phrase of a <see cref="KeywordQuery"/>: analysed tokens that must appear in order within one column.
/// With <paramref name="PrefixLast"/> the last token matches every token starting with it (FTS5's <c>"知识 库"*</c>):
/// the query builder asks for that when a term ends in a single CJK character, which the index holds only inside
/// bigrams.
/// </summary>
public sealed record KeywordExpression(IReadOnlyList<string> Words, bool PrefixLast = false)
{
    /// <summary>The terms the expression is matched by (see <see cref="CommonGrams.Units(IReadOnlyList{string}, bool)"/>).</summary>
    public IReadOnlyList<PhraseUnit> Units() => CommonGrams.Units(Words, PrefixLast);

    /// <summary>The expression as the query builder writes it (for messages and tests).</summary>
    public override string ToString() => string.Join(' ', Words) + (PrefixLast ? "*" : string.Empty);
}
