using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Sources;
using Strata.Hosting;

namespace Strata.Cli.Commands;

internal static class SourceCommand
{
    public static Command Create()
    {
        var command = new Command("source", "Manage sources Strata collects from by itself: feeds, arXiv queries, folders, pages");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Toggle("pause", "Stop running a source on its schedule", paused: true));
        command.Subcommands.Add(Toggle("resume", "Run a paused source again (due at once)", paused: false));
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Run());
        return command;
    }

    private static Command Add()
    {
        var type = new Argument<string>("type") { Description = "feed, arxiv, folder or page" };
        type.AcceptOnlyFromAmong("feed", "arxiv", "folder", "page");
        var target = new Argument<string>("target") { Description = "Feed URL (or a site's home page), arXiv query, folder path, or page URL" };
        var every = new Option<string?>("--every") { Description = "Run every interval: 30m, 2h, 1d (default 1h; folders 10m)" };
        var cron = new Option<string?>("--cron") { Description = "Run on a cron schedule instead, e.g. \"0 7 * * *\"" };
        var tags = new Option<string[]>("--tag", "-t") { Description = "Tag for everything this source brings (repeatable)" };
        var category = new Option<string?>("--category") { Description = "Category for everything this source brings (for feeds, arXiv, folders, pages)" };
        var name = new Option<string?>("--name") { Description = "A name for tables (default: the feed's title)" };
        var arxivCategory = new Option<string?>("--arxiv-category") { Description = "arXiv only: restrict to a category such as cs.CL" };
        var command = new Command("add", "Add a source (feed URLs may be a site's home page; its feed is discovered)") { type, target, every, cron, tags, category, name, arxivCategory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var schedule = Schedule(parse.GetValue(every), parse.GetValue(cron));
            var settings = new Dictionary<string, string>();
            if (parse.GetValue(arxivCategory) is { } arxiv)
            {
                settings["category"] = arxiv;
            }

            var request = new SourceRequest { Schedule = schedule, Tags = parse.GetValue(tags) ?? [], Category = parse.GetValue(category), Name = parse.GetValue(name), Settings = settings };
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            try
            {
                var (source, created) = await kb.AddSourceAsync(Enum.Parse<SourceType>(parse.GetValue(type)!, ignoreCase: true), parse.GetValue(target)!, request, cancellationToken);
                Terminal.Line(created ? $"added source {source.Id}: {source.Type.ToString().ToLowerInvariant()} {source.Target} ({source.Schedule})" : $"already a source: {source.Id} {source.DisplayName}");
                return ExitCodes.Success;
            }
            catch (SourceException exception)
            {
                Terminal.Error(exception.Message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Sources with their health: last success, last error, items collected, next run");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var sources = await kb.ListSourcesAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(sources.Select(ToJson).ToArray(), CliJson.Relaxed.SourceJsonArray);
                return ExitCodes.Success;
            }

            if (sources.Count == 0)
            {
                Terminal.Line("no sources; add one with: strata source add feed <url>");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "type", "name", "schedule", "last success", "items", "next run", "health");
            foreach (var source in sources)
            {
                table.AddRow(
                    $"[grey]{source.Id}[/]",
                    source.Type.ToString().ToLowerInvariant(),
                    Terminal.Escape(source.DisplayName),
                    Terminal.Escape(source.Schedule.ToString()),
                    When(source.LastSuccessAt),
                    source.ItemsCollected.ToString(CultureInfo.InvariantCulture),
                    source.Paused ? "[yellow]paused[/]" : When(source.NextRunAt),
                    source.LastError is null ? (source.LastRunAt is null ? "[grey]not run yet[/]" : "[green]ok[/]") : $"[red]{Terminal.Escape(Shorten(source.LastError))} (×{source.ConsecutiveFailures})[/]");
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "Source id (or its first characters)" };
        var command = new Command("show", "A source's settings, health and recent runs") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var source = await kb.GetSourceAsync(parse.GetValue(id)!, cancellationToken);
            if (source is null)
            {
                Terminal.Error($"no source matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            var runs = await kb.ListSourceRunsAsync(source.Id, 10, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(ToJson(source), CliJson.Relaxed.SourceJson);
                return ExitCodes.Success;
            }

            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            foreach (var (label, value) in new (string, string?)[]
            {
                ("id", source.Id), ("type", source.Type.ToString().ToLowerInvariant()), ("target", source.Target), ("name", source.Name),
                ("schedule", source.Schedule + (source.Paused ? " (paused)" : string.Empty)), ("tags", string.Join(", ", source.Tags)), ("category", source.Category),
                ("settings", string.Join(", ", source.Settings.Select(pair => $"{pair.Key}={pair.Value}"))),
                ("last run", When(source.LastRunAt)), ("last success", When(source.LastSuccessAt)), ("next run", When(source.NextRunAt)),
                ("last error", source.LastError), ("items", source.ItemsCollected.ToString(CultureInfo.InvariantCulture)),
            })
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    grid.AddRow($"[grey]{label}[/]", Terminal.Escape(value));
                }
            }

            Terminal.Write(grid);
            if (runs.Count > 0)
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("run", "new", "updated", "unchanged", "failed", "duration", "error");
                foreach (var (started, result) in runs)
                {
                    table.AddRow(When(started), $"{result.New}", $"{result.Updated}", $"{result.Unchanged}", $"{result.Failed}",
                        $"{result.Duration.TotalSeconds:0.0} s", Terminal.Escape(result.Error ?? string.Empty));
                }

                Terminal.Write(table);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Toggle(string verb, string description, bool paused)
    {
        var id = new Argument<string>("id") { Description = "Source id (or its first characters)" };
        var command = new Command(verb, description) { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var source = await kb.SetPausedAsync(parse.GetValue(id)!, paused, cancellationToken);
            if (source is null)
            {
                Terminal.Error($"no source matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            Terminal.Line($"{(paused ? "paused" : "resumed")}: {source.Id} {source.DisplayName}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "Source id (or its first characters)" };
        var command = new Command("remove", "Remove a source (the items it brought stay)") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var source = await kb.RemoveSourceAsync(parse.GetValue(id)!, cancellationToken);
            if (source is null)
            {
                Terminal.Error($"no source matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            Terminal.Line($"removed: {source.Id} {source.DisplayName} (its items are kept)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Run()
    {
        var id = new Argument<string>("id") { Description = "Source id (or its first characters)" };
        var command = new Command("run", "Run one source now, then process what it brought") { id };
        command.SetAction(async (parse, cancellationToken) => await CollectCommand.RunOneAsync(parse, parse.GetValue(id)!, cancellationToken));
        return command;
    }

    public static SourceSchedule? Schedule(string? every, string? cron)
    {
        try
        {
            return (every, cron) switch
            {
                (not null, not null) => throw new UsageException("give --every or --cron, not both"),
                (not null, null) => SourceSchedule.Interval(SourceSchedule.ParseInterval(every)),
                (null, not null) => SourceSchedule.FromCron(cron),
                _ => null,
            };
        }
        catch (FormatException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    private static SourceJson ToJson(Source source) => new(
        source.Id, source.Type.ToString().ToLowerInvariant(), source.Target, source.Name, source.Schedule.ToString(), source.Tags.ToArray(), source.Category,
        source.Paused, source.LastRunAt, source.LastSuccessAt, source.LastError, source.ConsecutiveFailures, source.ItemsCollected, source.NextRunAt);

    private static string When(DateTimeOffset? time) => time?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
