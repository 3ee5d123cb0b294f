using Strata.Hosting.Audio;
using Strata.Testing.Speech;
using Xunit;

namespace Strata.Hosting.Tests.Audio;

[Collection(AudioCollection.Name)]
public sealed class OpenAiSpeechTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateAudioDigestAsync_OpenAiCompatibleServer_SendsEverySegmentAndJoinsTheReturnedAudio()
    {
        await using var server = await FakeSpeechServer.StartAsync();
        var (fixture, digest) = await AudioFixture.CreateAsync(options => Configure(options, server));
        await using var _ = fixture;

        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);
        var probe = await MediaProbe.ProbeAsync(audio.Path);

        var requests = server.Requests;
        Assert.Empty(audio.Problems);
        Assert.Equal("openai:tts-test", audio.Episode.Engine);
        Assert.Equal(5, requests.Count);
        Assert.All(requests, r => Assert.Equal(("tts-test", "wav", "Bearer test-key"), (r.Model, r.ResponseFormat, r.Authorization)));
        Assert.Equal("nova", requests.Single(r => r.Input.StartsWith("北京大学", StringComparison.Ordinal)).Voice);
        Assert.Equal(4, requests.Count(r => r.Voice == "alloy"));
        Assert.DoesNotContain(requests, r => r.Input.Contains("https://", StringComparison.Ordinal));
        var pauses = 4 * fixture.Kb.Options.Audio.Pause.TotalSeconds;
        var expected = requests.Sum(r => FakeSpeechServer.DurationFor(r.Input).TotalSeconds) + pauses;
        Assert.InRange(audio.Episode.DurationMs / 1000.0, expected - 0.05, expected + 0.05);
        Assert.InRange(probe.Seconds, expected - 0.2, expected + 0.2);
    }

    [Fact]
    public async Task CreateAudioDigestAsync_ServerFailsOneSegment_ReportsItAndReadsTheRest()
    {
        await using var server = await FakeSpeechServer.StartAsync();
        var (fixture, digest) = await AudioFixture.CreateAsync(options =>
        {
            Configure(options, server);
            options.Tts.Concurrency = 1;
        });
        await using var _ = fixture;
        server.FailNext(1, 500);

        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);

        var problem = Assert.Single(audio.Problems);
        Assert.StartsWith("Introduction: speech endpoint", problem, StringComparison.Ordinal);
        Assert.Contains("answered 500", problem, StringComparison.Ordinal);
        Assert.Equal(3, audio.Episode.Stories);
        Assert.Equal(
            AudioFixture.Stories.Select(story => story.Title).Order(StringComparer.Ordinal),
            audio.Episode.Chapters.Where(c => c.ItemId is not null).Select(c => c.Title).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(audio.Episode.Chapters, c => c.Title == "Introduction");
    }

    private static void Configure(Configuration.StrataOptions options, FakeSpeechServer server)
    {
        options.Tts.Engine = TtsOptions.OpenAi;
        options.Tts.Endpoint = server.Endpoint;
        options.Tts.ApiKey = "test-key";
        options.Tts.Model = "tts-test";
        options.Tts.Voices["zh"] = "nova";
    }
}
