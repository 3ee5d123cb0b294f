using System.CommandLine;
using Strata.Cli.Output;
using Strata.Core.Pipeline;
using Strata.Core.Sources;

namespace Strata.Cli.Commands;

internal static class CollectCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("source-id") { Description = "Run only this source, now (default: every source that is due)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("collect", "Run due sources once and process what they bring, then exit (for cron)") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(id) is { } one)
            {
                return await RunOneAsync(parse, one, cancellationToken);
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var (runs, pipeline) = await kb.CollectDueAsync(null, cancellationToken);
            return Print(parse, runs, pipeline);
        });
        return command;
    }

    public static async Task<int> RunOneAsync(ParseResult parse, string id, CancellationToken cancellationToken)
    {
        await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
        var outcome = await kb.RunSourceAsync(id, cancellationToken);
        if (outcome is not var (source, sourceRun, pipeline))
        {
            Terminal.Error($"no source matches '{id}'");
            return ExitCodes.Failed;
        }

        return Print(parse, [(source, sourceRun)], pipeline);
    }

    private static int Print(ParseResult parse, IReadOnlyList<(Source Source, SourceRunResult Run)> runs, PipelineReport pipeline)
    {
        if (parse.GetValue(GlobalOptions.Json))
        {
            Terminal.Json(new CollectJson(
                runs.Select(run => new SourceRunJson(run.Source.Id, run.Source.DisplayName, run.Run.New, run.Run.Updated, run.Run.Unchanged, run.Run.Failed,
                    Math.Round(run.Run.Duration.TotalSeconds, 3), run.Run.Error)).ToArray(),
                pipeline.Processed,
                pipeline.Failures.Select(failure => new IngestEntryJson(failure.Origin, "failed", failure.ItemId, null, $"{failure.Step}: {failure.Message}")).ToArray()), CliJson.Relaxed.CollectJson);
        }
        else
        {
            if (runs.Count == 0)
            {
                Terminal.Line("no source is due");
            }

            foreach (var (source, result) in runs)
            {
                Terminal.Line(result.Error is null
                    ? $"{source.DisplayName}: new {result.New}, updated {result.Updated}, unchanged {result.Unchanged}, failed {result.Failed} ({result.Duration.TotalSeconds:0.0} s)"
                    : $"{source.DisplayName}: FAILED: {result.Error}");
            }

            foreach (var failure in pipeline.Failures)
            {
                Terminal.Error($"failed: {failure.Origin}: {failure.Step}: {failure.Message}");
            }

            if (pipeline.Processed > 0)
            {
                Terminal.Line($"processed {pipeline.Processed} item(s)");
            }
        }

        return runs.Any(run => run.Run.Error is not null || run.Run.Failed > 0) || pipeline.Failures.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }
}
