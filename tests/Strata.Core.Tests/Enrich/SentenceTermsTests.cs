using Strata.Core.Enrich;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class SentenceTermsTests
{
    [Theory]
    [InlineData(SummaryTexts.English)]
    [InlineData(SummaryTexts.Chinese)]
    [InlineData("Cats chase cats. Dogs, dogs and more dogs chase the cats! 猫和狗。猫很可爱。")]
    public void Count_GivesEachSentenceTheIdsAndCountsOfTermVectorizer(string text)
    {
        var sentences = SentenceSplitter.Split(text).ToArray();
        var vectorizer = new TermVectorizer();
        var expected = sentences.Select(span => vectorizer.Count(text.AsSpan(span.Start, span.Length))).ToArray();

        var terms = SentenceTerms.Count(text, sentences);

        Assert.Equal(sentences.Length, terms.Sentences);
        Assert.Equal(vectorizer.VocabularySize, terms.VocabularySize);
        var idf = terms.InverseSentenceFrequencies();
        for (var s = 0; s < sentences.Length; s++)
        {
            Assert.Equal(expected[s].Count, terms.DistinctTerms(s));
            var fromCounts = SparseVector.From(expected[s], idf);
            var fromTerms = terms.Vector(s, idf);
            Assert.Equal(fromCounts.Ids.ToArray(), fromTerms.Ids.ToArray());
            Assert.Equal(fromCounts.Weights.ToArray(), fromTerms.Weights.ToArray());
        }
    }

    [Fact]
    public void InverseSentenceFrequencies_RareTermsWeighMore()
    {
        const string text = "Glaciers melt in summer heat. Glaciers retreat in summer. Glaciers calve icebergs.";
        var sentences = SentenceSplitter.Split(text).ToArray();
        var terms = SentenceTerms.Count(text, sentences);
        var vectorizer = new TermVectorizer();
        foreach (var span in sentences)
        {
            vectorizer.Count(text.AsSpan(span.Start, span.Length));
        }

        var idf = terms.InverseSentenceFrequencies();
        var glacier = vectorizer.KnownTerms("glaciers").Single();
        var iceberg = vectorizer.KnownTerms("icebergs").Single();

        Assert.Equal(Math.Log(1 + (3.0 / 3)), idf[glacier]);
        Assert.Equal(Math.Log(1 + (3.0 / 1)), idf[iceberg]);
    }

    [Fact]
    public void Count_NoSentences_IsEmpty()
    {
        var terms = SentenceTerms.Count(string.Empty, []);

        Assert.Equal(0, terms.Sentences);
        Assert.Empty(terms.InverseSentenceFrequencies());
    }
}
