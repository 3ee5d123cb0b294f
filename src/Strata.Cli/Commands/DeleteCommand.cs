using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class DeleteCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Item id (or its first characters)" };
        var purge = new Option<bool>("--purge") { Description = "Also remove the archived original when no other item uses it" };
        var command = new Command("delete", "Delete an item (its original stays archived unless --purge)") { id, purge };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var deleted = await kb.DeleteAsync(parse.GetValue(id)!, parse.GetValue(purge), cancellationToken);
            if (deleted is not { } result)
            {
                Terminal.Error($"no item matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            Terminal.Line($"deleted: {result.Item.Id} {result.Item.DisplayTitle}" + (parse.GetValue(purge) ? $" (removed {result.PurgedOriginals} original(s))" : " (original kept; --purge removes it)"));
            return ExitCodes.Success;
        });
        return command;
    }
}
