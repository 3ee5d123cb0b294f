using Strata.Core.Search;
using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Search;

/// <summary>Index analysis remembers stems; the text it produces must not depend on what it has seen before.</summary>
public sealed class StemCacheTests
{
    [Fact]
    public void ToIndexText_SameWordsTwice_GivesTheStemmersAnswerBothTimes()
    {
        string[] words = ["running", "connections", "generalizations", "sky", "relational"];
        var expected = string.Join(' ', words.Select(PorterStemmer.Stem));

        var first = SearchTextAnalyzer.ToIndexText(string.Join(' ', words));
        var second = SearchTextAnalyzer.ToIndexText(string.Join(' ', words));

        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
    }
}
