using System.CommandLine;
using Strata.Cli.Output;
using Strata.Hosting.Ingest;
using Strata.Sources.Imports;
using Strata.Sources.Imports.Opml;

namespace Strata.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A bookmarks or read-later export: browser bookmarks HTML, Pocket, Omnivore, Readwise Reader CSV, Karakeep JSON, or a list of URLs" };
        var format = new Option<string?>("--format") { Description = "netscape, pocket, omnivore, readwise, karakeep or urls (default: detected from the content)" };
        var noFetch = new Option<bool>("--no-fetch") { Description = "Import titles, tags and dates only; the pages are fetched later (daemon or collect)" };
        var tags = new Option<string[]>("--tag", "-t") { Description = "Tag every imported item (repeatable)" };
        var command = new Command("import", "Import bookmarks or a read-later export (resumable: run it again after an interruption)") { file, format, noFetch, tags };
        command.Subcommands.Add(Opml());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                Terminal.Error($"failed: {path}: no such file");
                return ExitCodes.Failed;
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            try
            {
                var options = new AddOptions { Tags = parse.GetValue(tags) ?? [] };
                var report = await ImportProgress.RunAsync(progress => kb.ImportAsync(path, Format(parse.GetValue(format)), options, !parse.GetValue(noFetch), progress, cancellationToken));
                var failures = report.Pipeline?.Failures ?? [];
                if (parse.GetValue(GlobalOptions.Json))
                {
                    Terminal.Json(new ImportJson(report.Format.ToString(), report.Imported, report.AlreadyPresent, report.Warnings.ToArray(), report.Pipeline?.Processed ?? 0, failures.Count), CliJson.Relaxed.ImportJson);
                }
                else
                {
                    foreach (var warning in report.Warnings)
                    {
                        Terminal.Error($"skipped: {path}: {warning}");
                    }

                    foreach (var failure in failures)
                    {
                        Terminal.Error($"failed: {failure.Origin}: {failure.Step}: {failure.Message}");
                    }

                    Terminal.Line($"imported {report.Imported} ({report.Format}), already present {report.AlreadyPresent}, skipped {report.Warnings.Count}" +
                        (report.Pipeline is null ? "; fetches queued for the daemon or `strata collect`" : $"; fetched {report.Pipeline.Processed}, failed {failures.Count}"));
                }

                return failures.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
            }
            catch (ImportException exception)
            {
                Terminal.Error($"failed: {path}: {exception.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command Opml()
    {
        var file = new Argument<string>("file") { Description = "An OPML file of feeds (folders become tags)" };
        var every = new Option<string?>("--every") { Description = "Schedule for the new feed sources (default 1h)" };
        var command = new Command("opml", "Add a feed source for every feed in an OPML file") { file, every };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            try
            {
                var (added, present) = await kb.ImportOpmlAsync(path, SourceCommand.Schedule(parse.GetValue(every), null), cancellationToken);
                Terminal.Line($"feeds added {added}, already present {present}");
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is OpmlException or IOException)
            {
                Terminal.Error($"failed: {path}: {exception.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static ImportFormat? Format(string? name) => name?.ToLowerInvariant() switch
    {
        null => null,
        "netscape" or "bookmarks" or "html" => ImportFormat.NetscapeBookmarks,
        "pocket" => ImportFormat.Pocket,
        "omnivore" => ImportFormat.Omnivore,
        "readwise" => ImportFormat.ReadwiseReader,
        "karakeep" or "hoarder" => ImportFormat.Karakeep,
        "urls" or "text" => ImportFormat.UrlList,
        _ => throw new UsageException($"unknown import format '{name}'; use netscape, pocket, omnivore, readwise, karakeep or urls"),
    };
}
