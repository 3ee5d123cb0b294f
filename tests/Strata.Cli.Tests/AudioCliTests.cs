using System.Text.Json;
using System.Xml.Linq;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class AudioCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-cli-audio");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task DigestAudio_ThenPodcastListAndExport_WithEspeak()
    {
        Assert.Equal(0, (await CliProcess.RunWithInputAsync(Data, "Glaciers lose ice every summer. Radar surveys measure the loss.", "add", "-", "--title", "Glaciers")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunWithInputAsync(Data, "研究人员发布了一种新的语言模型，准确率很高。", "add", "-", "--title", "新的语言模型")).ExitCode);

        var digest = await CliProcess.RunAsync(Data, "digest", "--since", "1h", "--audio", "--json");
        Assert.True(digest.ExitCode == 0, digest.Error);
        var audio = JsonDocument.Parse(digest.Out).RootElement.GetProperty("audio");
        var path = audio.GetProperty("path").GetString()!;
        Assert.Equal(2, audio.GetProperty("stories").GetInt32());
        Assert.Equal(new FileInfo(path).Length, audio.GetProperty("bytes").GetInt64());
        Assert.InRange(audio.GetProperty("seconds").GetDouble(), 8, 90);
        Assert.Null(audio.GetProperty("error").GetString());

        var list = await CliProcess.RunAsync(Data, "podcast", "list", "--json");
        Assert.Equal(audio.GetProperty("id").GetString(), JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Single().GetProperty("id").GetString());

        var site = _directory.Combine("site");
        var export = await CliProcess.RunAsync(Data, "podcast", "export", site, "--base-url", "https://example.org/pod/");
        Assert.True(export.ExitCode == 0, export.Error);
        var enclosure = XDocument.Load(Path.Combine(site, "podcast.xml")).Root!.Element("channel")!.Element("item")!.Element("enclosure")!;
        Assert.Equal(new FileInfo(path).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), enclosure.Attribute("length")!.Value);
        Assert.True(File.Exists(Path.Combine(site, Path.GetFileName(path))));
    }

    [Fact]
    public async Task DigestAudio_BrokenEngine_OneErrorLine_ExitOne_DigestStillStored()
    {
        _directory.Write("data/strata.json", """{ "Tts": { "Engine": "command", "Command": "/nonexistent/tts --out {out}" } }""");
        Assert.Equal(0, (await CliProcess.RunWithInputAsync(Data, "Glaciers lose ice every summer.", "add", "-", "--title", "Glaciers")).ExitCode);

        var digest = await CliProcess.RunAsync(Data, "digest", "--since", "1h", "--audio");

        Assert.Equal(1, digest.ExitCode);
        Assert.Equal("strata: audio digest not made: Introduction: cannot run '/nonexistent/tts': No such file or directory (is it installed and on PATH?)", digest.Error.Trim());
        Assert.Contains("Glaciers", digest.Out, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse((await CliProcess.RunAsync(Data, "digests", "--json")).Out).RootElement.EnumerateArray());
    }

    public void Dispose() => _directory.Dispose();
}
