using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata token create|list|revoke</c>: API tokens for the web server (<c>Authorization: Bearer …</c>).</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var command = new Command("token", "Manage API tokens for 'strata serve' (sent as 'Authorization: Bearer <token>')");
        command.Subcommands.Add(CreateToken());
        command.Subcommands.Add(ListTokens());
        command.Subcommands.Add(RevokeToken());
        return command;
    }

    private static Command CreateToken()
    {
        var name = new Option<string>("--name") { Description = "What the token is for (e.g. phone); unique", Required = true };
        var command = new Command("create", "Create a token and print its secret once (only a hash is stored)") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            (Core.Web.ApiToken Token, string Secret) created;
            try
            {
                created = await kb.CreateApiTokenAsync(parse.GetValue(name)!, cancellationToken);
            }
            catch (ArgumentException exception)
            {
                throw new UsageException(exception.Message.Split(" (Parameter", 2)[0]);
            }

            var (token, secret) = created;
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new TokenJson(token.Id, token.Name, token.CreatedAt, token.LastUsedAt, secret), WebJson.Default.TokenJson);
                return ExitCodes.Success;
            }

            Terminal.Line($"token '{token.Name}' created; copy the secret now, it is not shown again:");
            Terminal.Line(secret);
            Terminal.Line("use it as: curl -H 'Authorization: Bearer <secret>' http://127.0.0.1:5080/api/v1/items");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListTokens()
    {
        var command = new Command("list", "List tokens (names, when made and last used; never the secrets)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var tokens = await kb.ListApiTokensAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(tokens.Select(token => new TokenJson(token.Id, token.Name, token.CreatedAt, token.LastUsedAt, null)).ToArray(), WebJson.Default.TokenJsonArray);
                return ExitCodes.Success;
            }

            if (tokens.Count == 0)
            {
                Terminal.Line("no API tokens: create one with 'strata token create --name <name>'");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "name", "created", "last used");
            foreach (var token in tokens)
            {
                table.AddRow(Terminal.Escape(token.Id), Terminal.Escape(token.Name), token.CreatedAt.ToString("yyyy-MM-dd HH:mm"), token.LastUsedAt?.ToString("yyyy-MM-dd HH:mm") ?? "never");
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevokeToken()
    {
        var token = new Argument<string>("name-or-id") { Description = "The token's name or id" };
        var command = new Command("revoke", "Revoke a token: requests carrying it are refused from now on") { token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            if (!await kb.RevokeApiTokenAsync(parse.GetValue(token)!, cancellationToken))
            {
                Terminal.Error($"no token named or numbered '{parse.GetValue(token)}' (see 'strata token list')");
                return ExitCodes.Failed;
            }

            Terminal.Line($"revoked '{parse.GetValue(token)}'");
            return ExitCodes.Success;
        });
        return command;
    }
}
