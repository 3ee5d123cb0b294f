using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Export data from the base");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output" };
        var opml = new Command("opml", "Every feed source as OPML 2.0 (tags as folders)") { output };
        opml.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var text = await kb.ExportOpmlAsync(cancellationToken);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken);
                Terminal.Line($"wrote {path}");
            }
            else
            {
                Terminal.Line(text);
            }

            return ExitCodes.Success;
        });
        command.Subcommands.Add(opml);
        return command;
    }
}
