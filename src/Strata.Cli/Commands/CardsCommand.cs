using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Memory;
using Strata.Hosting.Memory;

namespace Strata.Cli.Commands;

/// <summary><c>strata cards list|generate|export|import</c>: flashcards in bulk.</summary>
internal static class CardsCommand
{
    public static Command Create()
    {
        var command = new Command("cards", "List, generate, export and import flashcards");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Generate());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command List()
    {
        var tag = new Option<string?>("--tag", "--deck") { Description = "Only this deck/tag (and its children)" };
        var item = new Option<string?>("--item") { Description = "Only cards of this item" };
        var due = new Option<bool>("--due") { Description = "Only cards due now" };
        var suspended = new Option<bool>("--suspended") { Description = "Only suspended cards" };
        var limit = new Option<int>("--limit") { Description = "Most cards", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "List cards, earliest due first") { tag, item, due, suspended, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var itemId = parse.GetValue(item) is { } prefix ? await kb.ResolveIdAsync(prefix, cancellationToken) ?? throw new UsageException($"no item matches '{prefix}'") : null;
            var cards = parse.GetValue(due) && itemId is null && !parse.GetValue(suspended)
                ? await kb.ListDueCardsAsync(parse.GetValue(tag), parse.GetValue(limit), cancellationToken)
                : await kb.ListCardsAsync(new CardFilter
                {
                    Tag = parse.GetValue(tag),
                    ItemId = itemId,
                    OnlySuspended = parse.GetValue(suspended),
                    IncludeSuspended = true,
                    Limit = parse.GetValue(limit),
                }, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json([.. cards.Select(MemoryFormat.ToJson)], MemoryJson.Relaxed.CardJsonArray);
                return ExitCodes.Success;
            }

            if (cards.Count == 0)
            {
                Terminal.Line("no cards");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "deck", "state", "due", "front");
            foreach (var card in cards)
            {
                table.AddRow(card.Id, Terminal.Escape(card.Deck ?? "-"), MemoryFormat.State(card), card.Memory.Due.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    Terminal.Escape(MemoryFormat.OneLine(ClozeText.Mask(card.Front), 60)));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Generate()
    {
        var tag = new Option<string?>("--tag") { Description = "Make cards from the items with this tag" };
        var item = new Option<string?>("--item") { Description = "Make cards from this item" };
        var max = new Option<int>("--max") { Description = "Most cards", DefaultValueFactory = _ => 20 };
        var yes = new Option<bool>("--yes", "-y") { Description = "Save without asking" };
        var classical = new Option<bool>("--classical") { Description = "Cloze cards from key sentences even when a chat model is configured" };
        var command = new Command("generate", "Generate cards (question–answer with a chat model, else cloze from key sentences); preview, then save on confirmation")
        {
            tag, item, max, yes, classical,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(tag) is null && parse.GetValue(item) is null)
            {
                throw new UsageException("give --tag or --item");
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            CardGenerationPreview preview;
            try
            {
                preview = await kb.DraftCardsAsync(new CardGenerationRequest(parse.GetValue(tag), parse.GetValue(item), Math.Max(1, parse.GetValue(max)), !parse.GetValue(classical)), cancellationToken);
            }
            catch (KeyNotFoundException exception)
            {
                Terminal.Error(exception.Message);
                return ExitCodes.Failed;
            }

            var json = parse.GetValue(GlobalOptions.Json);
            foreach (var notice in preview.Notices)
            {
                Terminal.Error(notice);
            }

            if (!json)
            {
                Terminal.Line($"{preview.Drafts.Count} card(s), {preview.Method}:");
                foreach (var (draft, index) in preview.Drafts.Select((draft, index) => (draft, index + 1)))
                {
                    Terminal.Line($"{index,3}. {MemoryFormat.OneLine(ClozeText.Mask(draft.Front), 100)}");
                    Terminal.Line($"     → {MemoryFormat.OneLine(draft.Kind == CardKind.Cloze ? string.Join(", ", ClozeText.Answers(draft.Front)) : draft.Back, 100)}   [{draft.ItemId}]");
                }
            }

            var save = preview.Drafts.Count > 0 && (parse.GetValue(yes) || (!json && Confirm()));
            var saved = save ? await kb.SaveDraftsAsync(preview.Drafts, cancellationToken) : [];
            if (json)
            {
                Terminal.Json(new CardGenerationJson(preview.Method, [.. preview.Drafts.Select(d => new CardDraftJson(d.Kind.ToString().ToLowerInvariant(), d.Front, d.Back, d.ItemId, d.Passage, d.SpanStart, d.SpanEnd))],
                    saved.Count, [.. preview.Notices]), MemoryJson.Relaxed.CardGenerationJson);
            }
            else
            {
                Terminal.Line(save ? $"saved {saved.Count} card(s); `strata review` to start" : "nothing saved");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool Confirm()
    {
        Terminal.Line("save these cards? [y/N]");
        var answer = KeyInput.ReadLine();
        return answer?.Trim().StartsWith('y') == true || answer?.Trim().StartsWith('Y') == true;
    }

    private static Command Export()
    {
        var format = new Option<string>("--format") { Description = "tsv or csv (both import into Anki: File → Import)", DefaultValueFactory = _ => "tsv" };
        var tag = new Option<string?>("--tag", "--deck") { Description = "Only this deck/tag" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (default: standard output)" };
        var command = new Command("export", "Export cards as an Anki-importable TSV or CSV file") { format, tag, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var separator = Separator(parse.GetValue(format)!);
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var (text, count) = await kb.ExportCardsAsync(new CardFilter { Tag = parse.GetValue(tag), IncludeSuspended = true }, separator, cancellationToken);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken);
                Terminal.Error($"exported {count} card(s) to {path}");
            }
            else
            {
                Console.Out.Write(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "An Anki text file (TSV/CSV; Strata's export or Anki's \"Notes in plain text\")" };
        var format = new Option<string?>("--format") { Description = "tsv or csv when the file has no #separator header (default: by extension)" };
        var command = new Command("import", "Import cards from an Anki text file (they start as new cards)") { file, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                Terminal.Error($"no such file: {path}");
                return ExitCodes.Failed;
            }

            var separator = Separator(parse.GetValue(format) ?? (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "tsv"));
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var report = await kb.ImportCardsAsync(await File.ReadAllTextAsync(path, cancellationToken), separator, cancellationToken);
            foreach (var problem in report.Problems)
            {
                Terminal.Error(problem);
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new CardImportJson(report.Added, report.Duplicates, [.. report.Problems]), MemoryJson.Relaxed.CardImportJson);
            }
            else
            {
                Terminal.Line($"imported {report.Added} card(s); {report.Duplicates} already present; {report.Problems.Count} row(s) skipped");
            }

            return report.Problems.Count > 0 && report.Added == 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    private static char Separator(string format) => format.ToLowerInvariant() switch
    {
        "tsv" or "tab" => '\t',
        "csv" or "comma" => ',',
        _ => throw new UsageException($"unknown format '{format}': use tsv or csv"),
    };
}
