using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Hosting.Usage;

namespace Strata.Cli.Commands;

internal static class UsageCommand
{
    public static Command Create()
    {
        var since = new Option<string>("--since") { Description = "A date or a span ago", DefaultValueFactory = _ => "30d" };
        var by = new Option<string>("--by") { Description = "Group by purpose, model or day", DefaultValueFactory = _ => "purpose" };
        by.AcceptOnlyFromAmong("purpose", "model", "day");
        var command = new Command("usage", "Model tokens and cost from the ledger, with today's budgets") { since, by };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var start = TimeSpans.ParseSince(parse.GetValue(since)!, TimeProvider.System.GetUtcNow());
            var grouping = Enum.Parse<UsageGrouping>(parse.GetValue(by)!, ignoreCase: true);
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var report = await kb.GetUsageAsync(start, grouping, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                static UsageRowJson Row(UsageRow r) => new(r.Key, r.Calls, r.CachedCalls, r.InputTokens, r.OutputTokens, r.Cost, Math.Round(r.Latency.TotalSeconds, 3));
                Terminal.Json(new UsageJson(report.Since, grouping.ToString().ToLowerInvariant(), report.Rows.Select(Row).ToArray(), Row(report.Total),
                    report.BudgetsToday.Select(pair => new BudgetJson(pair.Key, pair.Value.Used, pair.Value.Budget)).ToArray()), ModelJson.Relaxed.UsageJson);
                return ExitCodes.Success;
            }

            if (report.Total.Calls == 0)
            {
                Terminal.Line($"no model calls since {report.Since:yyyy-MM-dd}" + (kb.HasChatModel ? string.Empty : " (no chat model is configured)"));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns(grouping.ToString().ToLowerInvariant(), "calls", "cached", "input", "output", "cost", "time");
            foreach (var row in report.Rows.Append(report.Total))
            {
                table.AddRow(Terminal.Escape(row.Key), N(row.Calls), N(row.CachedCalls), N(row.InputTokens), N(row.OutputTokens),
                    row.Cost.ToString("0.####", CultureInfo.InvariantCulture), $"{row.Latency.TotalSeconds:F1} s");
            }

            Terminal.Write(table);
            var chart = new BarChart().Width(60).Label("tokens");
            foreach (var row in report.Rows)
            {
                chart.AddItem(Terminal.Escape(row.Key), row.TotalTokens, Color.Teal);
            }

            Terminal.Write(chart);
            foreach (var (purpose, (used, budget)) in report.BudgetsToday)
            {
                Terminal.Line($"budget {purpose} today: {used:N0} of {budget:N0} tokens" + (used >= budget ? " — spent; classical methods until tomorrow (UTC)" : string.Empty));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
