using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Strata.Cli.Output;
using Microsoft.Extensions.Hosting;
using Strata.Hosting;
using Strata.Hosting.Daemon;
using Strata.Hosting.Queue;
using Strata.Web;

namespace Strata.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default: Web.Urls, http://127.0.0.1:5080). Anything but loopback needs a password or API token." };
        var withDaemon = new Option<bool>("--with-daemon") { Description = "Also collect from sources, watch folders and send digests in this process" };
        var withWorker = new Option<bool>("--with-worker") { Description = "Also work the job queue continuously in this process, like `strata worker` beside it (config: Web.WithWorker)" };
        var webOnly = new Option<bool>("--web-only") { Description = "Never work the job queue here: what is added is queued for `strata worker` processes (config: Web.WebOnly)" };
        var command = new Command("serve", "Run the web UI, the REST API (/api/v1) and its OpenAPI document until stopped (Ctrl+C or SIGTERM)") { urls, withDaemon, withWorker, webOnly };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var leaveQueue = parse.GetValue(webOnly) || kb.Options.Web.WebOnly;
            var runDaemon = parse.GetValue(withDaemon);
            var runWorker = parse.GetValue(withWorker) || kb.Options.Web.WithWorker;
            if (leaveQueue && (runDaemon || runWorker))
            {
                Terminal.Error("--web-only (Web.WebOnly) leaves the queue to `strata worker` processes: it cannot be combined with --with-daemon or --with-worker (Web.WithWorker)");
                return ExitCodes.Usage;
            }

            if (leaveQueue)
            {
                kb.LeaveQueueToWorkers();
            }

            WebApplication app;
            try
            {
                app = await StrataWebServer.BuildAsync(kb, parse.GetValue(urls), cancellationToken: cancellationToken);
            }
            catch (WebStartupException exception)
            {
                Terminal.Error(exception.Message);
                return ExitCodes.Usage;
            }

            await using (app)
            {
                await app.StartAsync(cancellationToken);
                Terminal.Line($"Strata is serving {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
                Terminal.Line(QueueMode(leaveQueue, runDaemon, runWorker, kb));
                var stopping = app.Lifetime.ApplicationStopping;
                var daemon = runDaemon
                    ? Task.Run(() => new StrataDaemon(kb, TimeProvider.System).RunAsync(stopping), CancellationToken.None)
                    : Task.CompletedTask;
                var worker = runWorker
                    ? Task.Run(() => WorkQueueAsync(kb, stopping), CancellationToken.None)
                    : Task.CompletedTask;
                await app.WaitForShutdownAsync(cancellationToken);
                await Task.WhenAll(daemon, worker);
                Terminal.Line("server stopped");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The in-process worker: stopping mid-batch is fine (the batch is redone on the next start); a failure is one line and the web keeps serving.</summary>
    private static async Task WorkQueueAsync(KnowledgeBase kb, CancellationToken stopping)
    {
        try
        {
            await new QueueWorker(kb, TimeProvider.System).RunAsync(untilEmpty: false, StrataDaemon.MaxIdle, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Asked to stop.
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            kb.Log.Write($"queue worker stopped: {exception.Message}");
            Terminal.Error($"queue worker stopped: {exception.Message} (the web keeps serving; `strata worker` can take over)");
        }
    }

    /// <summary>One line saying who works the queue, so an operator can tell the processes of a deployment apart.</summary>
    private static string QueueMode(bool leaveQueue, bool runDaemon, bool runWorker, KnowledgeBase kb) =>
        leaveQueue ? $"web only: added items are queued for `strata worker` processes ({kb.StoreDescription.Provider})"
        : runWorker || runDaemon ? $"queue: worked continuously in this process{(runDaemon ? " (daemon: sources, folders, digests)" : string.Empty)}"
        : "queue: worked when items are added here; run `strata worker` or --with-worker for jobs queued elsewhere";
}
