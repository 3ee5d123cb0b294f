using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;

namespace Strata.Cli.Commands;

internal static class DemoCommand
{
    private static readonly string[] Queries = ["knowledge base", "知识库", "spaced repetition"];

    public static Command Create()
    {
        var command = new Command("demo", "Ingest the bundled sample corpus (English and Chinese; Markdown, HTML, PDF, text) into a new temporary base, then search it and show an item");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var samples = Path.Combine(AppContext.BaseDirectory, "Samples");
            if (!Directory.Exists(samples))
            {
                Terminal.Error($"the sample corpus is missing from {samples}; rebuild with ./strata");
                return ExitCodes.Failed;
            }

            var root = parse.GetValue(GlobalOptions.Data) ?? Path.Combine(Path.GetTempPath(), $"strata-demo-{TimeProvider.System.GetUtcNow():yyyyMMdd-HHmmss}");
            var data = new DataDirectory(root);
            Terminal.Ansi.Write(new Rule("[bold]Strata demo[/]").LeftJustified());
            Terminal.Line($"data directory: {data.Root}");
            Terminal.Line($"$ strata add {samples}");
            await using var kb = await KnowledgeBase.OpenAsync(data, cancellationToken: cancellationToken);
            var report = await IngestPrinter.RunWithProgressAsync(progress => kb.AddAsync([samples], new AddOptions { Tags = ["sample"] }, progress, cancellationToken));
            var exit = IngestPrinter.Print(report, json: false);
            foreach (var query in Queries)
            {
                Terminal.Line();
                Terminal.Line($"$ strata search \"{query}\"");
                var results = await kb.SearchAsync(query, 3, cancellationToken);
                foreach (var (result, rank) in results.Select((result, index) => (result, index + 1)))
                {
                    var snippet = Terminal.Highlight(KnowledgeBase.RenderSnippet(result.Snippet, "\u0002", "\u0003"), "\u0002", "\u0003");
                    Terminal.Ansi.MarkupLine($"{rank}. [bold]{Terminal.Escape(result.Item.DisplayTitle)}[/] [grey]({result.Item.Id}, {Terminal.Escape(result.Item.Language ?? "?")})[/]");
                    Terminal.Ansi.MarkupLine($"   [grey]{snippet}[/]");
                }
            }

            var first = (await kb.SearchAsync(Queries[0], 1, cancellationToken)).FirstOrDefault();
            if (first is not null && await kb.GetAsync(first.Item.Id, cancellationToken) is { } item)
            {
                Terminal.Line();
                Terminal.Line($"$ strata show {item.Id}");
                Terminal.Ansi.MarkupLine($"[bold]{Terminal.Escape(item.DisplayTitle)}[/]  [grey]{item.Kind.ToString().ToLowerInvariant()} · {Terminal.Escape(item.Language)} · {item.WordCount} words · tags: {Terminal.Escape(string.Join(", ", item.Tags.Select(tag => tag.Name)))}[/]");
                foreach (var line in (item.Text ?? string.Empty).Split('\n').Where(line => line.Trim().Length > 0).Take(6))
                {
                    Terminal.Line("  " + line);
                }
            }

            Terminal.Line();
            Terminal.Line($"Explore it: ./strata --data {data.Root} search \"<words>\"   (or list, show <id>, stats)");
            return exit;
        });
        return command;
    }
}
