using Strata.Sources.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class UrlNormalizerTests
{
    [Theory]
    [InlineData("HTTP://Example.COM/Path", "http://example.com/Path")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("http://example.com/a#section-2", "http://example.com/a")]
    [InlineData("http://example.com/a?", "http://example.com/a")]
    [InlineData("http://example.com/a?utm_source=x&utm_medium=y", "http://example.com/a")]
    [InlineData("http://example.com/a?id=7&utm_campaign=z&page=2", "http://example.com/a?id=7&page=2")]
    [InlineData("http://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref_src=5&q=x", "http://example.com/a?q=x")]
    [InlineData("http://example.com/a?b=2&a=1", "http://example.com/a?b=2&a=1")]
    [InlineData("http://example.com/a?UTM_Source=x&keep=1", "http://example.com/a?keep=1")]
    [InlineData("http://example.com/a?reference=1", "http://example.com/a?reference=1")]
    public void Canonicalize_Url_ReturnsCanonicalForm(string input, string expected)
    {
        var canonical = UrlNormalizer.Canonicalize(new Uri(input));

        Assert.Equal(expected, canonical.AbsoluteUri);
    }

    [Fact]
    public void Canonicalize_TwoSpellingsOfOneArticle_AreEqual()
    {
        var shared = UrlNormalizer.Canonicalize(new Uri("https://News.example.org:443/2026/story?utm_source=rss#comments"));
        var direct = UrlNormalizer.Canonicalize(new Uri("https://news.example.org/2026/story"));

        Assert.Equal(direct, shared);
    }

    [Fact]
    public void Canonicalize_RelativeUrl_Throws()
    {
        Assert.Throws<ArgumentException>(() => UrlNormalizer.Canonicalize(new Uri("/a", UriKind.Relative)));
    }
}
