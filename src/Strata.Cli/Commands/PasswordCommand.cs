using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Hosting.Web;

namespace Strata.Cli.Commands;

/// <summary><c>strata password</c>: sets, clears or hashes the web login password.</summary>
internal static class PasswordCommand
{
    /// <summary>Shortest password accepted (it may guard a server reachable from the network).</summary>
    public const int MinLength = 8;

    public static Command Create()
    {
        var clear = new Option<bool>("--clear") { Description = "Remove the stored password (API tokens keep working)" };
        var printHash = new Option<bool>("--print-hash", "--print") { Description = "Print a hash for Web.PasswordHash in strata.json (or STRATA__WEB__PASSWORDHASH) instead of storing it" };
        var command = new Command("password", $"Set the web login password: typed twice on a terminal, else the first line of standard input (at least {MinLength} characters)")
        {
            clear, printHash,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(clear))
            {
                if (parse.GetValue(printHash))
                {
                    throw new UsageException("give --clear or --print-hash, not both");
                }

                await using var cleared = await GlobalOptions.OpenAsync(parse, cancellationToken);
                await cleared.SetPasswordAsync(null, cancellationToken);
                Terminal.Line("password removed" + (cleared.Options.Web.PasswordHash is { Length: > 0 } ? " (Web.PasswordHash in the config still applies)" : string.Empty));
                return ExitCodes.Success;
            }

            var password = await ReadPasswordAsync(cancellationToken);
            if (parse.GetValue(printHash))
            {
                Terminal.Line(PasswordHash.Create(password));
                return ExitCodes.Success;
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            await kb.SetPasswordAsync(password, cancellationToken);
            Terminal.Line("password set: sign in at /login; 'strata serve' may now listen beyond loopback");
            if (kb.Options.Web.PasswordHash is { Length: > 0 })
            {
                Terminal.Error("note: Web.PasswordHash in the config takes precedence over the stored password");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<string> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        string password;
        if (Console.IsInputRedirected)
        {
            password = (await Console.In.ReadLineAsync(cancellationToken) ?? string.Empty).TrimEnd('\r', '\n');
        }
        else
        {
            password = Terminal.Ansi.Prompt(new TextPrompt<string>("New password:").Secret());
            if (Terminal.Ansi.Prompt(new TextPrompt<string>("Again:").Secret()) != password)
            {
                throw new UsageException("the two passwords differ; nothing changed");
            }
        }

        return password.Length >= MinLength ? password : throw new UsageException($"a password needs at least {MinLength} characters; nothing changed");
    }
}
