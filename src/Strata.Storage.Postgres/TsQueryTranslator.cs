using System.Text;

namespace Strata.Storage.Postgres;

/// <summary>
/// Translates the FTS5 <c>MATCH</c> expressions <see cref="Core.Search.Fts5QueryBuilder"/> writes into
/// <c>tsquery</c> text over the same analysed tokens: a quoted string is a phrase (<c>&lt;-&gt;</c>), a trailing
/// <c>*</c> a prefix (<c>:*</c>), <c>AND</c>/<c>OR</c> become <c>&amp;</c>/<c>|</c>, the binary <c>A NOT B</c>
/// becomes <c>A &amp; !B</c>, parentheses stay. Pure and thread-safe.
/// </summary>
/// <remarks>
/// FTS5 binds NOT tighter than AND, and AND tighter than OR; <c>tsquery</c> binds <c>!</c> tighter than
/// <c>&lt;-&gt;</c>, <c>&amp;</c> and <c>|</c> in that order. The builder only writes <c>X NOT Y</c> with both sides
/// single or parenthesised, so translating token by token keeps the meaning.
/// </remarks>
internal static class TsQueryTranslator
{
    /// <summary>The tsquery, or null when the expression holds no term (nothing to match).</summary>
    /// <exception cref="FormatException">The expression is not one the query builder writes (an unclosed quote).</exception>
    public static string? Translate(string matchExpression)
    {
        var output = new StringBuilder(matchExpression.Length * 2);
        var terms = 0;
        var i = 0;
        while (i < matchExpression.Length)
        {
            var c = matchExpression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                output.Append(c);
                i++;
            }
            else if (c == '"')
            {
                i = AppendPhrase(matchExpression, i, output);
                terms++;
            }
            else
            {
                var start = i;
                while (i < matchExpression.Length && !char.IsWhiteSpace(matchExpression[i]) && matchExpression[i] is not ('(' or ')' or '"'))
                {
                    i++;
                }

                var word = matchExpression[start..i];
                output.Append(word switch
                {
                    "AND" => " & ",
                    "OR" => " | ",
                    "NOT" => " & !",
                    _ => AppendBare(word),
                });
                if (word is not ("AND" or "OR" or "NOT"))
                {
                    terms++;
                }
            }
        }

        return terms == 0 ? null : output.ToString();
    }

    /// <summary>A quoted FTS5 string (quotes doubled inside), and a <c>*</c> right after it, as a tsquery phrase.</summary>
    private static int AppendPhrase(string expression, int i, StringBuilder output)
    {
        (i, var tokens, var prefix) = ReadPhrase(expression, i);
        output.Append('(');
        for (var t = 0; t < tokens.Length; t++)
        {
            if (t > 0)
            {
                output.Append(" <-> ");
            }

            SearchDocument.AppendLexeme(output, tokens[t]);
            if (prefix && t == tokens.Length - 1)
            {
                output.Append(":*");
            }
        }

        output.Append(')');
        return i;
    }

    /// <summary>A quoted FTS5 string at <paramref name="i"/>: where it ends, its lower-cased tokens, whether a <c>*</c> follows.</summary>
    private static (int End, string[] Tokens, bool Prefix) ReadPhrase(string expression, int i)
    {
        var text = new StringBuilder();
        i++; // opening quote
        while (true)
        {
            if (i >= expression.Length)
            {
                throw new FormatException($"unclosed quote in the search expression: {expression}");
            }

            if (expression[i] == '"')
            {
                if (i + 1 < expression.Length && expression[i + 1] == '"')
                {
                    text.Append('"');
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            text.Append(expression[i]);
            i++;
        }

        var prefix = i < expression.Length && expression[i] == '*';
        if (prefix)
        {
            i++;
        }

        var tokens = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(token => token.ToLowerInvariant()).ToArray();
        return (i, tokens, prefix);
    }

    /// <summary>
    /// A tsquery over <c>search_index.grams</c> every match of the expression satisfies (the grams of its phrases that
    /// must occur: not excluded, in no group holding an <c>OR</c>), or null when there is none. It only narrows the
    /// candidates; the expression itself still decides (see <see cref="PhraseGrams"/>).
    /// </summary>
    /// <exception cref="FormatException">The expression is not one the query builder writes (an unclosed quote).</exception>
    public static string? RequiredGrams(string matchExpression)
    {
        // One frame per open group: the grams its phrases require, kept only if the group turns out to be a conjunction.
        var frames = new Stack<(SortedSet<string> Grams, bool Any, bool Excluded)>();
        frames.Push((new SortedSet<string>(StringComparer.Ordinal), false, false));
        var excluded = false;
        var i = 0;
        while (i < matchExpression.Length)
        {
            var c = matchExpression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(')
            {
                frames.Push((new SortedSet<string>(StringComparer.Ordinal), false, excluded));
                excluded = false;
                i++;
            }
            else if (c == ')')
            {
                var group = frames.Count > 1 ? frames.Pop() : frames.Peek();
                if (!group.Any && !group.Excluded && group.Grams != frames.Peek().Grams)
                {
                    frames.Peek().Grams.UnionWith(group.Grams);
                }

                excluded = false;
                i++;
            }
            else if (c == '"')
            {
                (i, var tokens, var prefix) = ReadPhrase(matchExpression, i);
                var paired = prefix ? tokens.Length - 1 : tokens.Length;
                for (var t = 0; !excluded && t + 1 < paired; t++)
                {
                    // A gram over the lexeme size limit is never indexed (nor is the word that makes it that long).
                    if (PhraseGrams.Pairs(tokens[t], tokens[t + 1]) && Encoding.UTF8.GetByteCount(PhraseGrams.Gram(tokens[t], tokens[t + 1])) <= SearchDocument.MaxLexemeBytes)
                    {
                        frames.Peek().Grams.Add(PhraseGrams.Gram(tokens[t], tokens[t + 1]));
                    }
                }

                excluded = false;
            }
            else
            {
                var start = i;
                while (i < matchExpression.Length && !char.IsWhiteSpace(matchExpression[i]) && matchExpression[i] is not ('(' or ')' or '"'))
                {
                    i++;
                }

                var word = matchExpression[start..i];
                if (word == "OR")
                {
                    var frame = frames.Pop();
                    frames.Push(frame with { Any = true });
                }

                excluded = word == "NOT";
            }
        }

        var root = frames.Last();
        if (root.Any || root.Grams.Count == 0)
        {
            return null;
        }

        var output = new StringBuilder();
        foreach (var gram in root.Grams)
        {
            if (output.Length > 0)
            {
                output.Append(" & ");
            }

            SearchDocument.AppendLexeme(output, gram);
        }

        return output.ToString();
    }

    private static string AppendBare(string word)
    {
        var output = new StringBuilder();
        SearchDocument.AppendLexeme(output, word.ToLowerInvariant());
        return output.ToString();
    }
}
