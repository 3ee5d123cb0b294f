using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class SummarizeCommand
{
    public static Command Create()
    {
        var target = new Argument<string[]>("id-or-query") { Description = "An item id (or prefix) to summarize it, or a search query to summarize what it finds", Arity = ArgumentArity.ZeroOrMore };
        var regenerate = new Option<bool>("--regenerate") { Description = "Make the item's summary again instead of showing the stored one" };
        var missing = new Option<bool>("--missing") { Description = "Summarize items without a summary (with the model when one is configured)" };
        var tag = new Option<string[]>("--tag", "-t") { Description = "Summarize items with this tag (repeatable)" };
        var since = new Option<string?>("--since") { Description = "Summarize items collected since a date or a span ago (7d, 24h)" };
        var limit = new Option<int>("--limit", "-n") { Description = "Most items in a set summary, or summarized by --missing", DefaultValueFactory = _ => 20 };
        var command = new Command("summarize", "Summarize an item, or a set of items with numbered citations") { target, regenerate, missing, tag, since, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var json = parse.GetValue(GlobalOptions.Json);
            var words = parse.GetValue(target) ?? [];
            var tags = parse.GetValue(tag) ?? [];
            var after = parse.GetValue(since) is { } s ? TimeSpans.ParseSince(s, TimeProvider.System.GetUtcNow()) : (DateTimeOffset?)null;
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            if (parse.GetValue(missing))
            {
                var report = await kb.SummarizeMissingAsync(Math.Max(1, parse.GetValue(limit)), null, cancellationToken);
                if (json)
                {
                    Terminal.Json(new MissingSummariesJson(report.Summarized, report.Abstractive, report.Extractive, report.Failures.ToArray(), report.Notice), ModelJson.Relaxed.MissingSummariesJson);
                }
                else
                {
                    Notice(report.Notice);
                    Terminal.Line($"summarized {report.Summarized} item(s): {report.Abstractive} abstractive, {report.Extractive} extractive");
                }

                foreach (var failure in report.Failures)
                {
                    Terminal.Error($"failed: {failure}");
                }

                return report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
            }

            if (words.Length == 1 && tags.Length == 0 && after is null && words[0].Length >= 6 && await kb.ResolveIdAsync(words[0], cancellationToken) is not null)
            {
                var outcome = (await kb.SummarizeItemAsync(words[0], parse.GetValue(regenerate), cancellationToken))!;
                var summary = outcome.Summary;
                if (json)
                {
                    Terminal.Json(new SummaryJson(summary.ItemId, summary.Method, summary.Model, summary.Text, summary.KeyPoints.ToArray(), summary.CreatedAt, outcome.Notice), ModelJson.Relaxed.SummaryJson);
                    return ExitCodes.Success;
                }

                Notice(outcome.Notice);
                Terminal.Line(summary.Text);
                if (summary.KeyPoints.Count > 0 && summary.Method == Core.Summaries.SummaryMethods.Abstractive)
                {
                    Terminal.Line();
                    foreach (var point in summary.KeyPoints)
                    {
                        Terminal.Line("- " + point);
                    }
                }

                Terminal.Line();
                Terminal.Line($"({summary.Method}{(summary.Model is null ? string.Empty : ", " + summary.Model)}, {summary.CreatedAt:yyyy-MM-dd HH:mm} UTC)");
                return ExitCodes.Success;
            }

            if (words.Length == 0 && tags.Length == 0 && after is null)
            {
                throw new UsageException("give an item id, a query, --tag, --since or --missing");
            }

            var set = await kb.SummarizeSetAsync(words.Length == 0 ? null : string.Join(' ', words), tags, after, parse.GetValue(limit), cancellationToken);
            if (set is null)
            {
                Terminal.Line("no items match");
                return ExitCodes.Success;
            }

            if (json)
            {
                Terminal.Json(new SetSummaryJson(set.Text, set.Method, set.Model, set.Sources.Select(x => new SetSourceJson(x.Number, x.ItemId, x.Title, x.Url, x.Path)).ToArray(), set.Notice), ModelJson.Relaxed.SetSummaryJson);
                return ExitCodes.Success;
            }

            Notice(set.Notice);
            if (set.Method == Core.Summaries.SummaryMethods.Extractive)
            {
                Terminal.Line("Extractive summary (no chat model): sentences chosen from the items' summaries.");
                Terminal.Line();
            }

            Terminal.Line(set.Text);
            Terminal.Line();
            foreach (var source in set.Sources)
            {
                Terminal.Line($"[{source.Number}] {source.Title} — {source.Url ?? source.Path ?? source.ItemId} ({source.ItemId})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Notice(string? notice)
    {
        if (notice is not null)
        {
            Terminal.Error(notice);
        }
    }
}
