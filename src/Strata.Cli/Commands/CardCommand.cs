using System.CommandLine;
using Strata.Cli.Output;
using Strata.Core.Memory;

namespace Strata.Cli.Commands;

/// <summary><c>strata card add|highlight|show|edit|suspend|unsuspend|delete</c>: one flashcard at a time.</summary>
internal static class CardCommand
{
    public static Command Create()
    {
        var command = new Command("card", "Add, show, edit, suspend or delete one flashcard");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Highlight());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Edit());
        command.Subcommands.Add(Suspend("suspend", true));
        command.Subcommands.Add(Suspend("unsuspend", false));
        command.Subcommands.Add(Delete());
        return command;
    }

    private static Command Add()
    {
        var item = new Argument<string>("item") { Description = "The source item's id (or its first characters)" };
        var front = new Option<string>("--front") { Description = "The question side", Required = true };
        var back = new Option<string>("--back") { Description = "The answer side", Required = true };
        var deck = new Option<string?>("--deck") { Description = "Deck (a tag); default: the item's first tag" };
        var passage = new Option<string?>("--passage") { Description = "The passage of the item the card is about (its span is recorded)" };
        var command = new Command("add", "Add a card linked to an item") { item, front, back, deck, passage };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            return await PrintAsync(parse, () => kb.AddCardAsync(parse.GetValue(item)!, parse.GetValue(front)!, parse.GetValue(back)!, parse.GetValue(deck), parse.GetValue(passage), cancellationToken));
        });
        return command;
    }

    private static Command Highlight()
    {
        var item = new Argument<string>("item") { Description = "The item's id (or its first characters)" };
        var passage = new Option<string>("--passage") { Description = "The highlighted passage", Required = true };
        var note = new Option<string?>("--note") { Description = "Your note; it becomes the question (else the passage becomes a cloze)" };
        var command = new Command("highlight", "Make a card from a highlighted passage (and your note)") { item, passage, note };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            return await PrintAsync(parse, () => kb.AddCardFromHighlightAsync(parse.GetValue(item)!, parse.GetValue(passage)!, parse.GetValue(note), cancellationToken));
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "Card id (or its first characters)" };
        var command = new Command("show", "Show a card, its source passage and its memory state") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            return await PrintAsync(parse, async () => await kb.GetCardAsync(parse.GetValue(id)!, cancellationToken) ?? throw new KeyNotFoundException($"no card matches '{parse.GetValue(id)}'"));
        });
        return command;
    }

    private static Command Edit()
    {
        var id = new Argument<string>("id") { Description = "Card id (or its first characters)" };
        var front = new Option<string?>("--front") { Description = "New question side" };
        var back = new Option<string?>("--back") { Description = "New answer side" };
        var deck = new Option<string?>("--deck") { Description = "New deck (empty for none)" };
        var command = new Command("edit", "Change a card's front, back or deck (its schedule is kept)") { id, front, back, deck };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(front) is null && parse.GetValue(back) is null && parse.GetValue(deck) is null)
            {
                throw new UsageException("give --front, --back or --deck");
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            return await PrintAsync(parse, async () => await kb.EditCardAsync(parse.GetValue(id)!, parse.GetValue(front), parse.GetValue(back), parse.GetValue(deck), cancellationToken)
                ?? throw new KeyNotFoundException($"no card matches '{parse.GetValue(id)}'"));
        });
        return command;
    }

    private static Command Suspend(string name, bool suspended)
    {
        var id = new Argument<string>("id") { Description = "Card id (or its first characters)" };
        var command = new Command(name, suspended ? "Suspend a card: it is never due until unsuspended" : "Bring a suspended card back into reviews") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            return await PrintAsync(parse, async () => await kb.SuspendCardAsync(parse.GetValue(id)!, suspended, cancellationToken)
                ?? throw new KeyNotFoundException($"no card matches '{parse.GetValue(id)}'"));
        });
        return command;
    }

    private static Command Delete()
    {
        var id = new Argument<string>("id") { Description = "Card id (or its first characters)" };
        var command = new Command("delete", "Delete a card and its review history") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var card = await kb.DeleteCardAsync(parse.GetValue(id)!, cancellationToken);
            if (card is null)
            {
                Terminal.Error($"no card matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            Terminal.Line($"deleted card {card.Id}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> PrintAsync(ParseResult parse, Func<Task<Card>> act)
    {
        Card card;
        try
        {
            card = await act();
        }
        catch (Exception exception) when (exception is KeyNotFoundException or ArgumentException)
        {
            Terminal.Error(exception.Message);
            return ExitCodes.Failed;
        }

        if (parse.GetValue(GlobalOptions.Json))
        {
            Terminal.Json(MemoryFormat.ToJson(card), MemoryJson.Relaxed.CardJson);
            return ExitCodes.Success;
        }

        Terminal.Line($"card {card.Id} ({card.Kind.ToString().ToLowerInvariant()}, {MemoryFormat.State(card)}{(card.Deck is null ? string.Empty : ", deck " + card.Deck)})");
        Terminal.Line($"  front: {card.Front}");
        Terminal.Line($"  back:  {card.Back}");
        if (card.ItemId is not null)
        {
            Terminal.Line($"  source: item {card.ItemId}" + (card.SpanStart is { } start ? $", characters {start}–{card.SpanEnd}" : string.Empty));
        }

        if (card.Passage is not null && card.Passage != card.Back)
        {
            Terminal.Line($"  passage: {MemoryFormat.OneLine(card.Passage, 200)}");
        }

        if (card.Note is not null && card.Note != card.Front)
        {
            Terminal.Line($"  note: {card.Note}");
        }

        if (!card.Memory.IsNew)
        {
            Terminal.Line($"  due {card.Memory.Due:yyyy-MM-dd HH:mm} UTC · stability {card.Memory.Stability:0.##} d · difficulty {card.Memory.Difficulty:0.##} · {card.Reps} reviews, {card.Lapses} lapses");
        }

        return ExitCodes.Success;
    }
}
