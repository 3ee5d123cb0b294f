using Strata.Core.Search;
using Xunit;

namespace Strata.Core.Tests.Search;

public sealed class SnippetMatcherTests
{
    private static readonly string[] Words =
    [
        "classification", "classified", "of", "the", "machine", "learning", "learned", "Learning", "don't", "it's",
        "o'clock", "x", "ox", "oxen", "running", "runs", "ran", "a", "data", "DATA", "base", "knowledge", "2026", "v2",
        "relational", "relate", "Related", "happiness", "happy", "hopping", "hop", "troubled", "trouble", "ties", "tie", "ayed", "ays", "ai", "aying",
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
            "relational", "happiness hop", "\"troubled ties\"", "related x", "ayed", "ai tie",
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

        Assert.Equal(20 * 200, compared);
        Assert.True(matched > 1000, $"the generated texts should hold many matches ({matched})");
    }

    [Fact]
    public void Analysis_NeverLengthensAWord_SoShorterWordsCannotMatch()
    {
        // FindInAscii skips words shorter than the shortest query token on this ground.
        var random = new Random(5);
        string[] suffixes = ["", "s", "es", "ies", "ed", "ing", "ational", "tional", "izer", "bli", "alli", "ousli", "ization", "ation",
            "iveness", "fulness", "biliti", "logi", "icate", "alize", "ical", "ness", "y", "at", "bl", "iz", "e", "ll", "i", "yed", "ying", "ys", "eed", "sses"];
        for (var i = 0; i < 100_000; i++)
        {
            // Short stems over few letters (vowels and y among them) reach the rules' edge cases: "ayed", "ies", "aing".
            var letters = i % 2 == 0 ? "aeiouy" + "bcdlst" : "abcdefghijklmnopqrstuvwxyz";
            var stem = new string([.. Enumerable.Range(0, random.Next(1, i % 3 == 0 ? 3 : 8)).Select(_ => letters[random.Next(letters.Length)])]);
            var word = stem + suffixes[random.Next(suffixes.Length)];
            var analysed = SearchTextAnalyzer.AnalyzeTerm(word);
            Assert.True(analysed.Count == 1 && analysed[0].Length <= word.Length, $"{word} → {string.Join(' ', analysed)}");

            // ... and keeps its first two characters, but for a second y that may become i (FindInAscii relies on both).
            var token = analysed[0];
            Assert.True(token[0] == word[0] && (token.Length < 2 || token[1] == word[1] || (word[1] == 'y' && token[1] == 'i')), $"{word} → {token}");
        }
    }

    [Fact]
    public void FindMatches_TextWithAccentsAndCurlyQuotes_FindsEveryFormOfTheWord_LongAndShort()
    {
        var matcher = SnippetMatcher.Create(SearchQueryParser.Parse("relational café"));

        var matches = matcher.FindMatches("The café’s relational data — relations relate; cafés rel re café");

        Assert.Equal(["café’s", "relational", "relations", "relate", "cafés", "café"],
            matches.Select(match => "The café’s relational data — relations relate; cafés rel re café"[match.Start..match.End]));
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
