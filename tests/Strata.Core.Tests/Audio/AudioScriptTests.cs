using Strata.Core.Audio;
using Strata.Core.Digests;
using Xunit;

namespace Strata.Core.Tests.Audio;

public sealed class AudioScriptTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_IntroThenTopStoriesThenTheRest_EachOnceInItsOwnLanguage()
    {
        var glaciers = Entry("1", "Glaciers melt faster", "www.example.org", "Ice loss doubled (see https://x.org).", "en");
        var model = Entry("2", "北京大学发布新模型", "news.cn", "准确率达到90%。", "zh");
        var coral = Entry("3", "Coral reefs", "reefs.md", "Reefs bleach.", null);
        var digest = new Digest(End.AddDays(-1), End, null, [model], [new DigestGroup("climate", [glaciers, coral]), new DigestGroup("ai", [model])]);

        var script = AudioScript.Build(digest, "en");

        Assert.Equal(["Introduction", "北京大学发布新模型", "Glaciers melt faster", "Coral reefs"], script.Select(s => s.Chapter));
        Assert.Equal("Your Strata digest for Wednesday, November 25. 3 new items. Top stories first.", script[0].Text);
        Assert.Equal("北京大学发布新模型。 来源：news dot cn。 准确率达到百分之90。", script[1].Text);
        Assert.Equal("zh", script[1].Language);
        Assert.Equal("Glaciers melt faster. From example dot org. Ice loss doubled.", script[2].Text);
        Assert.Equal("en", script[3].Language);
        Assert.Equal(["2", "1", "3"], script.Skip(1).Select(s => s.ItemId));
        Assert.Equal("https://example.org/1", script[2].Link);
    }

    [Fact]
    public void Outro_SaysHowManyStoriesWereLeftOut()
    {
        Assert.Equal("That is all for this digest.", AudioScript.Outro(0, "en").Text);
        Assert.Equal("That is all the time we have. 4 more stories are in the written digest.", AudioScript.Outro(4, "en").Text);
    }

    [Fact]
    public void Estimate_GrowsWithWordsAndHanzi()
    {
        var english = AudioScript.Estimate(new SpeechSegment(string.Join(' ', Enumerable.Repeat("word", 175)), "en", "x"));
        var chinese = AudioScript.Estimate(new SpeechSegment(new string('字', 45), "zh", "x"));

        Assert.InRange(english.TotalSeconds, 59, 61);
        Assert.InRange(chinese.TotalSeconds, 9, 11);
    }

    private static DigestEntry Entry(string id, string title, string source, string oneLine, string? language) =>
        new(id, title, source, oneLine, $"https://example.org/{id}", [], 1, 0, 1, language);
}
