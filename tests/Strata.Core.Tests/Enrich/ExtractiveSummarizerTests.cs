using Strata.Core.Enrich;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class ExtractiveSummarizerTests
{
    [Fact]
    public void Summarize_EnglishWithThreeTopics_CoversEveryTopicWithinBudgetWithoutRepeats()
    {
        var summary = ExtractiveSummarizer.Summarize(SummaryTexts.English, new SummaryBudget(MaxChars: 400, MaxSentences: 4));

        Assert.True(summary.Text.Length <= 400 && summary.Text.Contains("carbon", StringComparison.Ordinal), $"{summary.Text.Length} chars: {summary.Text}");
        Assert.Contains("glacier", summary.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("coral", summary.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("carbon", summary.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("code is never", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Climate notes", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("weather was nice", summary.Text, StringComparison.Ordinal);
        var bleach = summary.Text.Split("Coral reefs bleach when ocean water stays too warm", StringSplitOptions.None).Length - 1;
        Assert.True(bleach <= 1, "the duplicated sentence was chosen twice");
    }

    [Fact]
    public void Summarize_SentencesComeInDocumentOrder()
    {
        var summary = ExtractiveSummarizer.Summarize(SummaryTexts.English, new SummaryBudget(MaxChars: 600, MaxSentences: 5));

        var starts = summary.Sentences.Select(sentence => sentence.Start).ToArray();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(summary.Sentences.Count, summary.KeyPoints.Count);
    }

    [Fact]
    public void Summarize_Chinese_CoversTopicsWithinBudget()
    {
        var summary = ExtractiveSummarizer.Summarize(SummaryTexts.Chinese, new SummaryBudget(MaxChars: 80, MaxSentences: 3));

        Assert.True(summary.Text.Length <= 80, $"{summary.Text.Length} chars: {summary.Text}");
        Assert.Contains("知识库", summary.Text, StringComparison.Ordinal);
        Assert.Contains("检索", summary.Text, StringComparison.Ordinal);
        Assert.Contains("摘要", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("天气", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", summary.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(250)]
    [InlineData(1000)]
    public void Summarize_AnyBudget_IsRespected(int maxChars)
    {
        var summary = ExtractiveSummarizer.Summarize(SummaryTexts.English + "\n\n" + SummaryTexts.Chinese, new SummaryBudget(maxChars, 10));

        Assert.InRange(summary.Text.Length, 1, maxChars);
    }

    [Fact]
    public void Summarize_OneLongSentenceOverBudget_IsCutNotDropped()
    {
        var text = string.Join(' ', Enumerable.Repeat("retrieval systems index documents", 40)) + ".";

        var summary = ExtractiveSummarizer.Summarize(text, new SummaryBudget(100, 3));

        Assert.InRange(summary.Text.Length, 50, 100);
        Assert.EndsWith("…", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_EmptyOrTinyText_NeverThrows()
    {
        Assert.Equal(string.Empty, ExtractiveSummarizer.Summarize(string.Empty).Text);
        Assert.Equal("Hello.", ExtractiveSummarizer.Summarize("Hello.").Text);
    }

    [Fact]
    public void SetSummarizer_CitesTheDocumentEachSentenceCameFrom()
    {
        string[] documents = ["Glaciers in the Alps lose ice every summer because of warming.", "Coral reefs bleach when ocean water stays warm for weeks."];

        var text = SetSummarizer.Summarize(documents, new SummaryBudget(500, 4));

        Assert.Contains("Glaciers in the Alps lose ice every summer because of warming. [1]", text, StringComparison.Ordinal);
        Assert.Contains("Coral reefs bleach when ocean water stays warm for weeks. [2]", text, StringComparison.Ordinal);
    }
}
