using System.CommandLine;
using Strata.Cli.Output;
using Strata.Core.Items;

namespace Strata.Cli.Commands;

internal static class MarkCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Item id (or its first characters)" };
        var read = new Option<bool>("--read") { Description = "Mark as read (its tags then count as your interests in digests)" };
        var unread = new Option<bool>("--unread") { Description = "Back to the inbox" };
        var archived = new Option<bool>("--archived") { Description = "Archive it" };
        var favourite = new Option<bool>("--favourite") { Description = "Favour it (its tags count double as interests)" };
        var notFavourite = new Option<bool>("--no-favourite") { Description = "Remove the favourite mark" };
        var command = new Command("mark", "Set an item's reading status and favourite mark") { id, read, unread, archived, favourite, notFavourite };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ItemStatus? status = parse.GetValue(read) ? ItemStatus.Read : parse.GetValue(unread) ? ItemStatus.Inbox : parse.GetValue(archived) ? ItemStatus.Archived : null;
            bool? favour = parse.GetValue(favourite) ? true : parse.GetValue(notFavourite) ? false : null;
            if (status is null && favour is null)
            {
                throw new UsageException("give --read, --unread, --archived, --favourite or --no-favourite");
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            if (!await kb.MarkAsync(parse.GetValue(id)!, status, favour, cancellationToken))
            {
                Terminal.Error($"no item matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
