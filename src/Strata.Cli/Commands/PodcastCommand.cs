using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Audio;

namespace Strata.Cli.Commands;

/// <summary><c>strata podcast list</c> and <c>strata podcast export &lt;dir&gt;</c>: the audio digests as a podcast.</summary>
internal static class PodcastCommand
{
    public static Command Create()
    {
        var command = new Command("podcast", "Audio digests as a private podcast (list episodes, export the feed for static hosting)");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateExport());
        return command;
    }

    private static Command CreateList()
    {
        var limit = new Option<int>("--limit", "-n") { Description = "Most episodes to list", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "Audio digests, newest first") { limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var episodes = await kb.ListAudioEpisodesAsync(Math.Max(1, parse.GetValue(limit)), cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(episodes.Select(e => new EpisodeJson(e.Id, e.Title, e.CreatedAt, kb.AudioEpisodes.PathOf(e), e.Bytes, e.DurationMs / 1000.0, e.Stories, e.StoriesLeftOut, e.Engine)).ToArray(), ModelJson.Relaxed.EpisodeJsonArray);
                return ExitCodes.Success;
            }

            if (episodes.Count == 0)
            {
                Terminal.Line("no audio digests yet; make one with `strata digest --audio`");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "made", "length", "stories", "size");
            foreach (var e in episodes)
            {
                table.AddRow($"[grey]{e.Id}[/]", e.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), PodcastFeedWriter.Clock(e.DurationMs),
                    e.Stories.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{e.Bytes / 1024.0:0} KiB"));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateExport()
    {
        var folder = new Argument<string>("dir") { Description = "Folder to write podcast.xml and the MP3 files into" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Public URL the folder will be served at (default: Podcast.BaseUrl)" };
        var command = new Command("export", "Write the podcast feed and its episodes to a folder for static hosting") { folder, baseUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var root = parse.GetValue(baseUrl) ?? kb.Options.Podcast.BaseUrl;
            if (root is not null && !Uri.TryCreate(root, UriKind.Absolute, out _))
            {
                Terminal.Error($"--base-url must be an absolute URL (not '{root}')");
                return ExitCodes.Usage;
            }

            var target = parse.GetValue(folder)!;
            var count = await kb.ExportPodcastAsync(target, root, cancellationToken);
            Terminal.Line($"wrote {Path.Combine(target, "podcast.xml")} with {count} episode(s)");
            if (string.IsNullOrWhiteSpace(root))
            {
                Terminal.Error("no --base-url (or Podcast.BaseUrl): enclosure URLs are relative, which many podcast apps refuse");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
