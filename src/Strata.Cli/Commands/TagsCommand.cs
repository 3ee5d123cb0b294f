using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata tags</c>: the taxonomy with counts; rename, merge, and merge suggestions.</summary>
internal static class TagsCommand
{
    public static Command Create()
    {
        var command = new Command("tags", "List tags with item counts (hierarchy with '/'); rename and merge them");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var tags = await kb.ListTagsAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(tags.Select(tag => new TagCountJson(tag.Tag, tag.Items, tag.ByUser, tag.ByMachine)).ToArray(), CliJson.Relaxed.TagCountJsonArray);
                return ExitCodes.Success;
            }

            if (tags.Count == 0)
            {
                Terminal.Line("no tags yet: `strata tag <id> +name`, or add a rule (`strata rule add`)");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("tag", "items", "yours", "by rules/models");
            var names = tags.Select(tag => tag.Tag).ToHashSet(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                // Children are indented under their parent when it is listed: ai/llm shows as "  llm" after "ai".
                var slash = tag.Tag.LastIndexOf('/');
                var depth = tag.Tag.Count(character => character == '/');
                var name = slash < 0 || !names.Contains(tag.Tag[..slash]) ? tag.Tag : new string(' ', depth * 2) + tag.Tag[(slash + 1)..];
                table.AddRow(Terminal.Escape(name), tag.Items.ToString("N0"), tag.ByUser.ToString("N0"), tag.ByMachine.ToString("N0"));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(Rename("rename", "Rename a tag (and its children ai/… when renaming ai) on every item"));
        command.Subcommands.Add(Rename("merge", "Merge the first tag into the second: every item with the first gets the second instead"));
        command.Subcommands.Add(Suggest());
        return command;
    }

    private static Command Rename(string name, string description)
    {
        var from = new Argument<string>("from") { Description = "The tag to rename or merge away" };
        var to = new Argument<string>("to") { Description = "The new name, or the tag to merge into" };
        var command = new Command(name, description) { from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var changed = await kb.RenameTagAsync(parse.GetValue(from)!, parse.GetValue(to)!, cancellationToken);
            if (changed == 0)
            {
                Terminal.Error($"no item has the tag '{parse.GetValue(from)}'");
                return ExitCodes.Failed;
            }

            Terminal.Line($"{(name == "merge" ? "merged" : "renamed")} '{parse.GetValue(from)}' → '{parse.GetValue(to)}' on {changed:N0} item(s)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Suggest()
    {
        var command = new Command("suggest-merges", "Tags that are probably one (similar names, or mostly the same items)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var suggestions = await kb.SuggestTagMergesAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(suggestions.Select(suggestion => new MergeSuggestionJson(suggestion.From, suggestion.Into, suggestion.Reason)).ToArray(), CliJson.Relaxed.MergeSuggestionJsonArray);
                return ExitCodes.Success;
            }

            if (suggestions.Count == 0)
            {
                Terminal.Line("no tags look alike");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("merge", "into", "why", "command");
            foreach (var suggestion in suggestions)
            {
                table.AddRow(Terminal.Escape(suggestion.From), Terminal.Escape(suggestion.Into), Terminal.Escape(suggestion.Reason), Terminal.Escape($"strata tags merge {suggestion.From} {suggestion.Into}"));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
