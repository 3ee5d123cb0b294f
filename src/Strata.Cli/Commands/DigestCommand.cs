using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Digests;
using Strata.Hosting.Digests;

namespace Strata.Cli.Commands;

internal static class DigestCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Window start: a date or a span ago (default: Digest.Window, 24h)" };
        var tag = new Option<string?>("--tag", "-t") { Description = "Only items with this tag" };
        var format = new Option<string>("--format", "-f") { Description = "md, html or text", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "text");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of the console" };
        var noStore = new Option<bool>("--no-store") { Description = "Do not keep this digest (it then does not count for later digests' novelty)" };
        var send = new Option<bool>("--send") { Description = "Also mail it (Digest.Email settings)" };
        var audio = new Option<bool>("--audio") { Description = "Also read it aloud into an MP3 podcast episode (Tts, Audio and Podcast settings)" };
        var command = new Command("digest", "What arrived in a window, grouped by topic, with top stories ranked by novelty and your interests") { since, tag, format, output, noStore, send, audio };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var now = TimeProvider.System.GetUtcNow();
            var start = parse.GetValue(since) is { } s ? TimeSpans.ParseSince(s, now) : now - kb.Options.Digest.Window;
            var result = await kb.CreateDigestAsync(start, parse.GetValue(tag), store: !parse.GetValue(noStore), send: parse.GetValue(send), cancellationToken);
            var (spoken, audioError) = parse.GetValue(audio) ? await AudioDigest.ReadAloudAsync(kb, result, cancellationToken) : (null, null);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(ToJson(result) with { Audio = parse.GetValue(audio) ? AudioDigest.ToJson(spoken, audioError) : null }, ModelJson.Relaxed.DigestJson);
            }
            else
            {
                var text = parse.GetValue(format) switch { "html" => result.Html, "text" => result.PlainText, _ => result.Markdown };
                if (parse.GetValue(output) is { } path)
                {
                    await File.WriteAllTextAsync(path, text, cancellationToken);
                    Terminal.Line($"wrote {path}: {result.Digest.ItemCount} item(s), {result.Digest.TopStories.Count} top stories" + (result.Stored is null ? string.Empty : $" (digest {result.Stored.Id})"));
                }
                else
                {
                    Terminal.Line(text);
                }

                if (result.DeliveredTo is not null)
                {
                    Terminal.Line($"mailed to {result.DeliveredTo}");
                }

                if (spoken is not null)
                {
                    AudioDigest.Report(spoken);
                }
            }

            if (audioError is not null)
            {
                Terminal.Error(audioError);
                return ExitCodes.Failed;
            }

            if (result.DeliveryError is not null)
            {
                Terminal.Error(result.DeliveryError);
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateList()
    {
        var id = new Argument<string?>("id") { Description = "Show this digest (id or prefix) as Markdown", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit", "-n") { Description = "Most digests to list", DefaultValueFactory = _ => 20 };
        var command = new Command("digests", "List stored digests, newest first, or show one") { id, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            if (parse.GetValue(id) is { } key)
            {
                var digest = await kb.GetDigestAsync(key, cancellationToken);
                if (digest is null)
                {
                    Terminal.Error($"no digest matches '{key}'");
                    return ExitCodes.Failed;
                }

                Terminal.Line(digest.Markdown);
                return ExitCodes.Success;
            }

            var digests = await kb.ListDigestsAsync(Math.Max(1, parse.GetValue(limit)), cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(digests.Select(d => new DigestListJson(d.Id, d.CreatedAt, d.WindowStart, d.WindowEnd, d.Tag, d.ItemIds.Count, d.TopStoryIds.Count, d.DeliveredTo)).ToArray(), ModelJson.Relaxed.DigestListJsonArray);
                return ExitCodes.Success;
            }

            if (digests.Count == 0)
            {
                Terminal.Line("no digests yet; make one with `strata digest`");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "made", "window", "tag", "items", "mailed to");
            foreach (var d in digests)
            {
                table.AddRow(
                    $"[grey]{d.Id}[/]", d.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    $"{d.WindowStart.ToLocalTime():MM-dd HH:mm} → {d.WindowEnd.ToLocalTime():MM-dd HH:mm}", Terminal.Escape(d.Tag ?? "-"),
                    d.ItemIds.Count.ToString(CultureInfo.InvariantCulture), Terminal.Escape(d.DeliveredTo ?? "-"));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static DigestJson ToJson(DigestResult result)
    {
        static DigestEntryJson Entry(DigestEntry e) => new(e.ItemId, e.Title, e.Source, e.OneLine, e.Link, Math.Round(e.Novelty, 3), Math.Round(e.Interest, 3), Math.Round(e.Score, 3));
        var digest = result.Digest;
        return new DigestJson(result.Stored?.Id, digest.WindowStart, digest.WindowEnd, digest.Tag, digest.ItemCount, digest.TopStories.Select(Entry).ToArray(),
            digest.Groups.Select(g => new DigestGroupJson(g.Name, g.Entries.Select(Entry).ToArray())).ToArray(), result.DeliveredTo, result.DeliveryError)
        {
            Resurfaced = [.. digest.Resurfaced.Select(Entry)],
        };
    }
}
