using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Hosting;

namespace Strata.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query") { Description = "Words, \"a phrase\", -excluded, tag:x kind:file lang:zh after:2026-01-01 before:… source:…", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit", "-n") { Description = "Most results to show", DefaultValueFactory = _ => 10 };
        var all = new Option<bool>("--all") { Description = "Also show near-duplicates folded into another item" };
        var command = new Command("search", "Search the knowledge base (BM25 over title, text and tags; Chinese, Japanese and Korean supported)") { query, limit, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = string.Join(' ', parse.GetValue(query) ?? []);
            var count = parse.GetValue(limit);
            if (count < 1)
            {
                throw new UsageException("--limit must be at least 1");
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var results = await kb.SearchAsync(text, count, parse.GetValue(all), cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(results.Select(result => new SearchResultJson(
                    result.Item.Id, result.Item.DisplayTitle, result.Item.Url, result.Item.SourcePath, result.Item.Kind.ToString().ToLowerInvariant(), result.Item.Language,
                    SourceOf(result.Item), result.Item.CollectedAt, result.Item.PublishedAt, Math.Round(result.Score, 4),
                    KnowledgeBase.RenderSnippet(result.Snippet, "**", "**"), result.Item.Tags.ToArray())).ToArray(), CliJson.Relaxed.SearchResultJsonArray);
                return ExitCodes.Success;
            }

            if (results.Count == 0)
            {
                Terminal.Line($"no results for: {text}");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).Expand().AddColumn("#").AddColumn("title / snippet").AddColumn("source").AddColumn("date");
            var rank = 1;
            foreach (var result in results)
            {
                var snippet = Terminal.Highlight(KnowledgeBase.RenderSnippet(result.Snippet, "\u0002", "\u0003"), "\u0002", "\u0003");
                table.AddRow(
                    new Markup((rank++).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Markup($"[bold]{Terminal.Escape(result.Item.DisplayTitle)}[/]  [grey]{result.Item.Id}[/]\n{snippet}"),
                    new Markup(Terminal.Escape(SourceOf(result.Item))),
                    new Markup((result.Item.PublishedAt ?? result.Item.CollectedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string SourceOf(Core.Storage.ItemSummary item) =>
        item.SiteName ?? (Uri.TryCreate(item.Url, UriKind.Absolute, out var url) ? url.Host : null) ?? (item.SourcePath is null ? item.Kind.ToString().ToLowerInvariant() : Path.GetFileName(Path.GetDirectoryName(item.SourcePath)) ?? "file");
}
