using System.Text;

namespace Strata.Core.Search.Ranking;

/// <summary>
/// A keyword query as the ranked index evaluates it: positive expressions (each a sequence of analysed tokens that
/// must appear in order), required all together or any one of them, and excluded expressions.
/// </summary>
public sealed record KeywordQuery(IReadOnlyList<KeywordExpression> Positive, bool RequireAll, IReadOnlyList<KeywordExpression> Excluded)
{
    /// <summary>
    /// Reads the match expressions <see cref="Fts5QueryBuilder"/> writes (quoted token sequences, each optionally
    /// followed by <c>*</c> to make its last token a prefix, joined by <c>AND</c> or <c>OR</c>, optionally grouped,
    /// optionally followed by <c>NOT</c> and an <c>OR</c> group). Null for anything else; every expression the builder
    /// writes parses (a test generates thousands), so FTS5 is never needed to answer one.
    /// </summary>
    public static KeywordQuery? TryParse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var tokens = Lex(expression);
        if (tokens is null)
        {
            return null;
        }

        var position = 0;
        var positive = ReadGroup(tokens, ref position, out var requireAll);
        if (positive is null)
        {
            return null;
        }

        IReadOnlyList<KeywordExpression> excluded = [];
        if (position < tokens.Count && tokens[position].Kind == Kind.Not)
        {
            position++;
            var group = ReadGroup(tokens, ref position, out var allExcluded);
            if (group is null || (allExcluded && group.Count > 1))
            {
                return null;
            }

            excluded = group;
        }

        return position == tokens.Count ? new KeywordQuery(positive, requireAll, excluded) : null;
    }

    private static List<KeywordExpression>? ReadGroup(List<Lexeme> tokens, ref int position, out bool requireAll)
    {
        requireAll = true;
        var parenthesised = position < tokens.Count && tokens[position].Kind == Kind.Open;
        if (parenthesised)
        {
            position++;
        }

        var expressions = new List<KeywordExpression>();
        Kind? separator = null;
        while (true)
        {
            if (position >= tokens.Count || tokens[position].Kind != Kind.Phrase)
            {
                return null;
            }

            expressions.Add(tokens[position++].Expression!);
            if (position < tokens.Count && tokens[position].Kind is Kind.And or Kind.Or)
            {
                if (separator is not null && separator != tokens[position].Kind)
                {
                    return null;
                }

                separator = tokens[position++].Kind;
                continue;
            }

            break;
        }

        if (parenthesised)
        {
            if (position >= tokens.Count || tokens[position].Kind != Kind.Close)
            {
                return null;
            }

            position++;
        }

        requireAll = separator != Kind.Or;
        return expressions;
    }

    private enum Kind
    {
        Phrase,
        And,
        Or,
        Not,
        Open,
        Close,
    }

    private sealed record Lexeme(Kind Kind, KeywordExpression? Expression = null);

    private static List<Lexeme>? Lex(string expression)
    {
        var lexemes = new List<Lexeme>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == ' ')
            {
                i++;
            }
            else if (c == '(' || c == ')')
            {
                lexemes.Add(new Lexeme(c == '(' ? Kind.Open : Kind.Close));
                i++;
            }
            else if (c == '"')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= expression.Length)
                    {
                        return null;
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

                    text.Append(expression[i++]);
                }

                var prefix = i < expression.Length && expression[i] == '*';
                if (prefix)
                {
                    i++;
                }

                var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    return null;
                }

                lexemes.Add(new Lexeme(Kind.Phrase, new KeywordExpression(words, prefix)));
            }
            else
            {
                var end = expression.IndexOf(' ', i);
                var word = end < 0 ? expression[i..] : expression[i..end];
                i += word.Length;
                switch (word)
                {
                    case "AND":
                        lexemes.Add(new Lexeme(Kind.And));
                        break;
                    case "OR":
                        lexemes.Add(new Lexeme(Kind.Or));
                        break;
                    case "NOT":
                        lexemes.Add(new Lexeme(Kind.Not));
                        break;
                    default:
                        return null;
                }
            }
        }

        return lexemes;
    }
}
