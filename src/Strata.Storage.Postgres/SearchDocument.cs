using System.Globalization;
using System.Text;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <summary>
/// Writes an <see cref="IndexDocument"/> (tokens already analysed in C#: stems, CJK bigrams) as a <c>tsvector</c>
/// literal with positions and weights: title <c>A</c>, tags <c>B</c>, body <c>D</c>. No PostgreSQL parser or
/// dictionary touches the text, so both engines index exactly the same tokens whatever the server's locale.
/// </summary>
/// <remarks>
/// Positions let phrases (<c>&lt;-&gt;</c>) work; each field starts after a gap so a phrase never spans two fields,
/// as FTS5 columns never do. PostgreSQL caps positions at 16383: tokens past that still match but lose phrase
/// positions, like any long document in PostgreSQL. Pure and thread-safe.
/// </remarks>
internal static class SearchDocument
{
    private const int MaxPosition = 16383;

    /// <summary>Positions between two fields, more than any phrase is long.</summary>
    private const int FieldGap = 100;

    /// <summary>PostgreSQL rejects lexemes over 2 KB; such a "word" is never searched for anyway.</summary>
    public const int MaxLexemeBytes = 2046;

    public static string Build(IndexDocument document) => BuildWithGrams(document).Document;

    /// <summary>The document and its phrase grams (<see cref="PhraseGrams"/>), both as <c>tsvector</c> literals.</summary>
    public static (string Document, string Grams) BuildWithGrams(IndexDocument document)
    {
        var builder = new StringBuilder(document.Title.Length + document.Body.Length + document.Tags.Length + 64);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        var position = 1;
        position = Append(builder, grams, document.Title, 'A', position) + FieldGap;
        position = Append(builder, grams, document.Tags, 'B', position) + FieldGap;
        Append(builder, grams, document.Body, 'D', position);
        return (builder.ToString(), PhraseGrams.ToTsVector(grams));
    }

    private static int Append(StringBuilder builder, HashSet<string> grams, string text, char weight, int position)
    {
        var start = position;
        var tokens = new List<string>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Encoding.UTF8.GetByteCount(token) > MaxLexemeBytes)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            var lexeme = token.ToLowerInvariant();
            tokens.Add(lexeme);
            AppendLexeme(builder, lexeme);
            builder.Append(':').Append(Math.Min(position, MaxPosition).ToString(CultureInfo.InvariantCulture)).Append(weight);
            position++;
        }

        PhraseGrams.Collect(tokens, start, grams);
        return position;
    }

    /// <summary>A quoted lexeme: quotes doubled and backslashes escaped, as the <c>tsvector</c> and <c>tsquery</c> input syntax wants.</summary>
    public static void AppendLexeme(StringBuilder builder, string token)
    {
        builder.Append('\'');
        foreach (var c in token)
        {
            if (c is '\'' or '\\')
            {
                builder.Append(c == '\'' ? "''" : "\\\\");
                continue;
            }

            builder.Append(c);
        }

        builder.Append('\'');
    }
}
