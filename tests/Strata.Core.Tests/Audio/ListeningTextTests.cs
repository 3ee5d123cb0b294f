using Strata.Core.Audio;
using Xunit;

namespace Strata.Core.Tests.Audio;

public sealed class ListeningTextTests
{
    [Fact]
    public void Prepare_UrlsCodeAndTables_AreNotReadOut()
    {
        const string text = "See https://example.org/a?b=1 and [the paper](https://arxiv.org/abs/1) now.\n" +
            "```python\nprint('hello')\n```\n| a | b |\n|---|---|\n| 1 | 2 |\nCall `run()` today. Mail me@example.org.";

        var spoken = ListeningText.Prepare(text, "en");

        Assert.Equal("See and the paper now. Call today. Mail.", spoken);
    }

    [Theory]
    [InlineData("Costs rose 12% in 2025.", "Costs rose 12 percent in 2025.")]
    [InlineData("It raised $3.5M, e.g. from banks.", "It raised 3.5 million dollars, for example from banks.")]
    [InlineData("Released 2026-11-25 by Dr. Li et al.", "Released November 25, 2026 by Doctor Li and colleagues.")]
    [InlineData("Between 10–20 GPUs vs. 10k CPUs.", "Between 10 to 20 GPUs versus 10 thousand CPUs.")]
    [InlineData("Model v2.1 & tools", "Model version 2.1 and tools")]
    [InlineData("## A **bold** claim", "A bold claim")]
    [InlineData("New on arXiv: arXiv:2401.12345 w/o code", "New on archive: without code")]
    public void Prepare_English_SpeaksAbbreviationsAndNumbers(string text, string spoken) =>
        Assert.Equal(spoken, ListeningText.Prepare(text, "en"));

    [Fact]
    public void Prepare_Chinese_SpeaksPercentAndDatesTheChineseWay()
    {
        var spoken = ListeningText.Prepare("准确率达到90%，发布于2026-11-25。详见 https://example.cn/x", "zh");

        Assert.Equal("准确率达到百分之90，发布于2026年11月25日。详见", spoken);
    }

    [Theory]
    [InlineData("A title", "en", "A title.")]
    [InlineData("Done!", "en", "Done!")]
    [InlineData("新的模型", "zh", "新的模型。")]
    [InlineData("Cut short…", "en", "Cut short.")]
    public void Sentence_AddsClosingPunctuationOnce(string text, string language, string expected) =>
        Assert.Equal(expected, ListeningText.Sentence(text, language));
}
