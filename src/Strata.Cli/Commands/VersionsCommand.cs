using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class VersionsCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Item id (or its first characters)" };
        var command = new Command("versions", "An item's archived versions (watched pages, new paper versions, changed files) and where it came from") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var item = await kb.GetAsync(parse.GetValue(id)!, cancellationToken);
            if (item is null)
            {
                Terminal.Error($"no item matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            var versions = await kb.ListVersionsAsync(item.Id, cancellationToken);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("version", "archived", "type", "bytes", "sha256", "from");
            for (var index = 0; index < versions.Count; index++)
            {
                var version = versions[index];
                table.AddRow($"{index + 1}{(version.Hash == item.ContentHash ? " (current)" : string.Empty)}",
                    version.TakenAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Terminal.Escape(version.MediaType),
                    version.ByteSize.ToString("N0", CultureInfo.InvariantCulture), version.Hash[..12], Terminal.Escape(version.Origin ?? string.Empty));
            }

            Terminal.Ansi.MarkupLine($"[bold]{Terminal.Escape(item.DisplayTitle)}[/] [grey]{item.Id}[/]");
            Terminal.Write(table);
            foreach (var record in await kb.ListProvenanceAsync(item.Id, cancellationToken))
            {
                Terminal.Line($"seen {record.SeenAt.ToLocalTime():yyyy-MM-dd HH:mm} as {record.ExternalId}" + (record.SourceId is null ? string.Empty : $" (source {record.SourceId})"));
            }

            if (versions.Count > 1)
            {
                Terminal.Line($"compare with: strata diff {item.Id} [--from N --to M] [--words]");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
