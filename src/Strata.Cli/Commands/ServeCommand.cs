using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Strata.Cli.Output;
using Microsoft.Extensions.Hosting;
using Strata.Hosting.Daemon;
using Strata.Web;

namespace Strata.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default: Web.Urls, http://127.0.0.1:5080). Anything but loopback needs a password or API token." };
        var withDaemon = new Option<bool>("--with-daemon") { Description = "Also collect from sources, watch folders and send digests in this process" };
        var command = new Command("serve", "Run the web UI, the REST API (/api/v1) and its OpenAPI document until stopped (Ctrl+C or SIGTERM)") { urls, withDaemon };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
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
                var daemon = parse.GetValue(withDaemon)
                    ? Task.Run(() => new StrataDaemon(kb, TimeProvider.System).RunAsync(app.Lifetime.ApplicationStopping), CancellationToken.None)
                    : Task.CompletedTask;
                await app.WaitForShutdownAsync(cancellationToken);
                await daemon;
                Terminal.Line("server stopped");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
