using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Text;

public sealed class PorterStemmerTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("valenci", "valenc")]
    [InlineData("hesitanci", "hesit")]
    [InlineData("digitizer", "digit")]
    [InlineData("conformabli", "conform")]
    [InlineData("radicalli", "radic")]
    [InlineData("differentli", "differ")]
    [InlineData("vileli", "vile")]
    [InlineData("analogousli", "analog")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("predication", "predic")]
    [InlineData("operator", "oper")]
    [InlineData("feudalism", "feudal")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("callousness", "callous")]
    [InlineData("formaliti", "formal")]
    [InlineData("sensitiviti", "sensit")]
    [InlineData("sensibiliti", "sensibl")]
    [InlineData("triplicate", "triplic")]
    [InlineData("formative", "form")]
    [InlineData("formalize", "formal")]
    [InlineData("electriciti", "electr")]
    [InlineData("electrical", "electr")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("revival", "reviv")]
    [InlineData("allowance", "allow")]
    [InlineData("inference", "infer")]
    [InlineData("airliner", "airlin")]
    [InlineData("gyroscopic", "gyroscop")]
    [InlineData("adjustable", "adjust")]
    [InlineData("defensible", "defens")]
    [InlineData("irritant", "irrit")]
    [InlineData("replacement", "replac")]
    [InlineData("adjustment", "adjust")]
    [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")]
    [InlineData("homologou", "homolog")]
    [InlineData("communism", "commun")]
    [InlineData("activate", "activ")]
    [InlineData("angulariti", "angular")]
    [InlineData("homologous", "homolog")]
    [InlineData("effective", "effect")]
    [InlineData("bowdlerize", "bowdler")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controlling", "control")]
    [InlineData("rolling", "roll")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("classification", "classif")]
    [InlineData("classified", "classifi")]
    public void StemPorterOnly_KnownWord_ReturnsPublishedStem(string word, string expected)
    {
        Assert.Equal(expected, PorterStemmer.StemPorterOnly(word));
    }

    [Theory]
    [InlineData("classify", "classified", "classification", "classifier", "classifies")]
    [InlineData("organize", "organization", "organized", "organizes")]
    [InlineData("retrieve", "retrieval", "retrieved", "retrieving")]
    [InlineData("index", "indexing", "indexed", "indexes")]
    [InlineData("connect", "connection", "connected", "connecting", "connections")]
    [InlineData("run", "running", "runs")]
    [InlineData("study", "studies", "studied")]
    [InlineData("happy", "happiness")]
    public void Stem_WordFamily_SharesOneStem(params string[] family)
    {
        var stems = family.Select(PorterStemmer.Stem).Distinct().ToList();

        Assert.Single(stems);
    }

    [Theory]
    [InlineData("classified", "classif")]
    [InlineData("study", "stud")]
    [InlineData("retrieve", "retriev")]
    [InlineData("rate", "rate")]
    [InlineData("ties", "ti")]
    public void Stem_AfterPorter_ConflatesFinalIOrEOnlyWhenStemKeepsFourLetters(string word, string expected)
    {
        Assert.Equal(expected, PorterStemmer.Stem(word));
    }

    [Theory]
    [InlineData("go")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("mp3s")]
    [InlineData("2026")]
    [InlineData("café")]
    [InlineData("книги")]
    [InlineData("Running")]
    public void Stem_NotPlainLowerCaseAsciiWordOfThreeLetters_ReturnsWordUnchanged(string word)
    {
        Assert.Equal(word, PorterStemmer.Stem(word));
    }

    [Fact]
    public void Stem_VeryLongWord_ReturnsWordUnchanged()
    {
        var word = new string('a', PorterStemmer.MaxWordLength + 1) + "ing";

        Assert.Equal(word, PorterStemmer.Stem(word));
    }
}
