using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class ReprocessCommand
{
    public static Command Create()
    {
        var ids = new Argument<string[]>("ids") { Description = "Items to re-extract (ids or their first characters)", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Re-extract every item from its archived original" };
        var command = new Command("reprocess", "Re-extract items from their archived originals (after an upgrade, say)") { ids, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(ids) ?? [];
            if (chosen.Length == 0 == !parse.GetValue(all))
            {
                throw new UsageException("give item ids or --all (not both)");
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            try
            {
                var (queued, report) = await kb.ReprocessAsync(parse.GetValue(all) ? null : chosen, null, cancellationToken);
                return QueuePrinter.Print("reprocess", queued, report, parse.GetValue(GlobalOptions.Json));
            }
            catch (KeyNotFoundException exception)
            {
                Terminal.Error(exception.Message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
