using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Enrich.Rules;
using Rule = Strata.Core.Enrich.Rules.Rule;

namespace Strata.Cli.Commands;

/// <summary><c>strata rule add|list|remove|apply</c>: the user's classification rules.</summary>
internal static class RuleCommand
{
    public static Command Create()
    {
        var command = new Command("rule", "Rules that tag, categorise or file items by domain, source, URL, title, text, language or kind");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Apply());
        return command;
    }

    private static Command Add()
    {
        var name = new Option<string?>("--name") { Description = "A name to refer to the rule by" };
        var domain = new Option<string?>("--domain") { Description = "When: the item's host is this domain or under it (example.com)" };
        var source = new Option<string?>("--source") { Description = "When: collected by this source (id, its start, or name)" };
        var url = new Option<string?>("--url") { Description = "When: the URL matches this glob (*/papers/*) or /regex/" };
        var title = new Option<string?>("--title") { Description = "When: the title matches this regex (case-insensitive)" };
        var text = new Option<string?>("--text") { Description = "When: the text matches this regex (case-insensitive)" };
        var language = new Option<string?>("--lang") { Description = "When: the language is this code (en, zh, …)" };
        var kind = new Option<string?>("--kind") { Description = "When: the item is of this kind (article, paper, note, file, bookmark)" };
        var tags = new Option<string[]>("--tag") { Description = "Then: add this tag (repeatable)", AllowMultipleArgumentsPerToken = true };
        var category = new Option<string?>("--category") { Description = "Then: set this category" };
        var status = new Option<string?>("--status") { Description = "Then: set the status (inbox, read, archived)" };
        var command = new Command("add", "Add a rule; all conditions given must match. Applies to new items; `strata rule apply` for existing ones")
        {
            name, domain, source, url, title, text, language, kind, tags, category, status,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var when = new RuleConditions
            {
                Domain = parse.GetValue(domain), Source = parse.GetValue(source), Url = parse.GetValue(url), Title = parse.GetValue(title),
                Text = parse.GetValue(text), Language = parse.GetValue(language)?.ToLowerInvariant(), Kind = parse.GetValue(kind)?.ToLowerInvariant(),
            };
            var then = new RuleActions { Tags = parse.GetValue(tags) ?? [], Category = parse.GetValue(category), Status = parse.GetValue(status)?.ToLowerInvariant() };
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            Rule rule;
            try
            {
                rule = await kb.AddRuleAsync(parse.GetValue(name), when, then, cancellationToken);
            }
            catch (ArgumentException exception)
            {
                throw new UsageException(exception.Message);
            }

            Terminal.Line($"added rule {rule.Id}{(rule.Name is null ? string.Empty : $" ({rule.Name})")}: {Describe(rule)}");
            Terminal.Line("it applies to new items; run `strata rule apply --dry-run` to see what it changes in the base");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the rules");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var rules = await kb.ListRulesAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(rules.Select(rule => new RuleJson(rule.Id, rule.Name, Describe(rule), rule.Enabled)).ToArray(), CliJson.Relaxed.RuleJsonArray);
                return ExitCodes.Success;
            }

            if (rules.Count == 0)
            {
                Terminal.Line("no rules yet: `strata rule add --domain arxiv.org --tag papers`");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "name", "rule");
            foreach (var rule in rules)
            {
                table.AddRow(rule.Id, Terminal.Escape(rule.Name ?? string.Empty), Terminal.Escape(Describe(rule)));
            }

            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("rule") { Description = "Rule id (or its first characters) or name" };
        var command = new Command("remove", "Remove a rule (tags it applied go on the next `strata rule apply`)") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            if (!await kb.RemoveRuleAsync(parse.GetValue(id)!, cancellationToken))
            {
                Terminal.Error($"no rule matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            Terminal.Line($"removed rule {parse.GetValue(id)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Apply()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would change" };
        var command = new Command("apply", "Apply the rules to every item already in the base") { dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var dry = parse.GetValue(dryRun);
            var changes = await kb.ApplyRulesAsync(dry, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(changes.Select(change => new RuleChangeJson(change.ItemId, change.Title, change.AddedTags.ToArray(), change.RemovedTags.ToArray(), change.Category, change.Status, change.Rules.ToArray())).ToArray(),
                    CliJson.Relaxed.RuleChangeJsonArray);
                return ExitCodes.Success;
            }

            foreach (var change in changes)
            {
                var parts = change.AddedTags.Select(tag => "+" + tag).Concat(change.RemovedTags.Select(tag => "-" + tag))
                    .Concat(change.Category is null ? [] : [$"category={change.Category}"]).Concat(change.Status is null ? [] : [$"status={change.Status}"]);
                Terminal.Line($"{change.ItemId}  {string.Join(' ', parts)}  {change.Title}");
            }

            Terminal.Line(dry ? $"{changes.Count:N0} item(s) would change (dry run: nothing written)" : $"{changes.Count:N0} item(s) changed");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(Rule rule)
    {
        var when = new List<string>();
        void Add(string label, string? value)
        {
            if (value is not null)
            {
                when.Add($"{label} {value}");
            }
        }

        Add("domain", rule.When.Domain);
        Add("source", rule.When.Source);
        Add("url", rule.When.Url);
        Add("title ~", rule.When.Title);
        Add("text ~", rule.When.Text);
        Add("lang", rule.When.Language);
        Add("kind", rule.When.Kind);
        var then = rule.Then.Tags.Select(tag => "+" + tag).ToList();
        if (rule.Then.Category is not null)
        {
            then.Add("category " + rule.Then.Category);
        }

        if (rule.Then.Status is not null)
        {
            then.Add("status " + rule.Then.Status);
        }

        return $"when {string.Join(" and ", when)} then {string.Join(", ", then)}";
    }
}
