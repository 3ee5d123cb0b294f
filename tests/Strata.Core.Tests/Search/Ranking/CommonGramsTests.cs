using Strata.Core.Search;
using Strata.Core.Search.Ranking;
using Xunit;

namespace Strata.Core.Tests.Search.Ranking;

public sealed class CommonGramsTests
{
    private static string G(string first, string second) => CommonGrams.Gram(first, second);

    [Fact]
    public void PhraseOfCommonWords_IsOneGram()
    {
        Assert.Equal([new PhraseUnit(G("of", "the"), 0)], CommonGrams.Units(["of", "the"]));
    }

    [Fact]
    public void PrefixLastWord_StaysOutOfGrams_AndIsMarked()
    {
        Assert.Equal([new PhraseUnit(G("in", "of"), 0), new PhraseUnit("the", 2, Prefix: true)], CommonGrams.Units(["in", "of", "the"], prefixLast: true));
        Assert.Equal([new PhraseUnit("书", 0, Prefix: true)], CommonGrams.Units(["书"], prefixLast: true));
    }

    [Fact]
    public void PhraseWithoutCommonWords_IsItsWords()
    {
        Assert.Equal([new PhraseUnit("quick", 0), new PhraseUnit("brown", 1)], CommonGrams.Units(["quick", "brown"]));
    }

    [Fact]
    public void PairsOfCommonWords_BecomeGrams_AndEveryOtherWordStays()
    {
        var units = CommonGrams.Units(["harbour", "of", "the", "north", "sea", "in", "it"]);

        Assert.Equal(
            [new PhraseUnit("harbour", 0), new PhraseUnit(G("of", "the"), 1), new PhraseUnit("north", 3), new PhraseUnit("sea", 4), new PhraseUnit(G("in", "it"), 5)],
            units);
    }

    [Fact]
    public void RunOfCommonWords_IsOverlappingGrams()
    {
        Assert.Equal([new PhraseUnit(G("to", "be"), 0), new PhraseUnit(G("be", "or"), 1), new PhraseUnit(G("or", "not"), 2)], CommonGrams.Units(["to", "be", "or", "not"]));
    }

    [Fact]
    public void CommonWords_AreRecognisedInTheirAnalysedForm()
    {
        // The index holds Porter stems: "was" is stored as "wa", "this" as "thi".
        Assert.True(CommonGrams.IsCommon(SearchTextAnalyzer.AnalyzeTerm("was").Single()));
        Assert.True(CommonGrams.IsCommon(SearchTextAnalyzer.AnalyzeTerm("This").Single()));
        Assert.False(CommonGrams.IsCommon("harbour"));
        Assert.False(CommonGrams.Pairs("the", "harbour"));
    }

    [Fact]
    public void SingleWord_IsItself_EvenWhenCommon()
    {
        Assert.Equal([new PhraseUnit("the", 0)], CommonGrams.Units(["the"]));
    }
}
