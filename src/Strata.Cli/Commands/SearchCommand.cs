using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Hosting;
using Strata.Hosting.Retrieval;

namespace Strata.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query") { Description = "Words, \"a phrase\", -excluded, tag:x category:y kind:file lang:zh after:2026-01-01 before:… source:… is:unread", Arity = ArgumentArity.ZeroOrMore };
        var limit = new Option<int>("--limit", "-n") { Description = "Most results to show", DefaultValueFactory = _ => 10 };
        var all = new Option<bool>("--all") { Description = "Also show near-duplicates folded into another item" };
        var mode = new Option<string>("--mode") { Description = "keyword | semantic | hybrid (default: hybrid when passages are embedded, else keyword)" };
        mode.AcceptOnlyFromAmong("keyword", "semantic", "hybrid", "auto");
        var facets = new Option<bool>("--facets") { Description = "Also count tags, kinds, sources and languages among the candidates" };
        var like = new Option<string>("--like") { Description = "More like this: items similar to the item with this id (the query then only filters)" };
        var command = new Command("search", "Search the knowledge base: keywords (BM25), meaning (embeddings), or both fused") { query, limit, mode, facets, like, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = string.Join(' ', parse.GetValue(query) ?? []);
            var count = parse.GetValue(limit);
            var likeId = parse.GetValue(like);
            if (count < 1)
            {
                throw new UsageException("--limit must be at least 1");
            }

            if (string.IsNullOrWhiteSpace(text) && likeId is null)
            {
                throw new UsageException("give a query, or --like <id>");
            }

            var options = new SearchOptions
            {
                Mode = Enum.Parse<SearchMode>(parse.GetValue(mode) ?? "auto", ignoreCase: true),
                Limit = count,
                Facets = parse.GetValue(facets),
                LikeId = likeId,
                IncludeDuplicates = parse.GetValue(all),
            };
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            SearchResponse response;
            try
            {
                response = await kb.SearchAsync(text, options, cancellationToken);
            }
            catch (KeyNotFoundException exception)
            {
                throw new UsageException(exception.Message);
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                WriteJson(response, options.Facets);
                return ExitCodes.Success;
            }

            if (response.Notice is not null)
            {
                Terminal.Error(response.Notice);
            }

            if (response.Results.Count == 0)
            {
                Terminal.Line(likeId is null ? $"no results for: {text}" : $"nothing similar to {likeId}");
            }
            else
            {
                WriteTable(response);
            }

            if (response.Facets is { } counted)
            {
                WriteFacets(counted);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(SearchResponse response, bool withFacets)
    {
        var results = response.Results.Select(result => new SearchResultJson(
            result.Item.Id, result.Item.DisplayTitle, result.Item.Url, result.Item.SourcePath, result.Item.Kind.ToString().ToLowerInvariant(), result.Item.Language,
            SourceOf(result.Item), result.Item.CollectedAt, result.Item.PublishedAt, Math.Round(result.Score, 4),
            KnowledgeBase.RenderSnippet(result.Snippet, "**", "**"), result.Item.Tags.ToArray())
        {
            Passages = result.Passages.Select(passage => new PassageJson(passage.Ordinal, passage.Start, passage.Length, passage.Page, Math.Round(passage.Score, 4), KnowledgeBase.RenderSnippet(passage.Snippet, "**", "**"))).ToArray(),
        }).ToArray();
        if (!withFacets)
        {
            Terminal.Json(results, CliJson.Relaxed.SearchResultJsonArray);
            return;
        }

        var facets = response.Facets ?? SearchFacets.Empty;
        Terminal.Json(new SearchResponseJson(response.Mode.ToString().ToLowerInvariant(), results,
            new FacetsJson(Facets(facets.Tags), Facets(facets.Kinds), Facets(facets.Sources), Facets(facets.Languages)), response.Notice), CliJson.Relaxed.SearchResponseJson);
    }

    private static FacetJson[] Facets(IReadOnlyList<FacetCount> counts) => counts.Select(count => new FacetJson(count.Value, count.Count)).ToArray();

    private static void WriteTable(SearchResponse response)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand().AddColumn("#").AddColumn("title / snippet").AddColumn("source").AddColumn("date");
        var rank = 1;
        foreach (var result in response.Results)
        {
            var snippet = Terminal.Highlight(KnowledgeBase.RenderSnippet(result.Snippet, "\u0002", "\u0003"), "\u0002", "\u0003");
            var page = result.Passages.Count > 0 && result.Passages[0].Page is { } number ? $"  [grey]p. {number}[/]" : string.Empty;
            table.AddRow(
                new Markup((rank++).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup($"[bold]{Terminal.Escape(result.Item.DisplayTitle)}[/]  [grey]{result.Item.Id}[/]{page}\n{snippet}"),
                new Markup(Terminal.Escape(SourceOf(result.Item))),
                new Markup((result.Item.PublishedAt ?? result.Item.CollectedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Terminal.Write(table);
    }

    private static void WriteFacets(SearchFacets facets)
    {
        foreach (var (name, counts) in new[] { ("tags", facets.Tags), ("kinds", facets.Kinds), ("sources", facets.Sources), ("languages", facets.Languages) })
        {
            if (counts.Count > 0)
            {
                Terminal.Line($"{name}: " + string.Join(", ", counts.Select(count => $"{count.Value} ({count.Count})")));
            }
        }
    }

    public static string SourceOf(ItemSummary item) =>
        item.SiteName ?? (Uri.TryCreate(item.Url, UriKind.Absolute, out var url) ? url.Host : null) ?? (item.SourcePath is null ? item.Kind.ToString().ToLowerInvariant() : Path.GetFileName(Path.GetDirectoryName(item.SourcePath)) ?? "file");
}
