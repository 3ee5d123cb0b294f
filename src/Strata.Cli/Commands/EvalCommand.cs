using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Search;
using Strata.Hosting.Retrieval;

namespace Strata.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "A BEIR data set: corpus.jsonl, queries.jsonl, qrels/test.tsv" };
        var mode = new Option<string>("--mode") { Description = "keyword | semantic | hybrid", DefaultValueFactory = _ => "keyword" };
        mode.AcceptOnlyFromAmong("keyword", "semantic", "hybrid");
        var retrieval = new Command("retrieval", "Index a BEIR data set into a temporary base and print nDCG@10, Recall@100 and MRR@10 (as BEIR/pytrec_eval compute them)") { directory, mode };
        retrieval.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(directory)!;
            if (!Directory.Exists(path))
            {
                throw new UsageException($"no such folder: {path}");
            }

            var settings = GlobalOptions.LoadOptions(parse);
            var json = parse.GetValue(GlobalOptions.Json);
            RetrievalReport report;
            try
            {
                report = await RetrievalEvaluator.RunAsync(path, Enum.Parse<SearchMode>(parse.GetValue(mode)!, ignoreCase: true), settings,
                    json ? null : new Progress<string>(step => Terminal.Error(step)), cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidDataException or FileNotFoundException)
            {
                Terminal.Error(exception.Message);
                return ExitCodes.Failed;
            }

            if (json)
            {
                Terminal.Json(new EvalJson(report.DataSet, report.Mode.ToString().ToLowerInvariant(), report.Documents, report.Queries, Math.Round(report.NdcgAt10, 4),
                    Math.Round(report.RecallAt100, 4), Math.Round(report.MrrAt10, 4), Math.Round(report.IndexSeconds, 2), Math.Round(report.EmbedSeconds, 2),
                    Math.Round(report.MeanQueryMilliseconds, 2), report.Model, report.Notice), CliJson.Relaxed.EvalJson);
                return ExitCodes.Success;
            }

            if (report.Notice is not null)
            {
                Terminal.Error(report.Notice);
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("data set", "mode", "docs", "queries", "nDCG@10", "Recall@100", "MRR@10", "ms/query");
            table.AddRow(Terminal.Escape(report.DataSet), report.Mode.ToString().ToLowerInvariant() + (report.Model is null ? string.Empty : $" ({Terminal.Escape(report.Model)})"),
                report.Documents.ToString("N0", CultureInfo.InvariantCulture), report.Queries.ToString("N0", CultureInfo.InvariantCulture),
                F(report.NdcgAt10), F(report.RecallAt100), F(report.MrrAt10), report.MeanQueryMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return new Command("eval", "Measure quality on public data sets: retrieval (BEIR) and classification (labelled folders)") { retrieval, EvalClassifyCommand.Create() };
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
