using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class TagCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Item id (or its first characters)" };
        var edits = new Argument<string[]>("edits") { Description = "+tag to add, -tag to remove (a bare tag adds); hierarchy with '/': +ai/llm", Arity = ArgumentArity.OneOrMore };
        var command = new Command("tag", "Add or remove tags on an item") { id, edits };
        command.TreatUnmatchedTokensAsErrors = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var add = new List<string>();
            var remove = new List<string>();
            foreach (var edit in parse.GetValue(edits) ?? [])
            {
                var name = edit.TrimStart('+', '-').Trim();
                if (name.Length == 0)
                {
                    throw new UsageException($"empty tag in '{edit}'");
                }

                (edit.StartsWith('-') ? remove : add).Add(name);
            }

            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var tags = await kb.TagAsync(parse.GetValue(id)!, add, remove, cancellationToken);
            if (tags is null)
            {
                Terminal.Error($"no item matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(tags.Select(tag => new TagJson(tag.Name, tag.Origin.ToString().ToLowerInvariant(), tag.Confidence)).ToArray(), CliJson.Relaxed.TagJsonArray);
            }
            else
            {
                Terminal.Line(tags.Count == 0 ? "tags: (none)" : "tags: " + string.Join(", ", tags.Select(tag => tag.Name)));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
