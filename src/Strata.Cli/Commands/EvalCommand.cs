using System.CommandLine;

namespace Strata.Cli.Commands;

/// <summary><c>strata eval …</c>: measure Strata's methods on public labelled data.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure quality on labelled data sets (classification)");
        command.Subcommands.Add(EvalClassifyCommand.Create());
        return command;
    }
}
