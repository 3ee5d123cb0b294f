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
