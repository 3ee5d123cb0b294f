using Strata.Core.Search;
using Strata.Core.Search.Ranking;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Core.Tests.Search.Ranking;

public sealed class DocumentTermsTests
{
    [Fact]
    public void From_CountsEachTermPerColumn_WithPositionsGroupedTitleBodyTags()
    {
        var terms = DocumentTerms.From(new IndexDocument("harbour light", "light of the harbour and light", "harbour"));

        Assert.Equal(9, terms.Length);
        Assert.Equal((1, 1, 1), Counts(terms, "harbour"));
        Assert.Equal((1, 2, 0), Counts(terms, "light"));
        Assert.Equal([0, 3, 0], Positions(terms, "harbour"));
        Assert.Equal([1, 0, 5], Positions(terms, "light"));
    }

    [Fact]
    public void From_AddsAGramForEachPairOfCommonWords_AtTheFirstWordsPosition()
    {
        var terms = DocumentTerms.From(new IndexDocument(string.Empty, "end of the road and end of the day", string.Empty));
        var gram = "of" + CommonGrams.Joiner + "the";

        Assert.Equal((0, 2, 0), Counts(terms, gram));
        Assert.Equal([1, 6], Positions(terms, gram));
        Assert.DoesNotContain("the" + CommonGrams.Joiner + "road", terms.Terms);
        Assert.Equal(9, terms.Length);
    }

    [Fact]
    public void Analyse_OfRawColumns_EqualsFromOfTheDescribedDocument()
    {
        var random = new Random(7);
        string[] pieces =
        [
            "Running", "runs", "ran", "of", "the", "and", "THE", "café", "naïve", "don't", "it's", "42", "3.14",
            "知识库", "学习", "书", "Русский", "текст", "ｆｕｌｌｗｉｄｔｈ", "e-mail", "C#", "x", "\u00e9t\u00e9", "🙂",
            new string('a', 80), "of the", "in to", "—", ",", ".\n\n", "Zürich", "ÉCOLE", "中文字符和English混合",
        ];

        for (var document = 0; document < 300; document++)
        {
            string Text(int words) => string.Join(random.Next(4) == 0 ? "  " : " ", Enumerable.Range(0, words).Select(_ => pieces[random.Next(pieces.Length)]));
            var title = random.Next(5) == 0 ? null : Text(random.Next(0, 6));
            var body = Text(random.Next(0, 200));
            string[] tags = random.Next(3) == 0 ? [] : ["topic/" + pieces[random.Next(pieces.Length)], Text(2)];

            AssertSame(DocumentTerms.From(IndexStep.Describe(title, body, tags)), DocumentTerms.Analyse(title, body, tags));
        }
    }

    [Fact]
    public void Analyse_StaysExact_OnceTheSharedVocabularyIsFull()
    {
        // More distinct words than the process-wide vocabulary keeps: later new terms get private entries.
        var many = string.Join(' ', Enumerable.Range(0, 300_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        DocumentTerms.Analyse("first", many, []);

        var text = "the running of the harbours w12 w299999 z1 z1 知识库 新词汇";
        AssertSame(DocumentTerms.From(IndexStep.Describe("after", text, ["x/y"])), DocumentTerms.Analyse("after", text, ["x/y"]));
    }

    private static void AssertSame(DocumentTerms expected, DocumentTerms actual)
    {
        Assert.Equal(expected.Terms, actual.Terms);
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
        Assert.Equal(expected.Positions.ToArray(), actual.Positions.ToArray());
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(actual.Terms.Count, actual.Terms.Distinct().Count());

        // The index writer finds terms by these hashes: each must be its term's own.
        Assert.Equal(actual.Terms.Select(term => term.GetHashCode()), actual.TermHashes.ToArray());
    }

    private static (int Title, int Body, int Tags) Counts(DocumentTerms terms, string term)
    {
        var index = IndexOf(terms, term);
        return (terms.Counts[index * 3], terms.Counts[(index * 3) + 1], terms.Counts[(index * 3) + 2]);
    }

    private static int[] Positions(DocumentTerms terms, string term)
    {
        var index = IndexOf(terms, term);
        var start = 0;
        for (var i = 0; i < index * 3; i++)
        {
            start += terms.Counts[i];
        }

        var (title, body, tags) = Counts(terms, term);
        return terms.Positions.Slice(start, title + body + tags).ToArray();
    }

    private static int IndexOf(DocumentTerms terms, string term)
    {
        var index = terms.Terms.ToList().IndexOf(term);
        Assert.True(index >= 0, $"no term '{term}'");
        return index;
    }
}
