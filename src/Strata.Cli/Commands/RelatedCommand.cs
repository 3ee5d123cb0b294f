using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class RelatedCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Item id (or its first characters)" };
        var limit = new Option<int>("--limit", "-n") { Description = "Most items to show", DefaultValueFactory = _ => 10 };
        var command = new Command("related", "Items similar in content to an item (TF-IDF keyword vectors over the keyword index)") { id, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(limit) < 1)
            {
                throw new UsageException("--limit must be at least 1");
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var related = await kb.RelatedAsync(parse.GetValue(id)!, parse.GetValue(limit), cancellationToken);
            if (related is null)
            {
                Terminal.Error($"no item matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json([.. related.Select(entry => new RelatedJson(entry.Item.Id, entry.Item.DisplayTitle, entry.Item.Url, entry.Item.SourcePath, entry.Score))], CliJson.Relaxed.RelatedJsonArray);
                return ExitCodes.Success;
            }

            if (related.Count == 0)
            {
                Terminal.Line("no related items");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "title", "score");
            foreach (var entry in related)
            {
                table.AddRow($"[grey]{entry.Item.Id}[/]", Terminal.Escape(entry.Item.DisplayTitle), entry.Score.ToString("0.00", CultureInfo.InvariantCulture));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
