using System.Text;
using Strata.Core.Search;
using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Search;

/// <summary>Random hostile input through every entry point: nothing may throw and expressions stay quoted.</summary>
public sealed class SearchRobustnessTests
{
    private const string Alphabet = "ab cD\"\"-:*^()[]{}!#`_~|<>/\\'’.。，知识库书東京タワー한국어Привет é\u0301\uD800\uDC00\U00020000\n\t";

    [Fact]
    public void AllEntryPoints_RandomInput_NeverThrowAndEmitOnlyQuotedTerms()
    {
        var random = new Random(20260101);
        for (var round = 0; round < 2000; round++)
        {
            var text = RandomText(random, random.Next(0, 80));

            var query = SearchQueryParser.Parse(text);
            var expression = Fts5QueryBuilder.Build(query);
            var snippet = SnippetBuilder.Build(text + " " + text, query, random.Next(-10, 120));
            SearchTextAnalyzer.ToIndexText(text);
            LanguageDetector.Detect(text);
            TextStatistics.WordCount(text);

            Assert.NotNull(snippet);
            if (expression is not null)
            {
                Assert.Matches("^(\\(?\"[^\"]+\"\\*?\\)?( (AND|OR|NOT) \\(?)?)+$", expression);
            }
        }
    }

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }
}
