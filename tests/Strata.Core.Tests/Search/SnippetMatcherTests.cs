using Strata.Core.Search;
using Xunit;

namespace Strata.Core.Tests.Search;

public sealed class SnippetMatcherTests
{
    private static readonly string[] Words =
    [
        "classification", "classified", "of", "the", "machine", "learning", "learned", "Learning", "don't", "it's",
        "o'clock", "x", "ox", "oxen", "running", "runs", "ran", "a", "data", "DATA", "base", "knowledge", "2026", "v2",
    ];

    private static readonly string[] Separators = [" ", "  ", ", ", ". ", "'", "''", " '", "' ", "-", "\n", "(", ")", "_", "*"];

    [Fact]
    public void FindInAscii_GeneratedTexts_SameMatchesAsTokenisingEveryWord()
    {
        var random = new Random(11);
        string[] queries =
        [
            "classified", "of", "\"machine learning\"", "learning data", "\"of the\"", "x ox", "don't", "\"the machine\" runs",
            "2026", "\"o'clock\"", "v2 base", "\"data base knowledge\"", "\"the the\"", "it's \"learning learned\"",
        ];
        var compared = 0;
        var matched = 0;
        foreach (var queryText in queries)
        {
            var matcher = SnippetMatcher.Create(SearchQueryParser.Parse(queryText));
            for (var i = 0; i < 200; i++)
            {
                var text = Text(random, random.Next(0, 80));
                var byTokens = matcher.FindByTokens(text);
                Assert.Equal(byTokens, matcher.FindInAscii(text));
                compared++;
                matched += byTokens.Count;
            }
        }

        Assert.Equal(14 * 200, compared);
        Assert.True(matched > 1000, $"the generated texts should hold many matches ({matched})");
    }

    [Fact]
    public void FindMatches_PhraseAcrossAnotherWord_IsNotMatched()
    {
        var matcher = SnippetMatcher.Create(SearchQueryParser.Parse("\"machine learning\""));

        Assert.Empty(matcher.FindMatches("machine z learning"));
        Assert.Equal(2, matcher.FindMatches("Machine, learning").Count);
    }

    private static string Text(Random random, int words)
    {
        var parts = new List<string>();
        for (var i = 0; i < words; i++)
        {
            parts.Add(Words[random.Next(Words.Length)]);
            parts.Add(Separators[random.Next(Separators.Length)]);
        }

        return string.Concat(parts);
    }
}
