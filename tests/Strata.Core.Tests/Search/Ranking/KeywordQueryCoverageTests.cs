using System.Text;
using Strata.Core.Search;
using Strata.Core.Search.Ranking;
using Xunit;

namespace Strata.Core.Tests.Search.Ranking;

/// <summary>
/// Every match expression the app builds must be readable by the ranked index, or a base whose FTS5 is retired could
/// not answer it: thousands of generated queries (words, phrases, CJK words and single characters, exclusions, odd
/// text) go through both builder forms and must parse back to exactly what was written.
/// </summary>
public sealed class KeywordQueryCoverageTests
{
    private static readonly string[] Pieces =
    [
        "harbour", "classified", "running", "the", "of", "and", "a", "is", "AND", "OR", "NOT", "e-mail", "don't", "x86_64",
        "3.14", "2026", "café", "Straße", "naïve", "ΑΘΗΝΑ", "москва", "say\"hi\"", "*", "(", ")", "-", "^", ":", "NEAR(a b)",
        "知识库", "知识", "库", "书", "的", "个人知识库", "东京タワー", "한국어", "𠀀", "𠀀𠀁", "知识 库", "读 书", "ひらがな", "ｶﾀｶﾅ",
        "foo知识bar", "中文English混合", "!!!", "…", "🙂", string.Empty,
    ];

    [Fact]
    public void TryParse_EveryExpressionTheBuilderWrites_ParsesBackExactly()
    {
        var random = new Random(2026);
        var built = 0;
        var prefixes = 0;
        for (var round = 0; round < 4000; round++)
        {
            var query = round % 2 == 0 ? RandomQuery(random) : SearchQueryParser.Parse(RandomText(random));
            foreach (var expression in new[] { Fts5QueryBuilder.Build(query), Fts5QueryBuilder.BuildAny(query) })
            {
                if (expression is null)
                {
                    continue;
                }

                built++;
                prefixes += expression.Contains("\"*", StringComparison.Ordinal) ? 1 : 0;
                var parsed = KeywordQuery.TryParse(expression);
                Assert.True(parsed is not null, $"not readable by the ranked index: {expression}");
                Assert.Equal(expression, Write(parsed));
            }
        }

        Assert.True(built > 4000, $"only {built} expressions were built");
        Assert.True(prefixes > 500, $"only {prefixes} expressions held a prefix");
    }

    [Theory]
    [InlineData("书", "\"书\"*")]
    [InlineData("\"知识 库\"", "\"知识 识 库\"*")]
    [InlineData("读书 -书", "\"读书\" NOT \"书\"*")]
    public void Build_ATermEndingInOneCjkCharacter_IsAPrefixTheIndexReads(string text, string expected)
    {
        var expression = Fts5QueryBuilder.Build(SearchQueryParser.Parse(text));

        Assert.Equal(expected, expression);
        Assert.NotNull(KeywordQuery.TryParse(expression!));
    }

    private static SearchQuery RandomQuery(Random random) => new()
    {
        Terms = Some(random, 0, 6, () => Piece(random)),
        Phrases = Some(random, 0, 3, () => string.Join(' ', Some(random, 1, 4, () => Piece(random)))),
        ExcludedTerms = Some(random, 0, 3, () => Piece(random)),
        ExcludedPhrases = Some(random, 0, 2, () => string.Join(' ', Some(random, 1, 3, () => Piece(random)))),
    };

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        foreach (var piece in Some(random, 1, 8, () => Piece(random)))
        {
            var form = random.Next(6);
            text.Append(form switch
            {
                0 => "-" + piece,
                1 => "\"" + piece + " " + Piece(random) + "\"",
                2 => "-\"" + piece + "\"",
                _ => piece,
            }).Append(' ');
        }

        return text.ToString();
    }

    private static string Piece(Random random) => Pieces[random.Next(Pieces.Length)];

    private static string[] Some(Random random, int min, int max, Func<string> next) =>
        Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => next()).ToArray();

    /// <summary>The query written back in the builder's form; equal to the parsed text only when nothing was lost.</summary>
    private static string Write(KeywordQuery query)
    {
        var separator = query.RequireAll ? " AND " : " OR ";
        var positive = query.Positive.Select(Quote).ToList();
        if (query.Excluded.Count == 0)
        {
            return string.Join(separator, positive);
        }

        var excluded = query.Excluded.Select(Quote).ToList();
        return $"{Group(positive, separator)} NOT {Group(excluded, " OR ")}";
    }

    private static string Group(List<string> expressions, string separator) =>
        expressions.Count == 1 ? expressions[0] : "(" + string.Join(separator, expressions) + ")";

    private static string Quote(KeywordExpression expression) =>
        "\"" + string.Join(' ', expression.Words.Select(word => word.Replace("\"", "\"\"", StringComparison.Ordinal))) + "\"" + (expression.PrefixLast ? "*" : string.Empty);
}
