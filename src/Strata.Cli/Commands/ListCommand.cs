using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Cli.Commands;

internal static class ListCommand
{
    public static Command Create()
    {
        var kind = new Option<string?>("--kind") { Description = "Only this kind: article, paper, note, file, bookmark, feedentry" };
        var tag = new Option<string[]>("--tag", "-t") { Description = "Only items with this tag (repeatable; a tag includes its children)" };
        var since = new Option<string?>("--since") { Description = "Only items collected since a date (2026-01-31) or a span ago (7d, 24h, 2w)" };
        var failed = new Option<bool>("--failed") { Description = "Only items whose processing failed, with the reason" };
        var limit = new Option<int>("--limit", "-n") { Description = "Most items to show", DefaultValueFactory = _ => 50 };
        var all = new Option<bool>("--all") { Description = "Also list near-duplicates folded into another item" };
        var command = new Command("list", "List items, newest first") { kind, tag, since, failed, limit, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = new ItemFilter
            {
                Kinds = parse.GetValue(kind) is { } k ? [ParseKind(k)] : [],
                Tags = parse.GetValue(tag) ?? [],
                After = parse.GetValue(since) is { } s ? TimeSpans.ParseSince(s, TimeProvider.System.GetUtcNow()) : null,
                FailedOnly = parse.GetValue(failed),
                IncludeDuplicates = parse.GetValue(all),
                Limit = Math.Max(1, parse.GetValue(limit)),
            };
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var items = await kb.ListAsync(filter, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(items.Select(item => new ListEntryJson(item.Id, item.DisplayTitle, item.Url, item.SourcePath, item.Kind.ToString().ToLowerInvariant(),
                    item.State.ToString().ToLowerInvariant(), item.Language, item.CollectedAt, item.Tags.ToArray(), item.Error)).ToArray(), CliJson.Relaxed.ListEntryJsonArray);
                return ExitCodes.Success;
            }

            if (items.Count == 0)
            {
                Terminal.Line(filter.FailedOnly ? "no failed items" : "no items");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "title", "kind", "lang", "collected", filter.FailedOnly ? "error" : "tags");
            foreach (var item in items)
            {
                table.AddRow(
                    $"[grey]{item.Id}[/]",
                    Terminal.Escape(item.DisplayTitle),
                    item.Kind.ToString().ToLowerInvariant(),
                    Terminal.Escape(item.Language ?? "-"),
                    item.CollectedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    filter.FailedOnly ? $"[red]{Terminal.Escape(item.Error)}[/]" : Terminal.Escape(string.Join(", ", item.Tags)));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    public static ItemKind ParseKind(string text) =>
        Enum.TryParse<ItemKind>(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind)
            ? kind
            : throw new UsageException($"unknown kind '{text}'; use one of: {string.Join(", ", Enum.GetNames<ItemKind>().Select(name => name.ToLowerInvariant()))}");
}
