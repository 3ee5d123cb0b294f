using Xunit;

namespace Strata.Hosting.Tests;

public sealed class TagNamesTests
{
    [Theory]
    [InlineData("adtech", "ad-tech")]
    [InlineData("Machine_Learning", "machine learning")]
    [InlineData("paper", "papers")]
    public void Key_IgnoresSeparatorsCaseAndPlural(string first, string second) => Assert.Equal(TagNames.Key(first), TagNames.Key(second));

    [Fact]
    public void Key_KeepsDifferentWordsApart() => Assert.NotEqual(TagNames.Key("class"), TagNames.Key("cla"));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("python", "pyhton", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void EditDistance_IsLevenshtein(string first, string second, int expected) => Assert.Equal(expected, TagNames.EditDistance(first, second));
}
