using Strata.Core.Enrich;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class ReferenceExtractorTests
{
    [Fact]
    public void Extract_MixedCitations_FindsEachKindNormalised()
    {
        const string text =
            "See [the intro](https://example.com/intro?utm_source=x). Cited: doi:10.1145/1376616.1376746, and " +
            "https://doi.org/10.1000/XYZ123 (published). Preprints: arXiv:2401.01234v2, https://arxiv.org/abs/2312.00001v1, " +
            "https://arxiv.org/pdf/2311.05555.pdf and the old hep-th/9901001v3. Wikipedia: https://en.wikipedia.org/wiki/Graph_(discrete_mathematics).";

        var references = ReferenceExtractor.Extract(text, url => url.Replace("?utm_source=x", string.Empty, StringComparison.Ordinal));

        Assert.Contains(new Reference(ReferenceKind.Url, "https://example.com/intro"), references);
        Assert.Contains(new Reference(ReferenceKind.Url, "https://en.wikipedia.org/wiki/Graph_(discrete_mathematics)"), references);
        Assert.Contains(new Reference(ReferenceKind.Doi, "10.1145/1376616.1376746"), references);
        Assert.Contains(new Reference(ReferenceKind.Doi, "10.1000/xyz123"), references);
        Assert.Contains(new Reference(ReferenceKind.Arxiv, "2401.01234"), references);
        Assert.Contains(new Reference(ReferenceKind.Arxiv, "2312.00001"), references);
        Assert.Contains(new Reference(ReferenceKind.Arxiv, "2311.05555"), references);
        Assert.Contains(new Reference(ReferenceKind.Arxiv, "hep-th/9901001"), references);
        Assert.Equal(8, references.Count);
    }

    [Theory]
    [InlineData("Version 2401.01234 of the report")]
    [InlineData("Call 555-1234 or mail me at a@b.c")]
    [InlineData("")]
    public void Extract_NoCitation_FindsNothing(string text)
    {
        Assert.Empty(ReferenceExtractor.Extract(text));
    }

    [Fact]
    public void Extract_UrlAtSentenceEnd_DropsTrailingPunctuation()
    {
        var references = ReferenceExtractor.Extract("Read https://example.org/a/b. Then \"https://example.org/c\", ok?");

        Assert.Equal(["https://example.org/a/b", "https://example.org/c"], references.Select(reference => reference.Value).Order().ToArray());
    }
}
