using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class DiffCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Item id (or its first characters)" };
        var from = new Option<int?>("--from") { Description = "Older version number (default: the one before --to)" };
        var to = new Option<int?>("--to") { Description = "Newer version number (default: the current one)" };
        var words = new Option<bool>("--words") { Description = "Mark changed words inside lines: [-old-]{+new+}" };
        var command = new Command("diff", "A readable diff of an item's extracted text between two archived versions") { id, from, to, words };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            try
            {
                var diff = await kb.DiffVersionsAsync(parse.GetValue(id)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(words), cancellationToken);
                if (diff is null)
                {
                    Terminal.Error($"no item matches '{parse.GetValue(id)}'");
                    return ExitCodes.Failed;
                }

                Terminal.Line(diff.Length == 0 ? "no change in the extracted text" : diff.TrimEnd());
                return ExitCodes.Success;
            }
            catch (ArgumentOutOfRangeException exception)
            {
                throw new UsageException(exception.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
            }
        });
        return command;
    }
}
