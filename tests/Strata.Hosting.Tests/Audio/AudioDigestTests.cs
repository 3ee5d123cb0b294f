using Strata.Hosting.Audio;
using Xunit;

namespace Strata.Hosting.Tests.Audio;

[Collection(AudioCollection.Name)]
public sealed class AudioDigestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateAudioDigestAsync_EnglishAndChineseWithEspeak_TaggedMp3WithSpokenChaptersInOrder()
    {
        var (fixture, digest) = await AudioFixture.CreateAsync();
        await using var _ = fixture;

        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);
        var probe = await MediaProbe.ProbeAsync(audio.Path);
        var samples = await MediaProbe.DecodeAsync(audio.Path);

        Assert.Empty(audio.Problems);
        Assert.Equal(digest.Stored!.Id, audio.Episode.Id);
        Assert.Equal("espeak-ng", audio.Episode.Engine);
        Assert.Equal(new FileInfo(audio.Path).Length, audio.Episode.Bytes);
        // Three stories of one to three sentences, an intro and an outro: well over 20 s, well under two minutes.
        Assert.InRange(probe.Seconds, 20, 120);
        Assert.InRange(probe.Seconds, (audio.Episode.DurationMs / 1000.0) - 0.3, (audio.Episode.DurationMs / 1000.0) + 0.3);
        Assert.Equal(audio.Episode.Title, probe.Title);
        Assert.StartsWith("Digest for ", probe.Title, StringComparison.Ordinal);
        Assert.Equal("Strata digests", probe.Album);
        var stories = digest.Digest.TopStories.Concat(digest.Digest.Groups.SelectMany(g => g.Entries)).Select(e => e.Title).Distinct().ToArray();
        Assert.Equal(["Introduction", .. stories, "End"], probe.Chapters.Select(c => c.Title));
        var pause = fixture.Kb.Options.Audio.Pause.TotalSeconds;
        foreach (var chapter in probe.Chapters)
        {
            // Each chapter is speech, then (except the last) the pause before the next one.
            var speechEnd = chapter.Title == "End" ? chapter.End : chapter.End - pause;
            Assert.True(speechEnd - chapter.Start > 1, $"{chapter.Title} is only {speechEnd - chapter.Start:0.00} s");
            Assert.True(MediaProbe.Rms(samples, chapter.Start, speechEnd) > 400, $"{chapter.Title} is silent");
            if (chapter.Title != "End")
            {
                Assert.True(MediaProbe.Rms(samples, speechEnd + 0.15, chapter.End - 0.1) < 150, $"no pause after {chapter.Title}");
            }
        }

        var chinese = probe.Chapters.Single(c => c.Title == "北京大学发布新的语言模型");
        Assert.True(chinese.End - chinese.Start > 5, "the Chinese story was not read in Chinese");
        Assert.Equal(audio.Episode.Id, Assert.Single(await fixture.Kb.ListAudioEpisodesAsync(10, None)).Id);
    }

    [Fact]
    public void EspeakVoice_FollowsTheItemLanguage()
    {
        var espeak = new EspeakSpeechSynthesizer(new TtsOptions { Voices = { ["de"] = "de-x-custom" } });

        Assert.Equal("cmn", espeak.VoiceFor("zh"));
        Assert.Equal("cmn", espeak.VoiceFor("zh-CN"));
        Assert.Equal("en-us", espeak.VoiceFor("en"));
        Assert.Equal("fr", espeak.VoiceFor("fr"));
        Assert.Equal("de-x-custom", espeak.VoiceFor("de"));
    }

    [Fact]
    public async Task CreateAudioDigestAsync_LongDigest_IsCappedAndTheOutroCountsWhatWasLeftOut()
    {
        var stories = Enumerable.Range(1, 12).Select(i => ($"Story number {i} about rivers",
            $"Rivers carry sediment to the sea. Story {i} measured how much sediment one river carried in a year, and why dams change it.", "rivers")).ToArray();
        var (fixture, digest) = await AudioFixture.CreateAsync(options => options.Audio.MaxDuration = TimeSpan.FromSeconds(30), stories);
        await using var _ = fixture;

        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);
        var probe = await MediaProbe.ProbeAsync(audio.Path);

        Assert.InRange(probe.Seconds, 10, 31);
        Assert.True(audio.Episode.StoriesLeftOut > 0);
        Assert.Equal(12, audio.Episode.Stories + audio.Episode.StoriesLeftOut);
        Assert.Equal("End", probe.Chapters[^1].Title);
    }

    [Fact]
    public async Task CreateAudioDigestAsync_CommandTemplate_RunsTheProgramAndReadsItsWav()
    {
        var (fixture, digest) = await AudioFixture.CreateAsync(options =>
        {
            options.Tts.Engine = TtsOptions.CommandEngine;
            options.Tts.Command = "espeak-ng -v '{lang}' -w {out}";
        });
        await using var _ = fixture;

        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);
        var probe = await MediaProbe.ProbeAsync(audio.Path);

        Assert.Empty(audio.Problems);
        Assert.Equal("command:espeak-ng", audio.Episode.Engine);
        Assert.Equal(5, probe.Chapters.Count);
        Assert.InRange(probe.Seconds, 20, 120);
    }

    [Fact]
    public async Task CreateAudioDigestAsync_LameEncoder_SameLengthAndChapters()
    {
        var (fixture, digest) = await AudioFixture.CreateAsync(options => options.Audio.Encoder = "lame");
        await using var _ = fixture;

        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);
        var probe = await MediaProbe.ProbeAsync(audio.Path);
        var samples = await MediaProbe.DecodeAsync(audio.Path);

        Assert.InRange(probe.Seconds, (audio.Episode.DurationMs / 1000.0) - 0.3, (audio.Episode.DurationMs / 1000.0) + 0.3);
        Assert.Equal(5, probe.Chapters.Count);
        Assert.Equal(audio.Episode.Title, probe.Title);
        Assert.True(MediaProbe.Rms(samples, probe.Chapters[1].Start, probe.Chapters[1].End - 1) > 400);
    }

    [Fact]
    public async Task CreateAudioDigestAsync_MissingProgram_FailsWithOneClearLine_DigestKept()
    {
        var (fixture, digest) = await AudioFixture.CreateAsync(options => options.Tts.EspeakPath = "/nonexistent/espeak-ng");
        await using var _ = fixture;

        var error = await Assert.ThrowsAsync<SpeechException>(() => fixture.Kb.CreateAudioDigestAsync(digest, None));

        Assert.Contains("cannot run '/nonexistent/espeak-ng'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Kb.ListAudioEpisodesAsync(10, None));
        Assert.Single(await fixture.Kb.ListDigestsAsync(10, None));
    }

    [Fact]
    public async Task RunScheduledDigestAsync_DigestAudioOn_MakesTheEpisodeToo()
    {
        var (fixture, _) = await AudioFixture.CreateAsync(options =>
        {
            options.Digest.Schedule = "0 7 * * *";
            options.Digest.Audio = true;
        });
        await using var _ = fixture;

        var scheduled = await fixture.Kb.RunScheduledDigestAsync(DateTimeOffset.UtcNow.AddDays(-2), None);

        Assert.NotNull(scheduled);
        Assert.Null(scheduled.AudioError);
        Assert.Equal(scheduled.Stored!.Id, scheduled.Audio!.Episode.Id);
        Assert.True(File.Exists(scheduled.Audio.Path));
        Assert.Equal(2, (await fixture.Kb.ListDigestsAsync(10, None)).Count);
    }
}
