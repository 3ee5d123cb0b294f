using System.CommandLine;
using System.Runtime.InteropServices;
using Strata.Cli.Output;
using Strata.Hosting.Queue;

namespace Strata.Cli.Commands;

/// <summary><c>strata worker</c>: processes the queue without the web server; on PostgreSQL, run as many as you like.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Exit once no job is pending or leased (otherwise run until SIGTERM or Ctrl+C)" };
        var idle = new Option<double>("--idle") { Description = "Seconds to wait when nothing is due", DefaultValueFactory = _ => 2 };
        var command = new Command("worker", "Process the job queue without the web server (on PostgreSQL many workers run at once)") { untilEmpty, idle };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            var seconds = parse.GetValue(idle);
            if (seconds is <= 0 or > 3600)
            {
                Terminal.Error("--idle must be between 0 and 3600 seconds");
                return ExitCodes.Usage;
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, CancellationToken.None);
            var processed = await new QueueWorker(kb, TimeProvider.System).RunAsync(parse.GetValue(untilEmpty), TimeSpan.FromSeconds(seconds), stop.Token);
            Terminal.Line($"worker stopped: processed {processed} item(s) on {kb.StoreDescription.Provider}");
            return ExitCodes.Success;
        });
        return command;
    }
}
