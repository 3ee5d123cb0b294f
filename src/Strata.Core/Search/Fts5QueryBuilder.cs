using System.Text;

namespace Strata.Core.Search;

/// <summary>
/// Builds a safe FTS5 <c>MATCH</c> expression from a <see cref="SearchQuery"/>, for a table whose text was
/// written with <see cref="SearchTextAnalyzer.ToIndexText"/>. Every term and phrase is analysed with
/// <see cref="SearchTextAnalyzer.AnalyzeTerm"/> and emitted only as a double-quoted FTS5 string, so no user
/// text is ever read as FTS5 syntax.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Build"/> requires every term and phrase (AND): a term that analyses to several tokens
/// (<c>知识库</c> → <c>"知识 识库"</c>, <c>e-mail</c> → <c>"e mail"</c>) must match them as a sequence; a term ending
/// in a single CJK character becomes a prefix query (<c>"书"*</c>) so it matches that character inside any bigram.
/// Exclusions are appended as <c>NOT</c>: <c>("a" AND "b") NOT ("c" OR "d")</c>. <see cref="BuildAny"/> is the
/// same with OR between terms and phrases, a fallback for when the AND form finds nothing.
/// </para>
/// <para>
/// Both return null when nothing searchable remains (no terms or phrases, or only exclusions, or only text
/// without letters or digits); the caller then lists documents by the query's filters alone. Pure and
/// thread-safe; never throws for a non-null query.
/// </para>
/// </remarks>
public static class Fts5QueryBuilder
{
    /// <summary>The expression requiring every term and phrase, or null when nothing is searchable.</summary>
    public static string? Build(SearchQuery query) => Compose(query, " AND ");

    /// <summary>The expression requiring any term or phrase, or null when nothing is searchable.</summary>
    public static string? BuildAny(SearchQuery query) => Compose(query, " OR ");

    private static string? Compose(SearchQuery query, string separator)
    {
        ArgumentNullException.ThrowIfNull(query);
        var positive = Expressions(query.Terms, query.Phrases);
        if (positive.Count == 0)
        {
            return null;
        }

        var excluded = Expressions(query.ExcludedTerms, query.ExcludedPhrases);
        if (excluded.Count == 0)
        {
            return string.Join(separator, positive);
        }

        return $"{Group(positive, separator)} NOT {Group(excluded, " OR ")}";
    }

    private static string Group(List<string> expressions, string separator) =>
        expressions.Count == 1 ? expressions[0] : "(" + string.Join(separator, expressions) + ")";

    private static List<string> Expressions(IReadOnlyList<string> terms, IReadOnlyList<string> phrases)
    {
        var result = new List<string>(terms.Count + phrases.Count);
        foreach (var text in terms.Concat(phrases))
        {
            var expression = ToExpression(SearchTextAnalyzer.AnalyzeTerm(text));
            if (expression is not null && !result.Contains(expression))
            {
                result.Add(expression);
            }
        }

        return result;
    }

    /// <summary>A quoted FTS5 string of the tokens (a phrase when several), or null when there are none.</summary>
    internal static string? ToExpression(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder("\"");
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(tokens[i].Replace("\"", "\"\"", StringComparison.Ordinal));
        }

        builder.Append('"');
        if (SearchTextAnalyzer.IsSingleCjkCharacter(tokens[^1]))
        {
            builder.Append('*');
        }

        return builder.ToString();
    }
}
