using Strata.Hosting.Configuration;
using Strata.Hosting.Digests;
using Strata.Hosting.Ingest;

namespace Strata.Hosting.Tests.Audio;

/// <summary>A knowledge base holding English and Chinese stories, and a digest of them.</summary>
internal static class AudioFixture
{
    public static readonly (string Title, string Text, string Tag)[] Stories =
    [
        ("Glaciers melt faster", "Alpine glaciers lost 12% of their ice between 2015 and 2025, e.g. in the Alps. Radar surveys (see https://example.org/ice) measure the loss every summer.", "climate"),
        ("北京大学发布新的语言模型", "北京大学的研究人员发布了一种新的语言模型。该模型在中文阅读理解测试中取得了最好的成绩，准确率达到百分之九十。", "ai"),
        ("Coral reefs bleach", "Coral reefs bleach when ocean water stays warm for weeks. Bleached reefs can recover if the water cools in time.", "climate"),
    ];

    public static async Task<(KnowledgeBaseFixture Fixture, DigestResult Digest)> CreateAsync(Action<StrataOptions>? configure = null, IReadOnlyList<(string Title, string Text, string Tag)>? stories = null)
    {
        var fixture = await KnowledgeBaseFixture.CreateAsync(options =>
        {
            options.Tts.Concurrency = 2;
            configure?.Invoke(options);
        });
        foreach (var (title, text, tag) in stories ?? Stories)
        {
            await fixture.Kb.AddNoteAsync(text, new AddOptions { Title = title, Tags = [tag] }, null, CancellationToken.None);
        }

        var digest = await fixture.Kb.CreateDigestAsync(DateTimeOffset.UtcNow.AddHours(-1), null, store: true, send: false, CancellationToken.None);
        return (fixture, digest);
    }
}
