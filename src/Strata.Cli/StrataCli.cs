using System.CommandLine;
using Strata.Cli.Commands;
using Strata.Cli.Output;

namespace Strata.Cli;

/// <summary>Builds the command tree and runs it: exit 0 when everything succeeded, 1 when something failed, 2 for usage errors.</summary>
public static class StrataCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Strata: a personal knowledge base that collects, archives, extracts and searches what you read.");
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Json);
        foreach (var command in new[]
        {
            InitCommand.Create(), AddCommand.Create(), ExtractCommand.Create(), SearchCommand.Create(), ListCommand.Create(),
            ShowCommand.Create(), TagCommand.Create(), DeleteCommand.Create(), ReprocessCommand.Create(), ReindexCommand.Create(), RetryCommand.Create(),
            CheckCommand.Create(), StatsCommand.Create(), DoctorCommand.Create(), WorkerCommand.Create(), MigrateCommand.Create(), SourceCommand.Create(), CollectCommand.Create(), DaemonCommand.Create(),
            ImportCommand.Create(), ExportCommand.Create(), VersionsCommand.Create(), DiffCommand.Create(), DemoCommand.Create(), EvalCommand.Create(),
            TagsCommand.Create(), ReviewTagsCommand.Create(), RuleCommand.Create(), WhyCommand.Create(), TrainCommand.Create(), CategoryCommand.Create(), AutotagCommand.Create(), DupesCommand.Create(), RelatedCommand.Create(),
            EmbedCommand.Create(), ServeCommand.Create(), McpCommand.Create(), TokenCommand.Create(), PasswordCommand.Create(),
            SummarizeCommand.Create(), AskCommand.Create(), DigestCommand.Create(), DigestCommand.CreateList(), PodcastCommand.Create(), UsageCommand.Create(), MarkCommand.Create(),
            CardCommand.Create(), CardsCommand.Create(), ReviewCommand.Create(), QuizCommand.Create(), LearnCommand.Create(), ProgressCommand.Create(),
        })
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Terminal.Error(error.Message);
            }

            Terminal.Error("Run 'strata --help' for usage.");
            return ExitCodes.Usage;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Terminal.Error("cancelled; everything already stored is kept and the queue resumes on the next run");
            return ExitCodes.Failed;
        }
        catch (Strata.Hosting.AmbiguousIdException exception)
        {
            Terminal.Error(exception.Message);
            return ExitCodes.Usage;
        }
        catch (Strata.Core.Storage.KeywordIndexUnavailableException exception)
        {
            Terminal.Error(exception.Message);
            return ExitCodes.Failed;
        }
        catch (UsageException exception)
        {
            Terminal.Error(exception.Message);
            return ExitCodes.Usage;
        }
        catch (InvalidOperationException exception) when (exception.Message.StartsWith("invalid configuration", StringComparison.Ordinal))
        {
            Terminal.Error(exception.Message);
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Environment problems (disk full, permissions, a locked or damaged database): one clear line, no stack trace.
            Terminal.Error($"{exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Failed;
        }
    }
}
