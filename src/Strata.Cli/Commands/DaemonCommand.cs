using System.CommandLine;
using System.Runtime.InteropServices;
using Strata.Cli.Output;
using Strata.Hosting;
using Strata.Hosting.Daemon;

namespace Strata.Cli.Commands;

internal static class DaemonCommand
{
    public static Command Create()
    {
        var command = new Command("daemon", "Run in the foreground: collect from sources on their schedules, watch folders, process the queue (stop with SIGTERM or Ctrl+C)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            await using var kb = await KnowledgeBase.OpenAsync(GlobalOptions.DataDirectory(parse), console: Terminal.Line, cancellationToken: CancellationToken.None);
            try
            {
                await new StrataDaemon(kb, TimeProvider.System).RunAsync(stop.Token);
            }
            catch (InvalidOperationException exception) when (exception.Message.StartsWith("another Strata daemon", StringComparison.Ordinal))
            {
                Terminal.Error(exception.Message);
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
