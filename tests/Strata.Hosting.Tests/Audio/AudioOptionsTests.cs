using Strata.Hosting.Audio;
using Strata.Hosting.Configuration;
using Xunit;

namespace Strata.Hosting.Tests.Audio;

public sealed class AudioOptionsTests
{
    [Fact]
    public void Validate_MistypedAudioSettings_OneMessageEach()
    {
        var options = new StrataOptions();
        options.Tts.Engine = "festival";
        options.Audio.Bitrate = 65;
        options.Audio.Encoder = "sox";

        var problems = options.Validate();

        Assert.Contains("Tts.Engine must be espeak, openai or command (not 'festival')", problems);
        Assert.Contains("Audio.Bitrate must be an MP3 bit rate between 32 and 192 kbit/s", problems);
        Assert.Contains("Audio.Encoder must be auto, ffmpeg or lame", problems);
    }

    [Fact]
    public void Validate_EngineWithoutItsSetting_SaysWhichIsMissing()
    {
        Assert.Equal(["Tts.Command is required for the command engine"], new TtsOptions { Engine = "command" }.Validate());
        Assert.Equal(["Tts.Endpoint is required for the openai engine"], new TtsOptions { Engine = "openai" }.Validate());
        Assert.Empty(new StrataOptions().Validate());
    }

    [Theory]
    [InlineData("piper --model /m/en.onnx --output_file {out}", new[] { "piper", "--model", "/m/en.onnx", "--output_file", "{out}" })]
    [InlineData("tts -t '{text}' --voice \"my voice\" -o {out}", new[] { "tts", "-t", "{text}", "--voice", "my voice", "-o", "{out}" })]
    [InlineData("say a\\ b \"q\\\"d\"", new[] { "say", "a b", "q\"d" })]
    public void CommandTemplate_Split_QuotesLikeAShell(string line, string[] expected) =>
        Assert.Equal(expected, CommandTemplate.Split(line));

    [Fact]
    public void CommandTemplate_UnclosedQuote_IsAClearError() =>
        Assert.Equal("Tts.Command has an unclosed ' quote", Assert.Throws<SpeechException>(() => CommandTemplate.Split("piper 'oops")).Message);
}
