using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata category add|list|remove|apply</c>: categories described in words, matched by meaning.</summary>
internal static class CategoryCommand
{
    public static Command Create()
    {
        var command = new Command("category", "Categories described in words (\"papers about retrieval-augmented generation\"), matched to items by meaning when an embedding model is configured");
        var name = new Argument<string>("name") { Description = "The category" };
        var describe = new Option<string>("--describe") { Description = "What belongs in it, in words", Required = true };
        var add = new Command("add", "Describe a category (or change its description)") { name, describe };
        add.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            try
            {
                var category = await kb.DescribeCategoryAsync(parse.GetValue(name)!, parse.GetValue(describe)!, cancellationToken);
                Terminal.Line($"category '{category.Name}': {category.Description}");
            }
            catch (ArgumentException exception)
            {
                throw new UsageException(exception.Message);
            }

            Terminal.Line(kb.Options.Embedding.IsEnabled
                ? "items are matched to it after each embedding pass; `strata category apply` matches now"
                : "configure an embedding model (Embedding.Provider in strata.json) to match items to it by meaning");
            return ExitCodes.Success;
        });

        var list = new Command("list", "List the described categories");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var categories = await kb.ListCategoryDescriptionsAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(categories.Select(category => new CategoryJson(category.Name, category.Description)).ToArray(), CliJson.Relaxed.CategoryJsonArray);
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("category", "description");
            foreach (var category in categories)
            {
                table.AddRow(Terminal.Escape(category.Name), Terminal.Escape(category.Description));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });

        var removeName = new Argument<string>("name") { Description = "The category" };
        var remove = new Command("remove", "Remove a described category (items keep the category they have)") { removeName };
        remove.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            if (!await kb.RemoveCategoryDescriptionAsync(parse.GetValue(removeName)!, cancellationToken))
            {
                Terminal.Error($"no described category '{parse.GetValue(removeName)}'");
                return ExitCodes.Failed;
            }

            Terminal.Line($"removed '{parse.GetValue(removeName)}'");
            return ExitCodes.Success;
        });

        var apply = new Command("apply", "Match items without a category to the described categories now");
        apply.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var matches = await kb.AssignSemanticCategoriesAsync(cancellationToken);
            if (matches is null)
            {
                Terminal.Error(Hosting.KnowledgeBase.NoModelMessage);
                return ExitCodes.Failed;
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(matches.Select(match => new CategoryMatchJson(match.ItemId, match.Category, match.Similarity)).ToArray(), CliJson.Relaxed.CategoryMatchJsonArray);
                return ExitCodes.Success;
            }

            foreach (var match in matches)
            {
                Terminal.Line($"{match.ItemId}  {match.Category}  {match.Similarity:0.00}");
            }

            Terminal.Line($"{matches.Count:N0} item(s) matched (items whose category you, a source or a rule set keep it)");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(remove);
        command.Subcommands.Add(apply);
        return command;
    }
}
