using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Text;

public sealed class TextStatisticsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello, world! Don't panic.", 4)]
    [InlineData("知识库", 3)]
    [InlineData("书", 1)]
    [InlineData("Strata 是一个个人知识库。Version 2", 11)]
    [InlineData("\U00020000\U00020001", 2)]
    public void WordCount_Text_CountsWordsAndCjkCharacters(string text, int expected)
    {
        Assert.Equal(expected, TextStatistics.WordCount(text));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(230, 1)]
    [InlineData(231, 2)]
    [InlineData(2300, 10)]
    public void ReadingMinutes_Words_RoundsUpToAtLeastOne(int words, int expected)
    {
        Assert.Equal(expected, TextStatistics.ReadingMinutes(words));
    }

    [Fact]
    public void ReadingMinutes_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextStatistics.ReadingMinutes(-1));
    }
}
