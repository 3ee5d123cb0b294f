using System.CommandLine;
using Strata.Cli.Output;
using Strata.Hosting;
using Strata.Hosting.Configuration;

namespace Strata.Cli.Commands;

internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Create the data directory with a commented default configuration");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = GlobalOptions.DataDirectory(parse);
            Directory.CreateDirectory(data.Root);
            var wroteConfig = !File.Exists(data.ConfigPath);
            if (wroteConfig)
            {
                await File.WriteAllTextAsync(data.ConfigPath, StrataConfiguration.DefaultConfigText, cancellationToken);
            }

            await using var kb = await KnowledgeBase.OpenAsync(data, cancellationToken: cancellationToken);
            Terminal.Line($"data directory: {data.Root}");
            Terminal.Line(wroteConfig ? $"wrote default configuration: {data.ConfigPath}" : $"kept existing configuration: {data.ConfigPath}");
            Terminal.Line($"database: {data.DatabasePath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
