using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Hosting;
using Strata.Hosting.Retrieval;
using Strata.Semantic.Embeddings;

namespace Strata.Cli.Commands;

internal static class EmbedCommand
{
    public static Command Create()
    {
        var command = new Command("embed", "Embed every passage the configured model has no vector for (batched, retried, resumable; cached by text and model)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var json = parse.GetValue(GlobalOptions.Json);
            EmbedReport report;
            try
            {
                report = json || !Terminal.IsInteractive
                    ? await kb.EmbedAsync(null, cancellationToken)
                    : await WithProgressAsync(kb, cancellationToken);
            }
            catch (EmbeddingException exception)
            {
                Terminal.Error(exception.Message);
                return ExitCodes.Failed;
            }

            var counts = await kb.CountChunksAsync(report.Model, cancellationToken);
            if (json)
            {
                Terminal.Json(new EmbedJson(report.Model, report.ItemsChunked, report.Embedded, report.AlreadyEmbedded, report.InputTokens, counts.Chunks, counts.EmbeddedChunks, report.Error), CliJson.Relaxed.EmbedJson);
                return report.Error is null ? ExitCodes.Success : ExitCodes.Failed;
            }

            if (report.ItemsChunked > 0)
            {
                Terminal.Line($"cut {report.ItemsChunked:N0} item(s) into passages");
            }

            if (report.Model is null)
            {
                Terminal.Error(report.Error ?? KnowledgeBase.NoModelMessage);
                return ExitCodes.Failed;
            }

            Terminal.Line($"{report.Model}: embedded {report.Embedded:N0} passage(s), {report.AlreadyEmbedded:N0} already cached; {counts.EmbeddedChunks:N0} of {counts.Chunks:N0} passages have vectors" +
                (report.InputTokens > 0 ? $" ({report.InputTokens:N0} tokens)" : string.Empty));
            if (report.Error is not null)
            {
                Terminal.Error($"stopped: {report.Error} (what was embedded is kept; run `strata embed` again to continue)");
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Task<EmbedReport> WithProgressAsync(KnowledgeBase kb, CancellationToken cancellationToken) =>
        AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("embedding", maxValue: 1);
            var progress = new Progress<EmbedProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            return await kb.EmbedAsync(progress, cancellationToken);
        });
}
